import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { getAttributedTotals } from './get-attributed-totals.ts';
import { getAttribution } from './get-attribution.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let ctx: Ctx;
const ids: Record<string, string> = {};
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
  ids.a = a.id;
  const b = await post('/api/campaigns', { name: 'Search', channel: 'paid_search' });
  const company = (await post('/api/companies', { name: 'Totals Inc', domain: 'totals.example' })).id;
  const x = (await post('/api/contacts', { firstName: 'Xena' })).id;
  const y = (await post('/api/contacts', { firstName: 'Yuri', companyId: company })).id;
  const z = (await post('/api/contacts', { firstName: 'Zoe' })).id;
  Object.assign(ids, { company, x, y, z });
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
  ids.openStage = pipeline.stages[0].id;
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
    ids[`${status} ${closed}`] = id;
  };
  await deal('won', 1_000_000, 'EUR', '2026-02-10T10:00:00Z', x); // touched by A and B: credited
  await deal('won', 333_333, 'USD', '2026-02-11T10:00:00Z', x); // credited, €3,000.00
  await deal('won', 333_333, 'USD', '2026-02-12T10:00:00Z', z, company); // Yuri (company) touched before: credited
  await deal('won', 500_000, 'EUR', '2026-02-13T10:00:00Z', z); // Zoe's touch comes after the win: not credited
  await deal('won', 100_000, 'GBP', '2026-02-14T10:00:00Z', x); // no GBP rate: left out
  await deal('won', 700_000, 'EUR', '2026-03-31T22:30:00Z', x); // 00:30 on 1 April in Berlin: Q2
  await deal('lost', 50_000, 'EUR', '2026-02-15T10:00:00Z', x);
}

const ranges = [
  { key: 'Q1', from: '2026-01-01', to: '2026-03-31' },
  { key: 'Q2', from: '2026-04-01', to: '2026-06-30' },
  { key: 'March', from: '2026-03-01', to: '2026-03-31' },
  { key: '2026', from: '2026-01-01', to: '2026-12-31' },
  { key: 'empty', from: '2099-01-01', to: '2099-12-31' },
];

/** Holds the totals equal to the report's range by range, and every deal's first_touch_at equal to a recount. */
async function expectEqualToReport() {
  const totals = await getAttributedTotals(ctx, ranges);
  for (const r of ranges) {
    const report = await getAttribution(ctx, { model: 'linear', groupBy: 'campaign', from: r.from, to: r.to, funnel: false });
    const credited = report.rows.reduce((s, row) => s + row.revenue, 0);
    expect([r.key, totals.get(r.key)]).toEqual([r.key, { revenue: credited, spend: report.totals.spend }]);
  }
  const stale = await rows<{ id: string }>(
    t.database.db,
    sql`select d.id from deals d where d.workspace_id = ${ws.workspaceId} and d.first_touch_at is distinct from (
          select min(tp.occurred_at) from campaign_touchpoints tp where tp.workspace_id = d.workspace_id and tp.contact_id in (
            select dc.contact_id from deal_contacts dc where dc.workspace_id = d.workspace_id and dc.deal_id = d.id
            union select cc.contact_id from contact_companies cc where cc.workspace_id = d.workspace_id and cc.company_id = d.company_id))`,
  );
  expect(stale).toEqual([]);
  return totals;
}

describe('attributed totals for several ranges at once', () => {
  beforeAll(seed);

  it('equal the totals of the attribution report, range by range', async () => {
    const totals = await expectEqualToReport();
    expect(totals.get('Q1')).toEqual({ revenue: 1_600_000, spend: 205_000 }); // 10,000 + 3,000 + 3,000; 2 × 1,000 + 50
    expect(totals.get('Q2')).toEqual({ revenue: 700_000, spend: 7_000 });
  });

  it('follow changes made after the win (first_touch_at is kept by triggers)', async () => {
    const q1 = async () => (await expectEqualToReport()).get('Q1')!.revenue;
    // A touch recorded later but dated before the win: Zoe's €5,000 deal of 13 February now counts.
    const late = await post('/api/campaigns', { name: 'Late', channel: 'other' });
    await post(`/api/campaigns/${late.id}/touchpoints`, { contactId: ids.z, occurredAt: '2026-02-05T12:00:00Z' });
    expect(await q1()).toBe(2_100_000);
    // Deleting its campaign takes the touch away again.
    expect((await ws.admin.api.delete(`/api/campaigns/${late.id}`)).statusCode).toBeLessThan(300);
    expect(await q1()).toBe(1_600_000);
    // Xena taken off the €10,000 deal, Zoe put on it instead: her only touch is after the win.
    const big = ids['won 2026-02-10T10:00:00Z'];
    expect((await ws.admin.api.patch(`/api/deals/${big}`, { contacts: [{ contactId: ids.z }] })).statusCode).toBe(200);
    expect(await q1()).toBe(600_000);
    // Xena linked to the deal's company afterwards: counted through the company.
    expect((await ws.admin.api.patch(`/api/deals/${big}`, { companyId: ids.company })).statusCode).toBe(200);
    expect(await q1()).toBe(1_600_000);
    expect((await ws.admin.api.patch(`/api/deals/${big}`, { companyId: null })).statusCode).toBe(200);
    expect(await q1()).toBe(600_000);
    const later = (await post('/api/companies', { name: 'Later Co' })).id;
    expect((await ws.admin.api.patch(`/api/deals/${big}`, { companyId: later })).statusCode).toBe(200);
    expect(await q1()).toBe(600_000);
    expect((await ws.admin.api.patch(`/api/contacts/${ids.x}`, { companyIds: [later] })).statusCode).toBe(200);
    expect(await q1()).toBe(1_600_000);
    // Yuri's link to Totals Inc removed: the USD deal of 12 February (Zoe's, company Totals Inc) no longer counts.
    expect((await ws.admin.api.patch(`/api/contacts/${ids.y}`, { companyId: null, companyIds: [] })).statusCode).toBe(200);
    expect(await q1()).toBe(1_300_000);
  });
});
