import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { lineMoney, parseScaled } from '../../../../src/modules/quotes/line-math.ts';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { formatMinor, fromMinor, toMinor } from '../deals/money.ts';
import { usePriceBooks, useProducts } from '../products/use-products.ts';
import type { LineBody, Quote } from './quote-types.ts';
import { useQuoteSettings, useSaveQuote } from './use-quotes.ts';

interface Row {
  key: number;
  productId: string | null;
  name: string;
  quantity: string;
  unitPrice: string;
  discountPct: string;
  taxPct: string;
}
let seq = 0;
const emptyRow = (): Row => ({ key: ++seq, productId: null, name: '', quantity: '1', unitPrice: '', discountPct: '0', taxPct: '0' });

/** A row's money with the server's own arithmetic; null while a field is not a number yet. */
function rowMoney(r: Row, currency: string) {
  const q = parseScaled(r.quantity || 'x', 4);
  const price = toMinor(r.unitPrice, currency);
  const d = parseScaled(r.discountPct || '0', 2);
  const t = parseScaled(r.taxPct || '0', 2);
  if (q === null || q <= 0n || price === null || Number.isNaN(price) || price < 0 || d === null || t === null) return null;
  const m = lineMoney(q, BigInt(price), d, t);
  return { gross: Number(m.gross), discount: Number(m.discount), tax: Number(m.tax), total: Number(m.total) };
}

