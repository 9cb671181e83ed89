import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { useMemberNames } from '../records/record-names.ts';
import { type RoutingRule, strategyLabels } from './routing-types.ts';
import { RuleFormModal } from './rule-form-modal.tsx';
import { useDeleteRule, useReorderRules, useRoutingRules, useTeams } from './use-routing.ts';

/** Whom a rule gives its leads to, in words. */
function target(r: RoutingRule, teams: Map<string, string>, members: Map<string, string>) {
  if (r.strategy === 'owner') return members.get(r.ownerId ?? '') ?? 'a former member';
  const team = teams.get(r.teamId ?? '') ?? 'a deleted team';
  return r.strategy === 'round_robin'
    ? `${team}, in turn`
    : `${team}, least loaded (${r.loadMeasure === 'open_tasks' ? 'open tasks' : 'open leads'})`;
}

/** The ordered rule list: the first active rule that matches a new lead assigns it. */
export function RoutingRulesCard({ canEdit }: { canEdit: boolean }) {
  const rules = useRoutingRules();
  const teams = useTeams();
  const members = useMemberNames();
  const reorder = useReorderRules();
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const teamNames = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const list = rules.data ?? [];
  const move = (i: number, by: -1 | 1) => {
    const ids = list.map((r) => r.id);
    const [id] = ids.splice(i, 1);
    ids.splice(i + by, 0, id!);
    reorder.mutate(ids);
  };
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={2} fz="md">
            Assignment rules
          </Title>
          <Text size="sm" c="dimmed">
            New leads without an owner (API, imports, forms) go through these rules top to bottom; the first match assigns.
          </Text>
        </div>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New rule
          </Button>
        )}
      </Group>
      {reorder.error != null && <ErrorAlert error={reorder.error} title="Could not reorder" />}
      {rules.isPending ? (
        <LoadingCard rows={3} label="Loading rules" />
      ) : rules.error ? (
        <ErrorAlert error={rules.error} title="Could not load the rules" onRetry={() => rules.refetch()} />
      ) : list.length === 0 ? (
        <Empty
          icon={<IconRoute />}
          title="No rules yet"
          description="Add a rule such as “Europe → EMEA team in turn”. Until then, leads go to the fallback owner or wait unassigned."
        />
      ) : (
        <Table aria-label="Routing rules" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Gives leads to</Table.Th>
              <Table.Th>Assigned</Table.Th>
              {canEdit && <Table.Th w={170}>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r, i) => (
              <Table.Tr key={r.id} data-testid="routing-rule">
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={550}>{r.name}</Text>
                    {!r.active && <Badge color="gray">Off</Badge>}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {strategyLabels[r.strategy]}
                  </Text>
                </Table.Td>
                <Table.Td>{target(r, teamNames, members)}</Table.Td>
                <Table.Td>{r.assignedCount}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label="Move up">
                        <ActionIcon variant="subtle" aria-label={`Move ${r.name} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                          <IconArrowUp size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Move down">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Move ${r.name} down`}
                          disabled={i === list.length - 1}
                          onClick={() => move(i, 1)}
                        >
                          <IconArrowDown size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <ActionIcon variant="subtle" aria-label={`Edit ${r.name}`} onClick={() => setEditing(r)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        title="Delete this rule?"
                        message={`Leads will no longer be routed by “${r.name}”. Leads it already assigned keep their owner.`}
                        confirmLabel="Delete rule"
                        onConfirm={() => remove.mutateAsync(r.id)}
                      >
                        Delete
                      </ConfirmButton>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack>
        <RuleFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          rule={editing === 'new' || editing === null ? undefined : editing}
        />
      </Stack>
    </Paper>
  );
}
