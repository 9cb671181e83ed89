import { Button, Drawer, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import type { FunnelStage } from './analytics-types.ts';
import { type FunnelSearch, useFunnelDropOff } from './use-analytics.ts';

const pageSize = 25;

/** Who reached a stage but not the next, each a link to the contact, 25 at a time (keyed by stage and group, so a new one starts at the first page). */
export function FunnelDropOffDrawer({
  search,
  stage,
  stageName,
  group,
  onClose,
}: {
  search: FunnelSearch;
  stage: FunnelStage | null;
  stageName: string;
  group?: { key: string; label: string };
  onClose: () => void;
}) {
  const [offset, setOffset] = useState(0);
  const page = useFunnelDropOff(search, stage, group?.key, offset);
  const data = page.data;
  return (
    <Drawer
      opened={!!stage}
      onClose={onClose}
      position="right"
      size="lg"
      title={`Stopped at ${stageName}${group ? ` · ${group.label}` : ''}`}
    >
      {page.isPending ? (
        <Stack aria-busy="true" aria-label="Loading contacts">
          {[1, 2, 3, 4].map((i) => (
            <Skeleton key={i} h={24} />
          ))}
        </Stack>
      ) : page.error ? (
        <ErrorAlert error={page.error} title="Could not load the contacts" onRetry={() => page.refetch()} />
      ) : data ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Contacts who reached {stageName} but not the next stage, longest waiting first.
          </Text>
          <Text size="sm" data-testid="drop-off-total">
            {data.total === 0 ? 'Nobody stopped here.' : `${data.total} contact${data.total === 1 ? '' : 's'}`}
          </Text>
          {data.items.length > 0 && (
            <Table aria-label={`Stopped at ${stageName}`} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Contact</Table.Th>
                  <Table.Th>Reached {stageName}</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <AnchorLink to="/contacts/$contactId" params={{ contactId: c.id }}>
                        {c.name || 'Unnamed contact'}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{new Date(c.reachedAt).toLocaleDateString()}</Table.Td>
                    <Table.Td>{new Date(c.createdAt).toLocaleDateString()}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {data.total > pageSize && (
            <Group justify="space-between">
              <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
                Previous
              </Button>
              <Text size="sm" c="dimmed">
                {offset + 1}–{Math.min(offset + pageSize, data.total)} of {data.total}
              </Text>
              <Button variant="default" size="xs" disabled={offset + pageSize >= data.total} onClick={() => setOffset(offset + pageSize)}>
                Next
              </Button>
            </Group>
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
