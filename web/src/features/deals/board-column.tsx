import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../lib/api/index.ts';
import type { FilterNode } from '../records/crm-types.ts';
import { DealCard } from './deal-card.tsx';
import type { Card, CardPage, BoardColumn as Column } from './deal-types.ts';
import classes from './deals.module.css';
import { formatMinor } from './money.ts';

function DraggableCard({ card, ownerName }: { card: Card; ownerName?: string }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.id, data: { card } });
  const style = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10, position: 'relative' as const }
    : undefined;
  return <DealCard ref={setNodeRef} card={card} ownerName={ownerName} dragging={isDragging} style={style} {...attributes} {...listeners} />;
}

/** A stage: its totals in the reporting currency, then its cards; "Show more" pages the column by keyset. */
export function BoardColumn({
  column,
  currency,
  pipelineId,
  filter,
  owners,
}: {
  column: Column;
  currency: string;
  pipelineId: string;
  filter: FilterNode | null;
  owners: Map<string, string>;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id });
  const [more, setMore] = useState<{ cards: Card[]; cursor: string | null; loading: boolean }>({ cards: [], cursor: null, loading: false });
  const cursor = more.cards.length ? more.cursor : column.nextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    setMore((m) => ({ ...m, loading: true }));
    const page = await api.get<CardPage>(`/api/pipelines/${pipelineId}/board/columns/${column.stage.id}`, {
      limit: 25,
      cursor,
      filter: filter ? JSON.stringify(filter) : undefined,
    });
    setMore((m) => ({ cards: [...m.cards, ...page.cards], cursor: page.nextCursor, loading: false }));
  };
  const seen = new Set(column.cards.map((c) => c.id));
  const cards = [...column.cards, ...more.cards.filter((c) => !seen.has(c.id))];
  return (
    <section
      ref={setNodeRef}
      className={[classes.column, isOver && classes.columnOver].filter(Boolean).join(' ')}
      aria-label={`${column.stage.name}: ${column.count} deals`}
      data-stage-id={column.stage.id}
      data-over={isOver || undefined}
    >
      <Stack gap={2} mb="sm">
        <Group justify="space-between" gap={4}>
          <Text fw={700} size="sm">
            {column.stage.name}
          </Text>
          <Badge variant="light" color={column.stage.type === 'won' ? 'teal' : column.stage.type === 'lost' ? 'red' : 'blue'}>
            {column.count}
          </Badge>
        </Group>
        <Text size="sm" data-testid="column-amount">
          {formatMinor(column.amount, currency)}
        </Text>
        <Text size="xs" c="dimmed" data-testid="column-weighted">
          {column.stage.probability}% · weighted {formatMinor(column.weightedAmount, currency)}
        </Text>
        {column.unconverted.length > 0 && (
          <Text size="xs" c="orange">
            + {column.unconverted.map((u) => `${u.count} in ${u.currency} (no rate)`).join(', ')}
          </Text>
        )}
      </Stack>
      <Stack gap="xs">
        {cards.map((c) => (
          <DraggableCard key={c.id} card={c} ownerName={c.ownerId ? owners.get(c.ownerId) : undefined} />
        ))}
        {cards.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            Drop deals here
          </Text>
        )}
        {cursor && (
          <Button variant="subtle" size="xs" onClick={loadMore} loading={more.loading}>
            Show more ({column.count - cards.length})
          </Button>
        )}
      </Stack>
    </section>
  );
}
