import { Text, Tooltip } from '@mantine/core';

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 minutes ago" / "in 2 days". */
export function formatRelative(iso: string, now = Date.now()) {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return Math.abs(seconds) < 10 ? 'just now' : rtf.format(Math.round(seconds), 'second');
}

export const formatDateTime = (iso: string) => full.format(new Date(iso));

/** A relative time with the exact one on hover; a dash for null. */
export function RelativeTime({ value, fallback = '—' }: { value: string | null | undefined; fallback?: string }) {
  if (!value) {
    return (
      <Text span size="sm" c="dimmed">
        {fallback}
      </Text>
    );
  }
  return (
    <Tooltip label={formatDateTime(value)}>
      <Text span size="sm" component="time" dateTime={value}>
        {formatRelative(value)}
      </Text>
    </Tooltip>
  );
}
