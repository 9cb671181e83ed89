import { Box, Text, Tooltip } from '@mantine/core';

/** Page views per day as plain bars (an SVG-free flex row: cheap for 400 days, readable by screen readers as a list). */
export function DailyBars({ days }: { days: { day: string; pageViews: number; sessions: number }[] }) {
  const max = Math.max(1, ...days.map((d) => d.pageViews));
  return (
    <Box role="list" aria-label="Page views per day" style={{ display: 'flex', alignItems: 'flex-end', gap: 1, height: 140 }}>
      {days.map((d) => (
        <Tooltip
          key={d.day}
          label={`${d.day}: ${d.pageViews.toLocaleString()} page views, ${d.sessions.toLocaleString()} sessions`}
          withArrow
        >
          <Box
            role="listitem"
            aria-label={`${d.day}: ${d.pageViews} page views`}
            style={{
              flex: 1,
              minWidth: 1,
              height: `${Math.max(d.pageViews ? 2 : 0, (d.pageViews / max) * 100)}%`,
              background: 'var(--mantine-color-blue-5)',
              borderRadius: '2px 2px 0 0',
            }}
          />
        </Tooltip>
      ))}
      {days.length === 0 && <Text c="dimmed">No days in this period.</Text>}
    </Box>
  );
}
