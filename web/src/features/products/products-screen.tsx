import { Badge, Button, Group, Paper, Skeleton, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { formatMinor } from '../deals/money.ts';
import { ProductModal } from './product-modal.tsx';
import { type Product, useCreatePriceBook, useProducts } from './use-products.ts';

const billingLabel = { one_time: 'One-time', monthly: 'Monthly', yearly: 'Yearly' } as const;

/** Settings → Products: the catalog with prices per price book and currency. */
export function ProductsScreen() {
  const can = usePermissions();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const products = useProducts(debounced);
  const createBook = useCreatePriceBook();
  const [editing, setEditing] = useState<Product | null | 'new'>(null);
  const manage = can('products:manage');
  const newBook = () => {
    const name = window.prompt('Name of the new price book');
    if (name?.trim())
      createBook.mutate(name, {
        onSuccess: (b) => notifications.show({ color: 'teal', message: `Price book ${b.name} created` }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      });
  };
  return (
    <>
      <PageHeader
        title="Products"
        description="What you sell: one-time or recurring, with a unit price per price book and currency."
        actions={
          manage && (
            <>
              <Button variant="default" onClick={newBook}>
                New price book
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                New product
              </Button>
            </>
          )
        }
      />
      <TextInput
        mb="md"
        w={280}
        leftSection={<IconSearch size={14} />}
        placeholder="Search name or SKU"
        aria-label="Search products"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      {products.isPending ? (
        <Skeleton height={200} />
      ) : products.isError ? (
        <ErrorAlert error={products.error} title="Could not load products" onRetry={() => products.refetch()} />
      ) : products.data.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconPackage size={26} />}
            title={q ? 'No product matches' : 'No products yet'}
            description={q ? 'Try another name or SKU.' : 'Add what you sell, with its prices, so quotes can use it.'}
            action={manage && !q ? <Button onClick={() => setEditing('new')}>New product</Button> : undefined}
          />
        </Paper>
      ) : (
        <Paper>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Billing</Table.Th>
                <Table.Th>Prices</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.data.map((p) => (
                <Table.Tr
                  key={p.id}
                  style={{ cursor: manage ? 'pointer' : undefined }}
                  tabIndex={manage ? 0 : undefined}
                  onClick={() => manage && setEditing(p)}
                  onKeyDown={(e) => manage && e.key === 'Enter' && setEditing(p)}
                >
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {p.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fw={500}>{p.name}</Text>
                    {p.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {p.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{billingLabel[p.billing]}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.prices.map((x) => (
                        <Badge key={`${x.priceBookId}:${x.currency}`} variant="light" color="gray" tt="none">
                          {x.priceBookName}: {formatMinor(x.unitPrice, x.currency)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={p.active ? 'teal' : 'gray'} variant="light">
                      {p.active ? 'Active' : 'Inactive'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && <ProductModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
