import { Group, Stack, Table, Text } from '@mantine/core';
import { formatMinor } from '../deals/money.ts';
import { billingLabel, type QuoteLine } from './quote-types.ts';

/** Lines and totals of a quote or an order, read-only. */
export function LinesTable({
  lines,
  currency,
  totals,
}: {
  lines: QuoteLine[];
  currency: string;
  totals: { subtotal: number; discountTotal: number; taxTotal: number; total: number };
}) {
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="Lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th ta="right">Qty</Table.Th>
              <Table.Th ta="right">Unit price</Table.Th>
              <Table.Th ta="right">Discount</Table.Th>
              <Table.Th ta="right">Tax</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {l.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[l.sku, l.billing !== 'one_time' ? billingLabel[l.billing] : null].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{l.quantity}</Table.Td>
                <Table.Td ta="right">{formatMinor(l.unitPrice, currency)}</Table.Td>
                <Table.Td ta="right">{l.discountPct ? `${l.discountPct}%` : '—'}</Table.Td>
                <Table.Td ta="right">{l.taxPct ? `${l.taxPct}%` : '—'}</Table.Td>
                <Table.Td ta="right">{formatMinor(l.total, currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={2} ml="auto" miw={260}>
        {(
          [
            ['Subtotal', totals.subtotal],
            ['Discount', -totals.discountTotal],
            ['Tax', totals.taxTotal],
          ] as const
        ).map(([label, v]) => (
          <Group key={label} justify="space-between">
            <Text size="sm">{label}</Text>
            <Text size="sm">{formatMinor(v, currency)}</Text>
          </Group>
        ))}
        <Group justify="space-between">
          <Text fw={700}>Total</Text>
          <Text fw={700}>{formatMinor(totals.total, currency)}</Text>
        </Group>
      </Stack>
    </Stack>
  );
}
