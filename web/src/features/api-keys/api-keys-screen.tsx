import { Badge, Button, Code, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import type { ApiKey } from '../../lib/api/index.ts';
import { CreateApiKeyModal } from './create-api-key-modal.tsx';
import { useApiKeys, useRevokeApiKey } from './use-api-keys.ts';

function KeysTable({ keys }: { keys: ApiKey[] }) {
  const revoke = useRevokeApiKey();
  return (
    <TableCard label="API keys" minWidth={820}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Key</Table.Th>
          <Table.Th>Access</Table.Th>
          <Table.Th>Created</Table.Th>
          <Table.Th>Last used</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th w={100}>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k.id} data-revoked={k.revokedAt ? true : undefined} style={k.revokedAt ? { opacity: 0.62 } : undefined}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {k.name}
              </Text>
              {k.createdBy && (
                <Text size="xs" c="dimmed">
                  by {k.createdBy}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Code>{k.prefix}</Code>
            </Table.Td>
            <Table.Td>
              <Badge color={k.scope === 'read' ? 'gray' : 'brand'}>{k.scope === 'read' ? 'Read only' : 'Read & write'}</Badge>
            </Table.Td>
            <Table.Td>
              <RelativeTime value={k.createdAt} />
            </Table.Td>
            <Table.Td>
              <RelativeTime value={k.lastUsedAt} fallback="Never" />
            </Table.Td>
            <Table.Td>
              {k.revokedAt ? (
                <Badge color="red" variant="light">
                  Revoked
                </Badge>
              ) : (
                <Badge color="teal" variant="light">
                  Active
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {!k.revokedAt && (
                <ConfirmButton
                  title={`Revoke “${k.name}”?`}
                  message="Anything using this key stops working immediately. This cannot be undone; create a new key if you need access again."
                  confirmLabel="Revoke key"
                  onConfirm={() => revoke.mutateAsync(k.id)}
                  aria-label={`Revoke ${k.name}`}
                >
                  Revoke
                </ConfirmButton>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** Settings → API keys: create (shown once), list with last use, revoke. */
export function ApiKeysScreen() {
  const keys = useApiKeys();
  const [opened, { open, close }] = useDisclosure(false);
  const create = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      Create API key
    </Button>
  );
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let other systems use the Tandem API on behalf of this workspace. Treat them like passwords. See the{' '}
            <Text component="a" href="/api/docs" target="_blank" rel="noreferrer" c="brand" size="sm">
              API reference
            </Text>
            .
          </>
        }
        actions={create}
      />
      <CreateApiKeyModal opened={opened} onClose={close} />
      {keys.isPending ? (
        <LoadingCard label="Loading API keys" />
      ) : keys.isError ? (
        <ErrorAlert error={keys.error} title="Could not load API keys" onRetry={() => keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconKey size={26} />}
            title="No API keys yet"
            description="Create a key to import data, sync your warehouse or connect automation tools."
            action={
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
                Create API key
              </Button>
            }
          />
        </Paper>
      ) : (
        <KeysTable keys={keys.data} />
      )}
    </>
  );
}
