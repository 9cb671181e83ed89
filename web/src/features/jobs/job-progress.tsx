import { Progress, Stack, Text } from '@mantine/core';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A fraction 0..1 from what handlers commonly report ({done,total}, {processed,total}, {percent}). */
export function progressFraction(p: unknown): number | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const o = p as Record<string, unknown>;
  const total = num(o.total);
  const done = num(o.done) ?? num(o.processed) ?? num(o.current) ?? num(o.completed);
  if (total && done !== undefined) return Math.min(1, Math.max(0, done / total));
  const pct = num(o.percent) ?? num(o.pct);
  return pct !== undefined ? Math.min(1, Math.max(0, pct / 100)) : undefined;
}

function progressLabel(p: unknown): string | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const o = p as Record<string, unknown>;
  const text = [o.message, o.step, o.phase].find((v) => typeof v === 'string') as string | undefined;
  const total = num(o.total);
  const done = num(o.done) ?? num(o.processed) ?? num(o.current) ?? num(o.completed);
  const counts = total !== undefined && done !== undefined ? `${done.toLocaleString()} / ${total.toLocaleString()}` : undefined;
  return [text, counts].filter(Boolean).join(' · ') || undefined;
}

/** The progress a job reported: a bar when it is a fraction, its words otherwise, a dash when none. */
export function JobProgress({ status, progress }: { status: string; progress: unknown }) {
  const reported = progressFraction(progress);
  // A finished job's bar is full; one that never reported progress shows none.
  const f = reported !== undefined && status === 'succeeded' ? 1 : reported;
  const label = progressLabel(progress);
  if (f === undefined && !label)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={4} miw={120}>
      {f !== undefined && (
        <Progress
          value={f * 100}
          size="sm"
          radius="xl"
          color={status === 'succeeded' ? 'teal' : status === 'running' ? 'brand' : 'gray'}
          aria-label={`${Math.round(f * 100)}% done`}
          animated={status === 'running'}
        />
      )}
      <Text size="xs" c="dimmed">
        {f !== undefined ? `${Math.round(f * 100)}%` : ''}
        {f !== undefined && label ? ' · ' : ''}
        {label}
      </Text>
    </Stack>
  );
}
