import { Box, Checkbox, Group, Loader, Paper, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import type { Member } from './segment-types.ts';
import { useMembers } from './use-segments.ts';

const rowHeight = 44;

interface Props {
  kind: 'segments' | 'lists';
  id: string;
  /** Changes when the members may have changed (refetch from the first page). */
  version?: string;
  atLabel: string;
  empty: React.ReactNode;
  selected?: Set<string>;
  onSelectedChange?: (s: Set<string>) => void;
}

/** Members in a virtualized list that fetches the next keyset page as you scroll near the end. */
export function MemberList({ kind, id, version, atLabel, empty, selected, onSelectedChange }: Props) {
  const q = useMembers(kind, id, version);
  const rows: Member[] = q.data?.pages.flatMap((p) => p.items) ?? [];
  const total = q.data?.pages[0]?.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= rows.length - 20 && q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  }, [last, rows.length, q.hasNextPage, q.isFetchingNextPage, q.fetchNextPage]);

  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending)
    return (
      <Paper p="lg" aria-busy="true" aria-label="Loading members">
        <Loader size="sm" />
      </Paper>
    );
  if (rows.length === 0) return <>{empty}</>;
  const toggle = (mid: string) => {
    if (!selected || !onSelectedChange) return;
    const next = new Set(selected);
    if (next.has(mid)) next.delete(mid);
    else next.add(mid);
    onSelectedChange(next);
  };
  return (
    <Paper p={0} withBorder>
      <Group px="md" py={8} justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Text size="sm" c="dimmed">
          {rows.length < total
            ? `${rows.length.toLocaleString()} of ${total.toLocaleString()} loaded — scroll for more`
            : `${total.toLocaleString()} members`}
        </Text>
        {q.isFetchingNextPage && <Loader size="xs" aria-label="Loading more" />}
      </Group>
      <Box ref={scroller} style={{ height: Math.min(560, rows.length * rowHeight + 4), overflow: 'auto' }} role="list" aria-label="Members">
        <Box style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const m = rows[v.index]!;
            return (
              <Group
                key={m.id}
                role="listitem"
                px="md"
                gap="sm"
                wrap="nowrap"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${v.start}px)` }}
              >
                {selected && <Checkbox aria-label={`Select ${m.displayName}`} checked={selected.has(m.id)} onChange={() => toggle(m.id)} />}
                <AnchorLink to="/contacts/$contactId" params={{ contactId: m.id }} size="sm" fw={500} style={{ flex: 2 }} truncate>
                  {m.displayName}
                </AnchorLink>
                <Text size="sm" c="dimmed" style={{ flex: 2 }} truncate>
                  {m.email ?? ''}
                </Text>
                <Text size="sm" c="dimmed" style={{ flex: 2 }} truncate visibleFrom="sm">
                  {m.companyName ?? ''}
                </Text>
                <Text size="xs" c="dimmed" style={{ flex: 1 }} title={atLabel}>
                  <RelativeTime value={m.at} />
                </Text>
              </Group>
            );
          })}
        </Box>
      </Box>
    </Paper>
  );
}
