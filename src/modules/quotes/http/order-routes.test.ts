import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep: TestMember;
let pipeline: { id: string; stages: { id: string; name: string }[] };
let monthly: { id: string };
let yearly: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  rep = await ws.member('sales_rep');
  pipeline = (await ws.admin.api.post('/api/pipelines', { name: 'Sales' })).json();
  monthly = (
    await ws.admin.api.post('/api/products', {
      sku: 'ANL',
      name: 'Analytics',
      billing: 'monthly',
      prices: [{ currency: 'USD', unitPrice: 250_00 }],
    })
  ).json();
  yearly = (
    await ws.admin.api.post('/api/products', {
      sku: 'PLAT',
      name: 'Platform',
      billing: 'yearly',
      prices: [{ currency: 'USD', unitPrice: 6_000_00 }],
    })
  ).json();
});
afterAll(() => t.close());

/** A deal with a contact that has an accepted quote. */
async function acceptedQuote(lines: unknown[]) {
  const contact = (
    await rep.api.post('/api/contacts', { firstName: 'Bea', lastName: 'Buyer', emails: [{ email: `bea-${Math.random()}@buyer.example` }] })
  ).json();
  const { deal } = (await rep.api.post(`/api/contacts/${contact.id}/convert`, { company: { name: 'Buyer Inc' }, currency: 'USD' })).json();
  const q = (await rep.api.post(`/api/deals/${deal.id}/quotes`, { lines })).json();
  await rep.api.post(`/api/quotes/${q.id}/send`);
  await rep.api.post(`/api/quotes/${q.id}/accept`);
  return { deal, quote: q, contact };
}

