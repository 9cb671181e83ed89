import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { getAttributedTotals } from './get-attributed-totals.ts';
import { getAttribution } from './get-attribution.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  ctx = { db: t.database.db, workspaceId: ws.workspaceId, actor: { type: 'system', id: 'test', label: 'test' } } as Ctx;
});
afterAll(() => t.close());

const post = async (path: string, body: unknown) => {
  const res = await ws.admin.api.post(path, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};

/** Berlin, reporting in EUR; USD at 0.9 (333,333 cents → 299,999.7 → 300,000 per deal, not 599,999 for two). */
async function seed() {
  const w = ws.workspaceId;
  expect((await ws.admin.api.patch('/api/workspace', { timezone: 'Europe/Berlin', currency: 'EUR' })).statusCode).toBe(200);
  await post('/api/exchange-rates', { currency: 'USD', quote: 'EUR', rate: 0.9, validFrom: '2025-01-01' });
  const a = await post('/api/campaigns', { name: 'Webinar', channel: 'events' });
  const b = await post('/api/campaigns', { name: 'Search', channel: 'paid_search' });
  const company = (await post('/api/companies', { name: 'Totals Inc', domain: 'totals.example' })).id;
  const x = (await post('/api/contacts', { firstName: 'Xena' })).id;
  const y = (await post('/api/contacts', { firstName: 'Yuri', companyId: company })).id;
  const z = (await post('/api/contacts', { firstName: 'Zoe' })).id;
  await post(`/api/campaigns/${a.id}/touchpoints`, { contactId: x, occurredAt: '2026-02-01T12:00:00Z' });
  await post(`/api/campaigns/${b.id}/touchpoints`, { contactId: x, occurredAt: '2026-02-02T12:00:00Z' });
  await post(`/api/campaigns/${b.id}/touchpoints`, { contactId: y, occurredAt: '2026-01-15T12:00:00Z' });
  await post(`/api/campaigns/${a.id}/touchpoints`, { contactId: z, occurredAt: '2026-03-01T12:00:00Z' });
  for (const [day, amount, currency] of [
    ['2026-01-10', 111_111, 'USD'],
    ['2026-01-10', 111_111, 'USD'],
    ['2026-03-31', 5_000, 'EUR'],
    ['2026-04-01', 7_000, 'EUR'],
    ['2026-02-01', 9_000, 'GBP'],
  ] as const)
    await post(`/api/campaigns/${a.id}/spend`, { spentOn: day, amount, currency });
  const pipeline = await post('/api/pipelines', {
    name: 'P',
    stages: [
      { name: 'Open', probability: 10 },
      { name: 'Won', type: 'won' },
      { name: 'Lost', type: 'lost' },
    ],
  });
  const deal = async (status: 'won' | 'lost', amount: number, currency: string, closed: string, contactId: string, companyId?: string) => {
    const id = (
      await post('/api/deals', {
        name: `${status} ${closed}`,
        stageId: pipeline.stages[0].id,
        amount,
        currency,
        companyId,
        contacts: [{ contactId }],
      })
    ).id;
    await t.database.db.execute(sql`update deals set status = ${status}, closed_at = ${closed},
      stage_id = ${pipeline.stages[status === 'won' ? 1 : 2].id} where workspace_id = ${w} and id = ${id}`);
  };
  await deal('won', 1_000_000, 'EUR', '2026-02-10T10:00:00Z', x); // touched by A and B: credited
  await deal('won', 333_333, 'USD', '2026-02-11T10:00:00Z', x); // credited, €3,000.00
  await deal('won', 333_333, 'USD', '2026-02-12T10:00:00Z', z, company); // Yuri (company) touched before: credited
  await deal('won', 500_000, 'EUR', '2026-02-13T10:00:00Z', z); // Zoe's touch comes after the win: not credited
  await deal('won', 100_000, 'GBP', '2026-02-14T10:00:00Z', x); // no GBP rate: left out
  await deal('won', 700_000, 'EUR', '2026-03-31T22:30:00Z', x); // 00:30 on 1 April in Berlin: Q2
  await deal('lost', 50_000, 'EUR', '2026-02-15T10:00:00Z', x);
}

describe('attributed totals for several ranges at once', () => {
  beforeAll(seed);

  it('equal the totals of the attribution report, range by range', async () => {
    const ranges = [
      { key: 'Q1', from: '2026-01-01', to: '2026-03-31' },
      { key: 'Q2', from: '2026-04-01', to: '2026-06-30' },
      { key: 'March', from: '2026-03-01', to: '2026-03-31' },
      { key: '2026', from: '2026-01-01', to: '2026-12-31' },
      { key: 'empty', from: '2099-01-01', to: '2099-12-31' },
    ];
    const totals = await getAttributedTotals(ctx, ranges);
    expect(totals.get('Q1')).toEqual({ revenue: 1_600_000, spend: 205_000 }); // 10,000 + 3,000 + 3,000; 2 × 1,000 + 50
    expect(totals.get('Q2')).toEqual({ revenue: 700_000, spend: 7_000 });
    for (const r of ranges) {
      const report = await getAttribution(ctx, { model: 'linear', groupBy: 'campaign', from: r.from, to: r.to, funnel: false });
      const credited = report.rows.reduce((s, row) => s + row.revenue, 0);
      expect([r.key, totals.get(r.key)]).toEqual([r.key, { revenue: credited, spend: report.totals.spend }]);
    }
  });
});
