import { Badge, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Import, ImportStatus } from './import-types.ts';

export const statusColor: Record<ImportStatus, string> = {
  queued: 'gray',
  running: 'brand',
  completed: 'teal',
  failed: 'red',
  cancelled: 'gray',
  undoing: 'orange',
  undone: 'gray',
};

export function StatusBadge({ status }: { status: ImportStatus }) {
  return (
    <Badge color={statusColor[status]} variant="light" data-testid="import-status">
      {status}
    </Badge>
  );
}

const eta = (s: number | null) =>
  s === null
    ? ''
    : s < 60
      ? `${Math.max(1, Math.round(s))} s left`
      : s < 3600
        ? `${Math.round(s / 60)} min left`
        : `${(s / 3600).toFixed(1)} h left`;

/** Rows processed of all (bytes read while the total is unknown), rows per second and time left. */
export function ImportProgress({ imp }: { imp: Import }) {
  const p = imp.progress;
  const fraction = p.totalRows ? p.processedRows / p.totalRows : p.totalBytes ? p.bytesRead / p.totalBytes : 0;
  const live = imp.status === 'running' || imp.status === 'undoing';
  return (
    <Stack gap={6}>
      <Progress
        value={imp.status === 'completed' ? 100 : fraction * 100}
        size="lg"
        radius="xl"
        animated={live}
        aria-label={`${Math.round(fraction * 100)}% processed`}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm" className="tabular" data-testid="import-processed">
          {p.processedRows.toLocaleString()}
          {p.totalRows !== null ? ` of ${p.totalRows.toLocaleString()}` : ''} rows
        </Text>
        {live && (
          <Text size="sm" c="dimmed" className="tabular">
            {Math.round(p.rowsPerSecond).toLocaleString()} rows/s {eta(p.etaSeconds) && `· ${eta(p.etaSeconds)}`}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** Created, updated, skipped and failed rows. */
export function ImportCounts({ imp }: { imp: Import }) {
  const items = [
    ['Created', imp.counts.created, 'teal'],
    ['Updated', imp.counts.updated, 'brand'],
    ['Skipped', imp.counts.skipped, 'gray'],
    ['Failed', imp.counts.failed, 'red'],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      {items.map(([label, n, color]) => (
        <Stack key={label} gap={0} data-testid={`count-${label.toLowerCase()}`}>
          <Text size="xl" fw={700} c={n && color !== 'gray' ? color : undefined} className="tabular">
            {n.toLocaleString()}
          </Text>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