describe('orders', () => {
  it('numbers 20 parallel orders SO-000001… with no gap and no duplicate', async () => {
    const other = await createTestWorkspace(t, 'Other');
    const res = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        other.admin.api.post('/api/orders', { lines: [{ name: `Item ${i}`, quantity: 1, unitPrice: 100 }] }),
      ),
    );
    expect(res.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const numbers = res.map((r) => r.json().number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(res.map((r) => r.json().displayNumber)).toContain('SO-000020');
    // Another workspace counts on its own.
    expect((await ws.admin.api.post('/api/orders', { lines: [{ name: 'x', quantity: 1, unitPrice: 1 }] })).json().number).toBe(1);
  });

  it('an accepted quote becomes one order with its lines, totals and MRR/ARR', async () => {
    const { quote, deal } = await acceptedQuote([
      { productId: monthly.id, quantity: 2, discountPct: 10 },
      { productId: yearly.id, quantity: 1 },
      { name: 'Setup', quantity: 1, unitPrice: 1_000_00 },
    ]);
    const res = await rep.api.post(`/api/quotes/${quote.id}/order`);
    expect(res.statusCode).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({
      status: 'draft',
      dealId: deal.id,
      quoteId: quote.id,
      currency: 'USD',
      companyName: expect.any(String),
      total: quote.total,
    });
    expect(order.lines).toHaveLength(3);
    // 2 × 250 − 10% = 450/month → 5,400/yr; + 6,000/yr = 11,400 ARR, 950 MRR.
    expect(order).toMatchObject({ arr: 11_400_00, mrr: 950_00 });
    expect((await rep.api.post(`/api/quotes/${quote.id}/order`)).json().error.code).toBe('order_exists');
    expect((await rep.api.get(`/api/quotes/${quote.id}`)).json().orderId).toBe(order.id);
  });

  it('refuses an order from a quote that is not accepted', async () => {
    const { deal } = await acceptedQuote([{ name: 'a', quantity: 1, unitPrice: 1 }]);
    const draft = (await rep.api.post(`/api/deals/${deal.id}/quotes`, { lines: [{ name: 'b', quantity: 1, unitPrice: 1 }] })).json();
    expect((await rep.api.post(`/api/quotes/${draft.id}/order`)).json().error.code).toBe('quote_not_accepted');
  });

  it('moves draft → confirmed → fulfilled and refuses the rest with invalid_order_transition', async () => {
    const o = (await rep.api.post('/api/orders', { lines: [{ name: 'x', quantity: 1, unitPrice: 1 }] })).json();
    const bad = await rep.api.post(`/api/orders/${o.id}/status`, { status: 'fulfilled' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toMatchObject({
      code: 'invalid_order_transition',
      details: { from: 'draft', to: 'fulfilled', allowed: ['confirmed', 'cancelled'] },
    });
    expect((await rep.api.post(`/api/orders/${o.id}/status`, { status: 'confirmed' })).json().order.status).toBe('confirmed');
    expect((await rep.api.post(`/api/orders/${o.id}/status`, { status: 'fulfilled' })).json().order).toMatchObject({ status: 'fulfilled' });
    expect((await rep.api.post(`/api/orders/${o.id}/status`, { status: 'cancelled' })).json().error.code).toBe('invalid_order_transition');
    const viewer = await ws.member('viewer');
    expect((await viewer.api.post(`/api/orders/${o.id}/status`, { status: 'cancelled' })).statusCode).toBe(403);
  });

  it('confirming an order wins its deal (contacts become customers) when the setting says so', async () => {
    const { quote, deal, contact } = await acceptedQuote([{ productId: monthly.id, quantity: 1 }]);
    const order = (await rep.api.post(`/api/quotes/${quote.id}/order`)).json();
    const res = (await rep.api.post(`/api/orders/${order.id}/status`, { status: 'confirmed' })).json();
    expect(res).toMatchObject({ order: { status: 'confirmed' }, wonDealId: deal.id, customers: [contact.id], companyMarked: true });
    const won = (await rep.api.get(`/api/deals/${deal.id}`)).json();
    expect(won).toMatchObject({ status: 'won', stageId: pipeline.stages.find((s) => s.name === 'Won')!.id });
    expect((await rep.api.get(`/api/contacts/${contact.id}`)).json().lifecycleStage).toBe('customer');

    await ws.admin.api.patch('/api/quote-settings', { orderConfirmationWinsDeal: false });
    const second = await acceptedQuote([{ productId: monthly.id, quantity: 1 }]);
    const o2 = (await rep.api.post(`/api/quotes/${second.quote.id}/order`)).json();
    expect((await rep.api.post(`/api/orders/${o2.id}/status`, { status: 'confirmed' })).json().wonDealId).toBeNull();
    expect((await rep.api.get(`/api/deals/${second.deal.id}`)).json().status).toBe('open');
    await ws.admin.api.patch('/api/quote-settings', { orderConfirmationWinsDeal: true });
  });

  it('sums MRR/ARR of confirmed and fulfilled orders, converting at today’s rate', async () => {
    const fresh = await createTestWorkspace(t, 'Summary');
    await fresh.admin.api.patch('/api/workspace', { currency: 'EUR' });
    await fresh.admin.api.post('/api/exchange-rates', { currency: 'USD', quote: 'EUR', rate: 0.5, validFrom: '2020-01-01' });
    const make = async (currency: string, unitPrice: number, status?: string) => {
      const o = (
        await fresh.admin.api.post('/api/orders', { currency, lines: [{ name: 'Sub', quantity: 1, unitPrice, billing: 'monthly' }] })
      ).json();
      if (status) await fresh.admin.api.post(`/api/orders/${o.id}/status`, { status });
    };
    await make('EUR', 100_00, 'confirmed');
    await make('USD', 100_00, 'confirmed');
    await make('GBP', 100_00, 'confirmed');
    await make('EUR', 999_00); // draft: not counted
    const s = (await fresh.admin.api.get('/api/orders/summary')).json();
    expect(s).toMatchObject({ currency: 'EUR', mrr: 150_00, arr: 1_800_00, orders: 3, unconverted: ['GBP'] });
    expect(s.byCurrency).toHaveLength(3);
    const list = (await fresh.admin.api.get('/api/orders?status=confirmed&limit=2')).json();
    expect(list.items).toHaveLength(2);
    expect((await fresh.admin.api.get(`/api/orders?status=confirmed&before=${list.nextCursor}`)).json().items).toHaveLength(1);
  });

  it('keeps the counter equal to the highest number', async () => {
    const [r] = await rows<{ value: number; max: number }>(
      t.database.db,
      sql`select c.value::int as value, (select max(number) from orders o where o.workspace_id = c.workspace_id) as max
          from document_counters c where c.workspace_id = ${ws.workspaceId} and c.kind = 'order'`,
    );
    expect(r!.value).toBe(r!.max);
  });
});
