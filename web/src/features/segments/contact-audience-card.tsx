import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { useContactAudience } from './use-segments.ts';

/** The contact page's "Segments and lists" section: where the contact is now and when it entered or left. */
export function ContactAudienceCard({ contactId }: { contactId: string }) {
  const q = useContactAudience(contactId);
  return (
    <Paper p="md" withBorder radius="md" aria-label="Segments and lists" aria-busy={q.isPending}>
      <Title order={3} size="h5" mb="sm">
        Segments and lists
      </Title>
      {q.error ? (
        <ErrorAlert error={q.error} />
      ) : !q.data ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap={6}>
            {q.data.segments.length === 0 && q.data.lists.length === 0 && (
              <Text size="sm" c="dimmed">
                In no segment or list yet.
              </Text>
            )}
            {q.data.segments.map((s) => (
              <AnchorLink key={s.id} to="/segments/$segmentId" params={{ segmentId: s.id }} underline="never">
                <Badge variant="light" style={{ cursor: 'pointer' }}>
                  {s.name}
                </Badge>
              </AnchorLink>
            ))}
            {q.data.lists.map((l) => (
              <AnchorLink key={l.id} to="/lists/$listId" params={{ listId: l.id }} underline="never">
                <Badge variant="outline" color="gray" style={{ cursor: 'pointer' }}>
                  List: {l.name}
                </Badge>
              </AnchorLink>
            ))}
          </Group>
          {q.data.history.length > 0 && (
            <Stack gap={4} aria-label="Segment history">
              {q.data.history.slice(0, 8).map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: entries repeat segment and change
                <Text size="xs" key={i}>
                  {h.change === 'entered' ? 'Entered' : 'Left'}{' '}
                  <AnchorLink to="/segments/$segmentId" params={{ segmentId: h.segmentId }} size="xs">
                    {h.segmentName}
                  </AnchorLink>{' '}
                  <Text span c="dimmed" size="xs">
                    <RelativeTime value={h.at} />
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
