import { ActionIcon, Button, Group, Menu, ScrollArea, Tabs, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDots, IconUsers } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../lib/api/index.ts';
import { useMe } from '../auth/use-me.ts';
import type { RecordEntity, SavedView, ViewDefinition } from './crm-types.ts';
import { SaveViewModal } from './save-view-modal.tsx';
import { useCreateView, useDeleteView, useUpdateView, useViews } from './use-views.ts';

interface Props {
  entity: RecordEntity;
  viewId: string | undefined;
  /** The URL named a view and nothing else: show that view's definition once it loads. */
  applyOnLoad: boolean;
  applyView: (id: string, def: ViewDefinition) => void;
  definition: ViewDefinition;
  differsFrom: (def: ViewDefinition) => boolean;
}

/** Saved views as tabs: built-in ones, mine and shared ones; save what is on screen as a view, rename, share, delete. */
export function ViewTabs({ entity, viewId, applyOnLoad, applyView, definition, differsFrom }: Props) {
  const me = useMe();
  const views = useViews(entity);
  const create = useCreateView();
  const update = useUpdateView();
  const remove = useDeleteView();
  const [saving, saveModal] = useDisclosure(false);
  const [renaming, renameModal] = useDisclosure(false);
  const current = viewId ?? `builtin:${entity}:all`;
  const active = views.data?.find((v) => v.id === current);
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !applyOnLoad || !active) return;
    applied.current = true;
    applyView(active.id, active.definition);
  }, [applyOnLoad, active, applyView]);
  if (!views.data) return null;
  const mine = (v: SavedView) => !v.builtIn && (v.ownerId === me.user?.id || me.role === 'admin');
  const dirty = active ? differsFrom(active.definition) : false;
  const fail = (title: string) => (err: unknown) => notifications.show({ color: 'red', title, message: errorMessage(err) });
  const saveChanges = () =>
    active &&
    update.mutate(
      { id: active.id, body: { definition } },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: `View “${active.name}” saved` }),
        onError: fail('Could not save the view'),
      },
    );
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" mb="sm">
      <ScrollArea type="never" style={{ flex: 1 }}>
        <Tabs value={current} onChange={(id) => id && applyView(id, views.data.find((v) => v.id === id)!.definition)} variant="default">
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {views.data.map((v) => (
              <Tabs.Tab
                key={v.id}
                value={v.id}
                rightSection={v.shared && !v.builtIn ? <IconUsers size={13} aria-label="shared" /> : undefined}
              >
                {v.name}
                {v.id === current && dirty ? ' •' : ''}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </ScrollArea>
      <Group gap={6} wrap="nowrap">
        {dirty && active && mine(active) && (
          <Button size="compact-sm" variant="light" onClick={saveChanges} loading={update.isPending}>
            Save changes
          </Button>
        )}
        {dirty && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconDeviceFloppy size={14} />} onClick={saveModal.open}>
            Save as view
          </Button>
        )}
        {active && mine(active) && (
          <Menu position="bottom-end">
            <Menu.Target>
              <Tooltip label="View options">
                <ActionIcon variant="subtle" color="gray" aria-label={`Options of view ${active.name}`}>
                  <IconDots size={16} />
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={renameModal.open}>Rename</Menu.Item>
              <Menu.Item
                onClick={() =>
                  update.mutate({ id: active.id, body: { shared: !active.shared } }, { onError: fail('Could not change sharing') })
                }
              >
                {active.shared ? 'Make private' : 'Share with the workspace'}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item
                color="red"
                onClick={() =>
                  remove.mutate(active.id, {
                    onSuccess: () => {
                      const all = views.data.find((v) => v.id === `builtin:${entity}:all`);
                      if (all) applyView(all.id, all.definition);
                    },
                    onError: fail('Could not delete the view'),
                  })
                }
              >
                Delete view
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <SaveViewModal
        opened={saving}
        onClose={saveModal.close}
        title="Save as a new view"
        canShare
        onSave={({ name, shared }) =>
          create.mutateAsync({ entityType: entity, name, shared, definition }).then((v) => applyView(v.id, v.definition))
        }
      />
      <SaveViewModal
        opened={renaming}
        onClose={renameModal.close}
        title="Rename view"
        initialName={active?.name}
        initialShared={active?.shared}
        canShare={false}
        onSave={({ name }) => update.mutateAsync({ id: active!.id, body: { name } })}
      />
    </Group>
  );
}
