import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label-over-value pairs for a record's details card; empty values read "—". */
export function DetailList({ items }: { items: { label: string; value: ReactNode; key?: string }[] }) {
  return (
    <Stack gap="sm" component="dl" m={0}>
      {items.map((i) => (
        <div key={i.key ?? i.label}>
          <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.4}>
            {i.label}
          </Text>
          <Text component="dd" m={0} size="sm" style={{ wordBreak: 'break-word' }}>
            {i.value === '' || i.value === null || i.value === undefined ? (
              <Text span c="dimmed" size="sm">
                —
              </Text>
            ) : (
              i.value
            )}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

/** The header of a side card: a title and an action. */
export function CardTitle({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md" wrap="nowrap">
      <Text fw={650} size="md" component="h2" m={0}>
        {title}
      </Text>
      {action}
    </Group>
  );
}
