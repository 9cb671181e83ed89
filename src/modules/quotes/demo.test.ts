import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { seedCatalogDemo } from '../catalog/index.ts';
import { seedQuotesDemo } from './demo.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let won = 0;
// A small book of business instead of the whole CRM and sales demo (minutes on a busy machine): the seeder only
// needs won and late-stage deals with owners and amounts.
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t, 'Demo');
  const rep = await ws.member('sales_rep');
  await seedCatalogDemo(t, ws.workspaceId, ws.admin.userId);
  const pipeline = (await ws.admin.api.post('/api/pipelines', { name: 'New business' })).json();
  const stage = (name: string) => pipeline.stages.find((s: { name: string }) => s.name === name).id;
  for (let i = 0; i < 12; i++) {
    const amount = 2_500_000 + i * 137_550;
    const deal = (
      await ws.admin.api.post('/api/deals', { name: `Deal ${i}`, amount, ownerId: rep.userId, currency: i % 3 ? 'USD' : 'EUR' })
    ).json();
    if (i < 7) {
      await ws.admin.api.post(`/api/deals/${deal.id}/move`, { stageId: stage('Won'), closeDate: '2026-01-15' });
      won++;
    } else await ws.admin.api.post(`/api/deals/${deal.id}/move`, { stageId: stage('Negotiation'), closeDate: '2031-01-15' });
  }
  await seedQuotesDemo(t, ws.workspaceId, ws.admin.userId);
}, 600_000);
afterAll(() => t.close());

describe('the quotes demo seeder', () => {
  it('gives won deals accepted quotes and orders whose totals are the deal amounts, and leaves approvals waiting', async () => {
    const [r] = await rows<{ orders: number; mismatched: number; ordersBeforeQuotes: number }>(
      t.database.db,
      sql`select count(*)::int as orders,
                 count(*) filter (where o.total <> d.amount or o.currency <> d.currency)::int as mismatched,
                 count(*) filter (where q.accepted_at > o.created_at)::int as "ordersBeforeQuotes"
          from orders o join deals d on d.id = o.deal_id join quotes q on q.id = o.quote_id
          where o.workspace_id = ${ws.workspaceId} and d.status = 'won' and q.status = 'accepted'`,
    );
    expect(r).toMatchObject({ orders: won, mismatched: 0, ordersBeforeQuotes: 0 });
    const approvals = (await ws.admin.api.get('/api/quote-approvals')).json().items;
    expect(approvals.length).toBe(4); // 5 late-stage deals: 4 wait for approval, 1 was sent
    expect(approvals.every((a: { ownRequest: boolean }) => !a.ownRequest)).toBe(true);
    const summary = (await ws.admin.api.get('/api/orders/summary')).json();
    expect(summary.arr).toBeGreaterThan(0);
    expect(summary.orders).toBe(won);
  });
});
