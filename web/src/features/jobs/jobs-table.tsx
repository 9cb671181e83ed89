import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerStop, IconRotateClockwise } from '@tabler/icons-react';
import { RelativeTime } from '../../components/relative-time.tsx';
import { errorMessage, type JobSummary } from '../../lib/api/index.ts';
import { JobProgress } from './job-progress.tsx';
import { useCancelJob, useRetryJob } from './use-jobs.ts';

export const jobStatusColors: Record<string, string> = {
  queued: 'blue',
  running: 'brand',
  succeeded: 'teal',
  failed: 'red',
  dead: 'red',
  cancelled: 'gray',
};
const retryable = new Set(['dead', 'failed', 'cancelled']);
const cancellable = new Set(['queued', 'running']);

/** One row per job: what, state, progress, attempts, timing, last error, and retry/cancel. */
export function JobRows({ jobs, canManage }: { jobs: JobSummary[]; canManage: boolean }) {
  const retry = useRetryJob();
  const cancel = useCancelJob();
  const run = (action: typeof retry, job: JobSummary, verb: string) =>
    action.mutate(job.id, {
      onSuccess: () => notifications.show({ color: 'teal', title: `Job ${verb}`, message: job.name }),
      onError: (err) =>
        notifications.show({
          color: 'red',
          title: `Could not ${verb === 'queued again' ? 'retry' : 'cancel'} the job`,
          message: errorMessage(err),
        }),
    });
  return jobs.map((j) => (
    <Table.Tr key={j.id}>
      <Table.Td>
        <Text size="sm" fw={600} ff="monospace">
          {j.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          …{j.id.slice(-8)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={jobStatusColors[j.status] ?? 'gray'} variant={j.status === 'running' ? 'dot' : 'light'}>
          {j.status}
        </Badge>
      </Table.Td>
      <Table.Td>
        <JobProgress status={j.status} progress={j.progress} />
      </Table.Td>
      <Table.Td className="tabular">
        <Text size="sm">
          {j.attempts} / {j.maxAttempts}
        </Text>
      </Table.Td>
      <Table.Td>
        {j.finishedAt ? (
          <Text size="sm">
            Finished <RelativeTime value={j.finishedAt} />
          </Text>
        ) : j.status === 'queued' ? (
          <Text size="sm">
            Runs <RelativeTime value={j.runAt} />
          </Text>
        ) : (
          <Text size="sm">
            Started <RelativeTime value={j.startedAt ?? j.createdAt} />
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={260}>
        {j.lastError ? (
          <Tooltip label={j.lastError} multiline w={420}>
            <Text size="xs" c="red" lineClamp={2}>
              {j.lastError}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {canManage && (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            {retryable.has(j.status) && (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconRotateClockwise size={14} />}
                onClick={() => run(retry, j, 'queued again')}
                loading={retry.isPending && retry.variables === j.id}
                aria-label={`Retry ${j.name}`}
              >
                Retry
              </Button>
            )}
            {cancellable.has(j.status) && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                leftSection={<IconPlayerStop size={14} />}
                onClick={() => run(cancel, j, 'cancelled')}
                loading={cancel.isPending && cancel.variables === j.id}
                aria-label={`Cancel ${j.name}`}
              >
                Cancel
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  ));
}
