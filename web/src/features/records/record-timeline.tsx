import { Button, Center, Group, Loader, Paper, SegmentedControl, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import { IconTimeline } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { TimelineEntity, TimelineItem } from './crm-types.ts';
import { bulletOf, TimelineEntry } from './timeline-item.tsx';
import { type TimelineFilter, timelineFilters, useTimeline } from './use-timeline.ts';

/** A field change that only moved the lifecycle stage repeats the stage-change item next to it: leave it out. */
const notOnlyStage = (item: TimelineItem) =>
  item.kind !== 'field_change' ||
  ((item.data as { changes?: { field: string }[] }).changes ?? []).some(
    (c) => c.field !== 'lifecycleStage' && c.field !== 'lifecycleChangedAt',
  );

/** A record's history: activities, tasks, stage and field changes; filter by kind, more loads as you scroll. */
export function RecordTimeline({ entity, id }: { entity: TimelineEntity; id: string }) {
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const timeline = useTimeline(entity, id, filter);
  const { ref, entry } = useIntersection({ rootMargin: '300px' });
  const items = useMemo(() => (timeline.data?.pages.flatMap((p) => p.items) ?? []).filter(notOnlyStage), [timeline.data]);
  useEffect(() => {
    if (entry?.isIntersecting && timeline.hasNextPage && !timeline.isFetchingNextPage) timeline.fetchNextPage();
  }, [entry?.isIntersecting, timeline.hasNextPage, timeline.isFetchingNextPage, timeline.fetchNextPage]);
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Title order={2} fz="h3">
          Timeline
        </Title>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as TimelineFilter)}
          data={timelineFilters.map((f) => ({ value: f.value, label: f.label }))}
          aria-label="Show in the timeline"
        />
      </Group>
      {timeline.isPending ? (
        <Stack gap="md" aria-busy="true" aria-label="Loading the timeline">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={42} />
          ))}
        </Stack>
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} title="Could not load the timeline" onRetry={() => timeline.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          icon={<IconTimeline size={24} />}
          title={filter === 'all' ? 'Nothing here yet' : 'Nothing of this kind yet'}
          description={
            filter === 'all'
              ? 'Log a note, call, meeting or email above; tasks and changes to this record show up here too.'
              : 'Try another filter, or log one above.'
          }
          action={
            filter !== 'all' ? (
              <Button variant="light" size="xs" onClick={() => setFilter('all')}>
                Show everything
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <Timeline bulletSize={28} lineWidth={2} aria-label="Timeline" role="list">
            {items.map((item) => {
              const b = bulletOf(item);
              return (
                <Timeline.Item
                  key={item.id}
                  bullet={b.icon}
                  color={b.color}
                  role="listitem"
                  styles={{ itemBullet: { color: `var(--mantine-color-${b.color}-filled)` } }}
                >
                  <TimelineEntry item={item} />
                </Timeline.Item>
              );
            })}
          </Timeline>
          <div ref={ref} />
          {timeline.isFetchingNextPage && (
            <Center py="sm">
              <Loader size="sm" />
            </Center>
          )}
          {!timeline.hasNextPage && items.length > 8 && (
            <Text size="xs" c="dimmed" ta="center" mt="md">
              That is the beginning of this record’s history.
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
