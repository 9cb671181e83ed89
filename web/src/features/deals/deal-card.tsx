import { Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { CSSProperties, HTMLAttributes, Ref } from 'react';
import type { Card } from './deal-types.ts';
import classes from './deals.module.css';
import { formatMinor } from './money.ts';

interface Props extends HTMLAttributes<HTMLDivElement> {
  card: Card;
  ownerName?: string;
  dragging?: boolean;
  style?: CSSProperties;
  ref?: Ref<HTMLDivElement>;
}

/** One deal on the board: name (a link), company, amount, close date, owner; rotting deals are marked. */
export function DealCard({ card, ownerName, dragging, className, ...rest }: Props) {
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      className={[classes.card, dragging && classes.dragging, card.rotting && classes.rotting, className].filter(Boolean).join(' ')}
      data-deal-id={card.id}
      aria-label={`${card.name}${card.rotting ? ', rotting' : ''}`}
      {...rest}
    >
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Link to="/deals/$dealId" params={{ dealId: card.id }} style={{ color: 'inherit', fontWeight: 600, fontSize: 14, minWidth: 0 }}>
          {card.name}
        </Link>
        {card.rotting && (
          <Tooltip label="No progress or activity for longer than the stage allows">
            <IconClockExclamation size={16} color="var(--mantine-color-orange-6)" aria-label="Rotting" />
          </Tooltip>
        )}
      </Group>
      {card.companyName && (
        <Text size="xs" c="dimmed" truncate="end">
          {card.companyName}
        </Text>
      )}
      <Group justify="space-between" mt={6} gap={4}>
        <Text size="sm" fw={500}>
          {card.amount === null ? '—' : formatMinor(card.amount, card.currency)}
        </Text>
        {card.closeDate && (
          <Text size="xs" c="dimmed">
            {card.closeDate}
          </Text>
        )}
      </Group>
      {(ownerName || card.tags.length > 0) && (
        <Group gap={4} mt={4}>
          {ownerName && (
            <Text size="xs" c="dimmed">
              {ownerName}
            </Text>
          )}
          {card.tags.map((t) => (
            <Badge key={t} size="xs" color="gray" tt="none">
              {t}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
