import { Badge, Group, Paper, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconBolt, IconFileText } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../components/relative-time.tsx';
import { useWebActivity } from './use-tracking.ts';

const path = (url: string | null) => {
  if (!url) return '—';
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
};

/** A contact's web sessions, newest first: where they came from (UTM, referrer) and the pages they read. */
export function ContactWebActivityCard({ contactId }: { contactId: string }) {
  const activity = useWebActivity(contactId);
  return (
    <Paper p="lg" component="section" aria-label="Web activity">
      <Title order={2} fz="md" mb="sm">
        Web activity
      </Title>
      {activity.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading web activity">
          <Skeleton height={16} />
          <Skeleton height={16} width="70%" />
        </Stack>
      ) : activity.error ? (
        <ErrorAlert error={activity.error} title="Could not load web activity" onRetry={() => activity.refetch()} />
      ) : activity.data.sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No visits known yet. Visits appear once this person fills a form on a tracked site or opens a tracked link from your emails.
        </Text>
      ) : (
        <Stack gap="md">
          {activity.data.sessions.map((s) => (
            <Stack key={s.id} gap={6} data-testid="web-session">
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {formatDateTime(s.startedAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.siteName ?? 'removed site'} · {s.pageCount} page{s.pageCount === 1 ? '' : 's'}
                </Text>
                {Object.entries(s.utm).map(([k, v]) => (
                  <Badge key={k} size="sm" variant="light" tt="none">
                    utm_{k}: {v}
                  </Badge>
                ))}
                {s.referrer && (
                  <Badge size="sm" variant="outline" color="gray" tt="none">
                    from {new URL(s.referrer).hostname}
                  </Badge>
                )}
              </Group>
              <Timeline bulletSize={18} lineWidth={1}>
                {s.events.map((e) => (
                  <Timeline.Item
                    key={`${e.occurredAt}-${e.kind}-${e.name ?? ''}-${e.url ?? ''}`}
                    bullet={e.kind === 'custom' ? <IconBolt size={11} /> : <IconFileText size={11} />}
                    title={<Text size="sm">{e.kind === 'custom' ? `Event: ${e.name}` : (e.title ?? path(e.url))}</Text>}
                  >
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {path(e.url)} · {new Date(e.occurredAt).toLocaleTimeString()}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          ))}
          {activity.data.hasMore && (
            <Text size="xs" c="dimmed">
              Showing the 20 latest visits.
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
