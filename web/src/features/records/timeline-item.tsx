import { Anchor, Badge, Group, Spoiler, Stack, Text } from '@mantine/core';
import {
  IconCalendarEvent,
  IconChecklist,
  IconCircleCheck,
  IconMail,
  IconNote,
  IconPencil,
  IconPhone,
  IconStairsUp,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDateTime, formatRelative } from '../../components/relative-time.tsx';
import type { TimelineItem } from './crm-types.ts';
import { formatShortDateTime } from './format.ts';

type Data = Record<string, unknown>;
const activityIcons: Record<string, { icon: ReactNode; color: string }> = {
  note: { icon: <IconNote size={15} />, color: 'yellow' },
  call: { icon: <IconPhone size={15} />, color: 'teal' },
  meeting: { icon: <IconCalendarEvent size={15} />, color: 'grape' },
  email: { icon: <IconMail size={15} />, color: 'blue' },
};

/** The bullet of an item: what kind of thing happened. */
export function bulletOf(item: TimelineItem): { icon: ReactNode; color: string } {
  const d = item.data as Data;
  if (item.kind === 'activity') return activityIcons[String(d.type)] ?? activityIcons.note!;
  if (item.kind === 'task')
    return d.event === 'completed'
      ? { icon: <IconCircleCheck size={15} />, color: 'green' }
      : { icon: <IconChecklist size={15} />, color: 'orange' };
  if (item.kind === 'stage_change') return { icon: <IconStairsUp size={15} />, color: 'cyan' };
  return { icon: <IconPencil size={15} />, color: 'gray' };
}

/** A changed value in words: lists of emails/phones by their address, objects as JSON, empty as a dash. */
function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v))
    return v.length
      ? v.map((x) => (x && typeof x === 'object' ? ((x as Data).email ?? (x as Data).phone ?? JSON.stringify(x)) : x)).join(', ')
      : '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v).replace(/_/g, ' ');
}
const fieldName = (f: string) =>
  (f.startsWith('custom.') ? f.slice(7) : f)
    .replace(/([A-Z])/g, ' $1')
    .replace(/_/g, ' ')
    .toLowerCase();

function Details({ item }: { item: TimelineItem }) {
  const d = item.data as Data;
  if (item.kind === 'field_change') {
    const changes = (d.changes ?? []) as { field: string; before: unknown; after: unknown }[];
    return (
      <Stack gap={2}>
        {changes.slice(0, 8).map((c) => (
          <Text key={c.field} size="xs" c="dimmed">
            <Text span size="xs" fw={600} c="var(--mantine-color-text)">
              {fieldName(c.field)}
            </Text>
            : {show(c.before)} → {show(c.after)}
          </Text>
        ))}
      </Stack>
    );
  }
  if (item.kind === 'task' && d.dueAt)
    return (
      <Text size="xs" c="dimmed">
        Due {formatShortDateTime(String(d.dueAt))}
      </Text>
    );
  if (item.kind !== 'activity') return null;
  const x = (d.details ?? {}) as Data;
  const meta: string[] = [];
  if (d.type === 'meeting' && x.startsAt) meta.push(`${formatShortDateTime(String(x.startsAt))}${x.location ? ` · ${x.location}` : ''}`);
  if (d.type === 'email' && Array.isArray(x.to)) meta.push(`${x.from ?? ''} → ${(x.to as string[]).join(', ')}`);
  const body =
    d.type === 'note' && !d.subject
      ? String(d.body ?? '')
          .split('\n')
          .slice(1)
          .join('\n')
      : String(d.body ?? '');
  return (
    <Stack gap={4}>
      {meta.map((m) => (
        <Text key={m} size="xs" c="dimmed">
          {m}
        </Text>
      ))}
      {body.trim() && (
        <Spoiler maxHeight={66} showLabel="Show more" hideLabel="Show less" styles={{ control: { fontSize: 12 } }}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {body}
          </Text>
        </Spoiler>
      )}
      {typeof x.recordingUrl === 'string' && (
        <Anchor href={x.recordingUrl} target="_blank" rel="noreferrer" size="xs">
          Recording
        </Anchor>
      )}
    </Stack>
  );
}

/** The text of one timeline entry: summary, who and when, then its details. */
export function TimelineEntry({ item }: { item: TimelineItem }) {
  const d = item.data as Data;
  return (
    <Stack gap={4} data-testid="timeline-item">
      <Group gap={8} wrap="nowrap" justify="space-between" align="flex-start">
        <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
          {item.summary}
        </Text>
        {item.kind === 'task' && d.status === 'completed' && d.event === 'created' && (
          <Badge size="xs" color="green" variant="light">
            Done
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {item.actor} ·{' '}
        <time dateTime={item.at} title={formatDateTime(item.at)}>
          {formatRelative(item.at)}
        </time>
      </Text>
      <Details item={item} />
    </Stack>
  );
}
