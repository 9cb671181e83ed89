import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileDollar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { formatMinor } from '../deals/money.ts';
import { QuoteBuilder } from './quote-builder.tsx';
import { QuotePanel } from './quote-panel.tsx';
import { type Quote, quoteStatusLabel } from './quote-types.ts';
import { useDealQuotes } from './use-quotes.ts';

/** The Quotes tab of a deal: its quotes (every version), the selected one, and the builder. */
export function DealQuotes({ dealId, currency, initialQuoteId }: { dealId: string; currency: string; initialQuoteId?: string }) {
  const quotes = useDealQuotes(dealId);
  const can = usePermissions();
  const [selected, setSelected] = useState<string | null>(initialQuoteId ?? null);
  const [editing, setEditing] = useState<Quote | 'new' | null>(null);
  const list = quotes.data ?? [];
  const current = selected ?? list.find((q) => q.latest)?.id ?? null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Quotes
        </Title>
        {can('quotes:write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New quote
          </Button>
        )}
      </Group>
      {quotes.isPending && <Skeleton height={120} radius="md" aria-label="Loading quotes" />}
      {quotes.isError && <ErrorAlert error={quotes.error} title="Could not load the quotes" onRetry={() => quotes.refetch()} />}
      {quotes.isSuccess && !list.length && (
        <Paper withBorder radius="md">
          <Empty
            icon={<IconFileDollar size={26} />}
            title="No quotes yet"
            description="Build a quote from your products and services: prices come from the price book in the deal's currency, discounts above the limit go to a manager."
            action={
              can('quotes:write') && (
                <Button onClick={() => setEditing('new')} leftSection={<IconPlus size={16} />}>
                  Build the first quote
                </Button>
              )
            }
          />
        </Paper>
      )}
      {list.length > 0 && (
        <Paper withBorder radius="md">
          <Table highlightOnHover aria-label="Quotes of this deal">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quote</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Valid until</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((q) => (
                <Table.Tr
                  key={q.id}
                  onClick={() => setSelected(q.id)}
                  onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setSelected(q.id)}
                  tabIndex={0}
                  aria-selected={q.id === current}
                  style={{ cursor: 'pointer', opacity: q.latest ? 1 : 0.6 }}
                  bg={q.id === current ? 'var(--mantine-primary-color-light)' : undefined}
                >
                  <Table.Td>
                    {q.displayNumber} · v{q.version}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none" color={quoteStatusLabel[q.status].color}>
                      {q.latest ? quoteStatusLabel[q.status].label : `${quoteStatusLabel[q.status].label} (replaced)`}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{q.validUntil}</Table.Td>
                  <Table.Td ta="right">{formatMinor(q.total, q.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {current && <QuotePanel key={current} id={current} onSelect={setSelected} onEdit={(q) => setEditing(q)} />}
      {list.length > 0 && (
        <Text size="xs" c="dimmed">
          Prices in {currency}. Editing a sent quote keeps the sent version and makes a new one.
        </Text>
      )}
      {editing && (
        <QuoteBuilder
          dealId={dealId}
          currency={currency}
          quote={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(q) => {
            setEditing(null);
            setSelected(q.id);
          }}
        />
      )}
    </Stack>
  );
}
