import { Badge, Group, Text, Tooltip } from '@mantine/core';

/** Active / Paused. */
export function WebhookStatus({ active }: { active: boolean }) {
  return active ? (
    <Badge color="teal" variant="dot">
      Active
    </Badge>
  ) : (
    <Badge color="gray" variant="dot">
      Inactive
    </Badge>
  );
}

/** The first few event types, then "+N". */
export function EventBadges({ types, max = 3 }: { types: string[]; max?: number }) {
  const shown = types.slice(0, max);
  const rest = types.slice(max);
  return (
    <Group gap={4}>
      {shown.map((t) => (
        <Badge key={t} color="gray" variant="light" tt="none" ff="monospace" fw={500}>
          {t === '*' ? 'all events' : t}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')}>
          <Text size="xs" c="dimmed">
            +{rest.length} more
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

const deliveryColors: Record<string, string> = { succeeded: 'teal', failed: 'red', pending: 'yellow', cancelled: 'gray' };

/** A delivery's state. */
export function DeliveryStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={deliveryColors[status] ?? 'gray'} variant="light">
      {status}
    </Badge>
  );
}
