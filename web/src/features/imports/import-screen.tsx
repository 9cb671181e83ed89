import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime, RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { useMemberNames } from '../records/record-names.ts';
import { ImportCounts, ImportProgress, StatusBadge } from './import-status.tsx';
import { entityLabels } from './import-types.ts';
import { useCancelImport, useImport, useUndoImport } from './use-imports.ts';

const modeLabel = { create: 'add new only', update: 'update existing only', upsert: 'add and update' };

/** One import: live progress while it runs (cancel), then the counts, the error report and undo. */
export function ImportScreen({ id }: { id: string }) {
  const can = usePermissions();
  const q = useImport(id);
  const names = useMemberNames();
  const cancel = useCancelImport();
  const undo = useUndoImport();
  if (q.isError) return <ErrorAlert error={q.error} title="Could not load the import" onRetry={() => q.refetch()} />;
  if (q.isPending) return <LoadingCard label="Loading the import" />;
  const imp = q.data.import;
  const writable = can('imports:write');
  const live = imp.status === 'queued' || imp.status === 'running';
  const undoable = imp.status === 'completed' && !!imp.undoableUntil && new Date(imp.undoableUntil) > new Date();
  const finished = !live && imp.status !== 'undoing';
  return (
    <>
      <PageHeader
        title={imp.fileName}
        description={
          <>
            {entityLabels[imp.entity]}, {modeLabel[imp.mode]}, matched by {imp.key.replace('_', ' ')} · started{' '}
            <RelativeTime value={imp.createdAt} />
            {imp.createdBy ? ` by ${names.get(imp.createdBy) ?? 'a member'}` : ''} · <AnchorLink to="/imports">all imports</AnchorLink>
          </>
        }
        actions={<StatusBadge status={imp.status} />}
      />
      <Stack gap="lg">
        <Paper p="lg">
          <Stack gap="lg">
            <ImportProgress imp={imp} />
            <ImportCounts imp={imp} />
            {imp.error && (
              <Alert color="red" title="The import stopped">
                {imp.error}
              </Alert>
            )}
            <Group gap="sm">
              {live && writable && (
                <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(imp.id)}>
                  Cancel import
                </Button>
              )}
              {finished && (imp.counts.failed > 0 || imp.counts.skipped > 0) && (
                <Button
                  component="a"
                  href={`/api/imports/${imp.id}/errors.csv`}
                  download
                  variant="light"
                  leftSection={<IconDownload size={16} />}
                >
                  Download error report
                </Button>
              )}
              {undoable && writable && (
                <ConfirmButton
                  title="Undo this import?"
                  message="Records it created are deleted and fields it changed get their previous values back. Changes made since then to those fields are overwritten."
                  confirmLabel="Undo import"
                  onConfirm={() => undo.mutateAsync(imp.id)}
                >
                  Undo import
                </ConfirmButton>
              )}
            </Group>
            {cancel.isError && <ErrorAlert error={cancel.error} title="Could not cancel" />}
            {undoable && (
              <Text size="sm" c="dimmed">
                Can be undone until {formatDateTime(imp.undoableUntil!)}.
              </Text>
            )}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
