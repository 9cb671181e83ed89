import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../lib/api/index.ts';
import { fromMinor, toMinor } from '../deals/money.ts';
import { type Product, usePriceBooks, useSaveProduct } from './use-products.ts';

type PriceRow = { key: number; priceBookId: string | null; currency: string; amount: string | number };
let seq = 0;

/** Create or edit a product: SKU, name, description, billing, active, and a unit price per price book and currency. */
export function ProductModal({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const books = usePriceBooks();
  const save = useSaveProduct(product?.id ?? null);
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [billing, setBilling] = useState<string>(product?.billing ?? 'one_time');
  const [active, setActive] = useState(product?.active ?? true);
  const [prices, setPrices] = useState<PriceRow[]>(
    product?.prices.map((p) => ({
      key: ++seq,
      priceBookId: p.priceBookId,
      currency: p.currency,
      amount: fromMinor(p.unitPrice, p.currency),
    })) ?? [{ key: ++seq, priceBookId: null, currency: 'USD', amount: '' }],
  );
  const setRow = (k: number, p: Partial<PriceRow>) => setPrices((r) => r.map((x) => (x.key === k ? { ...x, ...p } : x)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        sku,
        name,
        description: description || null,
        billing: billing as Product['billing'],
        active,
        prices: prices
          .filter((p) => p.amount !== '')
          .map((p) => ({
            ...(p.priceBookId && { priceBookId: p.priceBookId }),
            currency: p.currency,
            unitPrice: toMinor(p.amount, p.currency) ?? 0,
          })),
      },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: `${p.name} saved` });
          onClose();
        },
      },
    );
  };
  const bookOptions = (books.data ?? []).map((b) => ({ value: b.id, label: b.name }));
  return (
    <Modal opened onClose={onClose} title={product ? `Edit ${product.name}` : 'New product'} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group grow>
            <TextInput label="SKU" required value={sku} onChange={(e) => setSku(e.currentTarget.value)} data-autofocus />
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          </Group>
          <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Group>
            <Select
              label="Billing"
              allowDeselect={false}
              data={[
                { value: 'one_time', label: 'One-time' },
                { value: 'monthly', label: 'Monthly' },
                { value: 'yearly', label: 'Yearly' },
              ]}
              value={billing}
              onChange={(v) => v && setBilling(v)}
            />
            <Switch label="Active" mt="lg" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          </Group>
          <Text fw={600} size="sm">
            Prices
          </Text>
          {prices.map((p) => (
            <Group key={p.key} gap="xs" align="flex-end" wrap="nowrap">
              <Select
                aria-label="Price book"
                placeholder="Default book"
                data={bookOptions}
                value={p.priceBookId}
                onChange={(v) => setRow(p.key, { priceBookId: v })}
                clearable
                w={180}
              />
              <TextInput
                aria-label="Currency"
                maxLength={3}
                w={80}
                value={p.currency}
                onChange={(e) => setRow(p.key, { currency: e.currentTarget.value.toUpperCase() })}
              />
              <NumberInput
                aria-label="Unit price"
                min={0}
                thousandSeparator=","
                value={p.amount}
                onChange={(v) => setRow(p.key, { amount: v })}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label="Remove price"
                onClick={() => setPrices((r) => r.filter((x) => x.key !== p.key))}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setPrices((r) => [...r, { key: ++seq, priceBookId: null, currency: 'USD', amount: '' }])}
            w="fit-content"
          >
            Add price
          </Button>
          {save.error && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(save.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save product
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