/** Creates or edits a quote: product picker, free lines, quantities with decimals, discounts, tax, live totals. */
export function QuoteBuilder({
  dealId,
  currency,
  quote,
  onClose,
  onSaved,
}: {
  dealId: string;
  currency: string;
  quote: Quote | null;
  onClose: () => void;
  onSaved: (q: Quote) => void;
}) {
  const products = useProducts('');
  const books = usePriceBooks();
  const settings = useQuoteSettings();
  const save = useSaveQuote(dealId, quote?.id ?? null);
  const [priceBookId, setPriceBookId] = useState<string | null>(quote?.priceBookId ?? null);
  const [validUntil, setValidUntil] = useState(quote?.validUntil ?? '');
  const [notes, setNotes] = useState(quote?.notes ?? '');
  const [rows, setRows] = useState<Row[]>(
    quote?.lines.map((l) => ({
      key: ++seq,
      productId: l.productId,
      name: l.name,
      quantity: l.quantity,
      unitPrice: String(fromMinor(l.unitPrice, currency)),
      discountPct: String(l.discountPct),
      taxPct: String(l.taxPct),
    })) ?? [],
  );
  const setRow = (k: number, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === k ? { ...r, ...p } : r)));
  const book = priceBookId ?? books.data?.find((b) => b.isDefault)?.id ?? null;
  const productOptions = (products.data ?? [])
    .filter((p) => p.active || rows.some((r) => r.productId === p.id))
    .map((p) => ({ value: p.id, label: `${p.name} · ${p.sku}` }));
  const pick = (k: number, productId: string | null) => {
    const p = products.data?.find((x) => x.id === productId);
    const price = p?.prices.find((x) => x.priceBookId === book && x.currency === currency);
    setRow(k, { productId, name: p?.name ?? '', unitPrice: price ? String(fromMinor(price.unitPrice, currency)) : '' });
  };
  const money = rows.map((r) => rowMoney(r, currency));
  const totals = { gross: 0, discount: 0, tax: 0, total: 0 };
  for (const m of money)
    if (m) {
      totals.gross += m.gross;
      totals.discount += m.discount;
      totals.tax += m.tax;
      totals.total += m.total;
    }
  const limit = settings.data?.maxDiscountPct ?? 15;
  const overLimit = rows.some((r) => Number(r.discountPct) > limit);
  const err = save.error instanceof ApiError ? save.error : null;
  const fieldErr = (i: number, field: string) =>
    (err?.details as { field?: string } | undefined)?.field === `lines[${i}].${field}`
      ? err!.message.replace(/^lines\[\d+\]\.\w+: /, '')
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lines: LineBody[] = rows.map((r) => ({
      ...(r.productId && { productId: r.productId }),
      ...(r.name.trim() && { name: r.name.trim() }),
      quantity: r.quantity.trim(),
      ...(r.unitPrice !== '' && { unitPrice: toMinor(r.unitPrice, currency) ?? 0 }),
      discountPct: r.discountPct.trim() || '0',
      taxPct: r.taxPct.trim() || '0',
    }));
    save.mutate(
      { lines, notes, ...(validUntil && { validUntil }), ...(priceBookId && { priceBookId }) },
      {
        onSuccess: (q) => {
          notifications.show({
            color: 'teal',
            message: quote && q.id !== quote.id ? `Saved as ${q.displayNumber} version ${q.version}` : `${q.displayNumber} saved`,
          });
          onSaved(q);
        },
      },
    );
  };
  const sent = quote && ['sent', 'rejected', 'expired'].includes(quote.status);
  return (
    <Modal opened onClose={onClose} size="min(1100px, 96vw)" title={quote ? `Edit ${quote.displayNumber} v${quote.version}` : 'New quote'}>
      <form onSubmit={submit} aria-label="Quote builder">
        <Stack gap="md">
          {sent && (
            <Alert color="blue" variant="light">
              This quote was {quote.status}. Saving creates version {quote.version + 1}; version {quote.version} stays as it was.
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label="Price book"
              description={`Product prices in ${currency}`}
              data={(books.data ?? []).map((b) => ({ value: b.id, label: b.isDefault ? `${b.name} (default)` : b.name }))}
              value={book}
              onChange={setPriceBookId}
              allowDeselect={false}
            />
            <TextInput
              label="Valid until"
              description="Empty: the workspace default"
              type="date"
              value={validUntil}
              onChange={(e) => setValidUntil(e.currentTarget.value)}
            />
          </Group>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing={6} aria-label="Quote lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">Product</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th w={90}>Qty</Table.Th>
                  <Table.Th w={120}>Unit price ({currency})</Table.Th>
                  <Table.Th w={90}>Disc. %</Table.Th>
                  <Table.Th w={80}>Tax %</Table.Th>
                  <Table.Th w={120} ta="right">
                    Amount
                  </Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>
                      <Select
                        aria-label={`Line ${i + 1} product`}
                        placeholder="Free line"
                        data={productOptions}
                        value={r.productId}
                        onChange={(v) => pick(r.key, v)}
                        searchable
                        clearable
                        error={fieldErr(i, 'productId')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Line ${i + 1} name`}
                        value={r.name}
                        onChange={(e) => setRow(r.key, { name: e.currentTarget.value })}
                        error={fieldErr(i, 'name')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Line ${i + 1} quantity`}
                        inputMode="decimal"
                        value={r.quantity}
                        onChange={(e) => setRow(r.key, { quantity: e.currentTarget.value })}
                        error={fieldErr(i, 'quantity')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Line ${i + 1} unit price`}
                        inputMode="decimal"
                        value={r.unitPrice}
                        onChange={(e) => setRow(r.key, { unitPrice: e.currentTarget.value })}
                        error={fieldErr(i, 'unitPrice')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Line ${i + 1} discount percent`}
                        inputMode="decimal"
                        value={r.discountPct}
                        onChange={(e) => setRow(r.key, { discountPct: e.currentTarget.value })}
                        error={fieldErr(i, 'discountPct') ?? (Number(r.discountPct) > limit ? 'Needs approval' : undefined)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Line ${i + 1} tax percent`}
                        inputMode="decimal"
                        value={r.taxPct}
                        onChange={(e) => setRow(r.key, { taxPct: e.currentTarget.value })}
                        error={fieldErr(i, 'taxPct')}
                      />
                    </Table.Td>
                    <Table.Td ta="right" data-testid={`line-total-${i}`}>
                      {money[i] ? formatMinor(money[i]!.total, currency) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove line ${i + 1}`}
                        onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {!rows.length && (
            <Text size="sm" c="dimmed">
              No lines yet. Add a product from the catalog, or a free line for services such as consulting hours.
            </Text>
          )}
          <Group justify="space-between" align="flex-start">
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setRows((rs) => [...rs, emptyRow()])}>
              Add line
            </Button>
            <Stack gap={2} miw={260} aria-live="polite" aria-label="Totals">
              <Group justify="space-between">
                <Text size="sm">Subtotal</Text>
                <Text size="sm">{formatMinor(totals.gross, currency)}</Text>
              </Group>
              <Group justify="space-between">
                <Text size="sm">Discount</Text>
                <Text size="sm">−{formatMinor(totals.discount, currency)}</Text>
              </Group>
              <Group justify="space-between">
                <Text size="sm">Tax</Text>
                <Text size="sm">{formatMinor(totals.tax, currency)}</Text>
              </Group>
              <Group justify="space-between">
                <Text fw={700}>Total</Text>
                <Text fw={700} data-testid="quote-total">
                  {formatMinor(totals.total, currency)}
                </Text>
              </Group>
            </Stack>
          </Group>
          {overLimit && (
            <Alert color="orange" variant="light">
              A discount above {limit}% needs a manager’s approval before the quote can be sent.
            </Alert>
          )}
          <Textarea label="Notes for the customer" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!rows.length}>
              Save quote
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
