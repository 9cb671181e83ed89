import { ActionBar, Button, Group, Menu, Popover, Stack, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconTag, IconTrash, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import type { RecordEntity } from './crm-types.ts';
import { lifecycleStages } from './field-catalog.ts';
import { useMemberOptions } from './record-names.ts';
import { type BulkRequest, type BulkSelection, useBulkAction, useUndoBulk } from './use-bulk.ts';

interface Props {
  entity: RecordEntity;
  plural: string;
  /** How many are selected, in words ("12 contacts" / "all 2,200 matching contacts"). */
  label: string;
  selection: BulkSelection | null;
  onDone: () => void;
  onClear: () => void;
  /** "Select all N matching" when every loaded row is selected and more match. */
  selectAllMatching?: { label: string; onClick: () => void };
}

function TagsAction({ label, onApply, busy }: { label: string; onApply: (tags: string[]) => void; busy: boolean }) {
  const [tags, setTags] = useState<string[]>([]);
  return (
    <Popover position="top" shadow="md" trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconTag size={14} />}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <TagsInput
            size="xs"
            label={label}
            placeholder="Type a tag, then Enter"
            value={tags}
            onChange={setTags}
            data-autofocus
            comboboxProps={{ withinPortal: false }}
          />
          <Button size="xs" disabled={tags.length === 0} loading={busy} onClick={() => onApply(tags)}>
            {label}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The bar over a selection: change owner, stage, tags, delete; each change can be undone from its notification. */
export function BulkBar({ entity, plural, label, selection, onDone, onClear, selectAllMatching }: Props) {
  const can = usePermissions();
  const members = useMemberOptions();
  const bulk = useBulkAction(entity);
  const undo = useUndoBulk(entity);
  const run = (request: BulkRequest, verb: string) => {
    if (!selection) return;
    bulk.mutate(
      { selection, request },
      {
        onSuccess: (op) => {
          onDone();
          const id = `bulk-${op.id}`;
          notifications.show({
            id,
            color: op.status === 'completed' ? 'teal' : 'red',
            title: op.status === 'completed' ? `${verb}: ${op.result.changed} ${plural}` : `The bulk change ${op.status}`,
            message: (
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {op.result.error ?? (op.result.changed === 0 ? 'Nothing needed changing.' : 'You can undo this for 7 days.')}
                </Text>
                {op.undoable && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => {
                      notifications.hide(id);
                      undo.mutate(op.id, {
                        onSuccess: (u) =>
                          notifications.show({ color: 'teal', message: `Undone: ${u.result.undo?.restored ?? 0} ${plural} restored` }),
                        onError: (err) => notifications.show({ color: 'red', title: 'Could not undo', message: errorMessage(err) }),
                      });
                    }}
                  >
                    Undo
                  </Button>
                )}
              </Group>
            ),
            autoClose: 10_000,
          });
        },
        onError: (err) => notifications.show({ color: 'red', title: 'The bulk change did not run', message: errorMessage(err) }),
      },
    );
  };
  const write = can(entity === 'contact' ? 'contacts:write' : 'companies:write');
  const remove = can(entity === 'contact' ? 'contacts:delete' : 'companies:delete');
  return (
    <ActionBar opened={!!selection} onClose={onClear} closeOnEscape aria-label="Bulk actions" shadow="lg" radius="lg">
      <Text size="sm" fw={600} px={4} data-testid="bulk-count">
        {label}
      </Text>
      {selectAllMatching && (
        <Button size="compact-xs" variant="subtle" onClick={selectAllMatching.onClick}>
          {selectAllMatching.label}
        </Button>
      )}
      <ActionBar.Divider />
      {write && (
        <>
          <Menu position="top" withinPortal>
            <Menu.Target>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconUserCircle size={14} />}
                rightSection={<IconChevronDown size={12} />}
                loading={bulk.isPending}
              >
                Owner
              </Button>
            </Menu.Target>
            <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
              <Menu.Label>Change owner to</Menu.Label>
              {members.map((m) => (
                <Menu.Item key={m.value} onClick={() => run({ action: 'change_owner', params: { ownerId: m.value } }, 'Owner changed')}>
                  {m.label}
                </Menu.Item>
              ))}
              <Menu.Item onClick={() => run({ action: 'change_owner', params: { ownerId: null } }, 'Owner removed')}>No owner</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {entity === 'contact' && (
            <Menu position="top" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="default" rightSection={<IconChevronDown size={12} />}>
                  Stage
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Set lifecycle stage</Menu.Label>
                {lifecycleStages.map((s) => (
                  <Menu.Item
                    key={s.value}
                    onClick={() => run({ action: 'set_lifecycle', params: { stage: s.value } }, `Stage set to ${s.label}`)}
                  >
                    {s.label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          <TagsAction
            label="Add tags"
            busy={bulk.isPending}
            onApply={(tags) => run({ action: 'add_tags', params: { tags } }, 'Tags added')}
          />
          <TagsAction
            label="Remove tags"
            busy={bulk.isPending}
            onApply={(tags) => run({ action: 'remove_tags', params: { tags } }, 'Tags removed')}
          />
        </>
      )}
      {remove && (
        <ConfirmButton
          size="xs"
          variant="light"
          leftSection={<IconTrash size={14} />}
          title={`Delete ${label}?`}
          message={`They disappear from every list and search. You can undo this from the notification for 7 days.`}
          confirmLabel="Delete"
          onConfirm={async () => run({ action: 'delete' }, 'Deleted')}
        >
          Delete
        </ConfirmButton>
      )}
      <ActionBar.CloseButton aria-label="Clear selection" />
    </ActionBar>
  );
}
