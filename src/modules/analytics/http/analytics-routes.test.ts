import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

/**
 * A workspace in Berlin reporting in EUR, Q1 2026 = [2025-12-31T23:00Z, 2026-03-31T22:00Z). Every figure below is
 * computed by hand in the comments of the expectations.
 */
async function seedQuarter() {
  const w = ws.workspaceId;
  expect((await ws.admin.api.patch('/api/workspace', { timezone: 'Europe/Berlin', currency: 'EUR' })).statusCode).toBe(200);
  await ws.admin.api.post('/api/exchange-rates', { currency: 'USD', quote: 'EUR', rate: 0.9, validFrom: '2025-01-01' });
  const pipeline = (
    await ws.admin.api.post('/api/pipelines', {
      name: 'KPI',
      stages: [
        { name: 'Open', probability: 20 },
        { name: 'Won', type: 'won' },
        { name: 'Lost', type: 'lost' },
      ],
    })
  ).json();
  const stage = (n: string) => pipeline.stages.find((s: { name: string }) => s.name === n).id;
  const deal = async (
    name: string,
    status: 'open' | 'won' | 'lost',
    amount: number,
    currency: string,
    created: string,
    closed: string | null,
  ) => {
    const id = (await ws.admin.api.post('/api/deals', { name, stageId: stage('Open'), amount, currency })).json().id;
    await exec(sql`update deals set status = ${status}, stage_id = ${stage(status === 'open' ? 'Open' : status === 'won' ? 'Won' : 'Lost')},
      created_at = ${created}, closed_at = ${closed} where workspace_id = ${w} and id = ${id}`);
  };
  await deal('D1 won in February', 'won', 1_000_000, 'EUR', '2026-01-11T10:00:00Z', '2026-02-10T10:00:00Z');
  await deal('D2 won 00:30 on 1 April in Berlin', 'won', 500_000, 'USD', '2026-01-05T10:00:00Z', '2026-03-31T22:30:00Z');
  await deal('D3 won 00:30 on 1 January in Berlin', 'won', 200_000, 'USD', '2025-12-21T23:30:00Z', '2025-12-31T23:30:00Z');
  for (const day of ['01', '02', '03'])
    await deal(`Lost ${day}`, 'lost', 10_000, 'EUR', '2026-01-02T10:00:00Z', `2026-03-${day}T10:00:00Z`);
  await deal('D7 open', 'open', 300_000, 'EUR', '2026-01-05T10:00:00Z', null);
  await deal('D8 won last year', 'won', 1_000_000, 'EUR', '2024-12-01T10:00:00Z', '2025-02-01T10:00:00Z');

  const contact = async (name: string, created: string, history: [string, string][]) => {
    const id = (await ws.admin.api.post('/api/contacts', { firstName: name })).json().id as string;
    await exec(sql`update contacts set created_at = ${created} where workspace_id = ${w} and id = ${id}`);
    await exec(sql`delete from lifecycle_history where workspace_id = ${w} and contact_id = ${id}`);
    for (const [stage, at] of history)
      await exec(sql`insert into lifecycle_history (id, workspace_id, contact_id, to_stage, changed_at, actor_type)
        values (${crypto.randomUUID()}, ${w}, ${id}, ${stage}, ${at}, 'user')`);
  };
  await contact('C1 loyal customer', '2025-05-01T10:00:00Z', [
    ['lead', '2025-05-01T10:00:00Z'],
    ['customer', '2025-06-01T10:00:00Z'],
  ]);
  await contact('C2 churned', '2025-05-01T10:00:00Z', [
    ['customer', '2025-07-01T10:00:00Z'],
    ['other', '2026-02-15T10:00:00Z'],
  ]);
  await contact('C3 new customer', '2026-01-20T10:00:00Z', [
    ['lead', '2026-01-20T10:00:00Z'],
    ['marketing_qualified', '2026-01-25T10:00:00Z'],
    ['sales_qualified', '2026-02-01T10:00:00Z'],
    ['customer', '2026-03-10T10:00:00Z'],
  ]);
  await contact('C4 MQL', '2026-02-01T10:00:00Z', [
    ['lead', '2026-02-01T10:00:00Z'],
    ['marketing_qualified', '2026-02-05T10:00:00Z'],
  ]);
  await contact('C5 a Q2 lead in Berlin', '2026-03-31T22:30:00Z', [['lead', '2026-03-31T22:30:00Z']]);

  const cost = (body: Record<string, unknown>) => ws.admin.api.post('/api/analytics/sales-costs', body);
  expect((await cost({ month: '2026-01', category: 'salaries', amount: 300_000, currency: 'EUR' })).statusCode).toBe(201);
  expect((await cost({ month: '2026-02', category: 'tools', amount: 100_000, currency: 'usd' })).statusCode).toBe(201);
  const market = await ws.admin.api.post('/api/analytics/market-sizes', {
    market: 'DACH CRM',
    period: '2026',
    amount: 4_000_000_000,
    currency: 'EUR',
  });
  expect(market.statusCode).toBe(201);
}

type Tile = {
  id: string;
  value: number | null;
  reason: string | null;
  status: string;
  target: number | null;
  comparisonValue: number | null;
  trend: unknown[];
};
const kpis = async (query: string) => {
  const res = await ws.admin.api.get(`/api/analytics/kpis?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { body, k: (id: string) => body.kpis.find((x: Tile) => x.id === id) as Tile };
};

describe('the KPI board', () => {
  beforeAll(seedQuarter);

  it('gives no revenue growth against a quarter the deal history only partly covers', async () => {
    // D8, the workspace's first deal, was created on 1 December 2024: inside 2024-Q4, the comparison of 2025-Q4.
    const { k } = await kpis('period=2025-q4&compare=last_year&trend=2');
    expect(k('revenue_growth')).toMatchObject({
      value: null,
      reason: 'Deal history begins on 2024-12-01, part-way through the comparison period, so its revenue is incomplete.',
      status: 'no_value',
    });
  });

  it('computes every KPI of a quarter in the workspace time zone and reporting currency', async () => {
    const { body, k } = await kpis('period=2026-q1&compare=last_year&trend=4');
    expect(body.period).toMatchObject({ label: '2026-Q1', start: '2025-12-31T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z', elapsed: 1 });
    expect(body.comparison).toEqual({ kind: 'last_year', label: '2025-Q1' });
    expect(body.currency).toBe('EUR');
    // Won in Q1 (Berlin): D1 €10,000 + D3 $2,000 × 0.9 = €1,800 → €11,800; D2 is Q2 there.
    expect(k('average_deal_size').value).toBe(590_000);
    expect(k('revenue_growth').value).toBeCloseTo(0.18); // (11,800 − 10,000) ÷ 10,000
    expect(k('revenue_growth').comparisonValue).toBeNull(); // nothing won in Q1 2024
    expect(k('win_rate').value).toBeCloseTo(0.4); // 2 won ÷ (2 + 3 lost)
    expect(k('sales_cycle_length').value).toBe(20); // median of 30 and 10 days
    expect(k('pipeline_velocity').value).toBe(23_600); // open at end: D7, D2 → 2 × 5,900 × 0.4 ÷ 20 = €236 a day
    expect(k('market_share').value).toBeCloseTo(1_180_000 / 1_000_000_000); // a quarter of the year's €40M
    // Customers: at start C1, C2; at end C1, C3; new C3.
    expect(k('customer_retention_rate').value).toBeCloseTo(0.5); // (2 − 1) ÷ 2
    expect(k('customer_acquisition_cost').value).toBe(390_000); // (0 + €3,000 + $1,000 × 0.9) ÷ 1
    expect(k('customer_lifetime_value').value).toBe(944_000); // 11,800 ÷ 2 × 0.8 ÷ 0.5
    expect(k('ltv_to_cac').value).toBeCloseTo(944_000 / 390_000);
    expect(k('sales_conversion_rate').value).toBeCloseTo(0.5); // leads C3, C4 (C5 is Q2 in Berlin); C3 became customer
    expect(k('mql_to_sql_rate').value).toBeCloseTo(0.5); // MQLs C3, C4; C3 reached SQL
    // No campaign spend entered: ROI and cost per lead say why.
    expect(k('marketing_roi')).toMatchObject({ value: null, reason: 'No marketing spend recorded for this period.', status: 'no_value' });
    expect(k('cost_per_lead').value).toBe(0);
    expect(k('customer_retention_rate')).toMatchObject({ target: 0.85, status: 'off_target' });
    expect(k('win_rate').trend).toHaveLength(4);
  });

  it('lists the records behind a number', async () => {
    const win = (await ws.admin.api.get('/api/analytics/kpis/win_rate/records?period=2026-Q1')).json();
    expect(win).toMatchObject({ entity: 'deal', total: 5 });
    expect(win.items.map((d: { name: string }) => d.name).sort()).toEqual([
      'D1 won in February',
      'D3 won 00:30 on 1 January in Berlin',
      'Lost 01',
      'Lost 02',
      'Lost 03',
    ]);
    const leadsRes = await ws.admin.api.get('/api/analytics/kpis/sales_conversion_rate/records?period=2026-Q1');
    expect(leadsRes.statusCode, leadsRes.body).toBe(200);
    const leads = leadsRes.json();
    expect(leads.items.map((c: { name: string; detail: string }) => [c.name, c.detail])).toEqual([
      ['C4 MQL', 'not a customer yet'],
      ['C3 new customer', 'became customer'],
    ]);
    const bad = await ws.admin.api.get('/api/analytics/kpis/happiness/records?period=2026-Q1');
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.code).toBe('kpi_not_found');
  });

  it('takes the workspace’s own targets, and says what is wrong with bad input', async () => {
    expect(
      (await ws.admin.api.patch('/api/analytics/settings', { targets: { customer_retention_rate: 0.4 }, grossMargin: 0.5 })).statusCode,
    ).toBe(200);
    const { k } = await kpis('period=2026-Q1');
    expect(k('customer_retention_rate')).toMatchObject({ target: 0.4, status: 'on_target' });
    expect(k('customer_lifetime_value').value).toBe(590_000); // 5,900 × 0.5 ÷ 0.5
    await ws.admin.api.patch('/api/analytics/settings', { resetTargets: ['customer_retention_rate'], grossMargin: 0.8 });
    expect((await kpis('period=2026-Q1')).k('customer_retention_rate').target).toBe(0.85);

    const period = await ws.admin.api.get('/api/analytics/kpis?period=last-quarter');
    expect(period.statusCode).toBe(400);
    expect(period.json().error).toMatchObject({ code: 'invalid_period', details: { path: ['query', 'period'] } });
    const currency = await ws.admin.api.post('/api/analytics/sales-costs', {
      month: '2026-03',
      category: 'tools',
      amount: 1,
      currency: 'XYZ',
    });
    expect(currency.json().error).toMatchObject({ code: 'unknown_currency', details: { path: ['body', 'currency'] } });
    const month = await ws.admin.api.post('/api/analytics/sales-costs', {
      month: '2026-13',
      category: 'tools',
      amount: 1,
      currency: 'EUR',
    });
    expect(month.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'month'] } });
    const negative = await ws.admin.api.post('/api/analytics/sales-costs', {
      month: '2026-03',
      category: 'tools',
      amount: -5,
      currency: 'EUR',
    });
    expect(negative.statusCode).toBe(400);
    const target = await ws.admin.api.patch('/api/analytics/settings', { targets: { happiness: 1 } });
    expect(target.statusCode).toBe(400);
  });

  it('lets everyone read the board but only managers enter costs', async () => {
    const viewer = await ws.member('viewer');
    expect((await viewer.api.get('/api/analytics/kpis?period=2026-Q1')).statusCode).toBe(200);
    expect(
      (await viewer.api.post('/api/analytics/sales-costs', { month: '2026-03', category: 'tools', amount: 1, currency: 'EUR' })).statusCode,
    ).toBe(403);
    const rep = await ws.member('sales_rep');
    expect((await rep.api.patch('/api/analytics/settings', { grossMargin: 0.1 })).statusCode).toBe(403);
    const costs = (await viewer.api.get('/api/analytics/sales-costs?from=2026-01&to=2026-02')).json().items;
    expect(costs.map((c: { month: string; amount: number }) => [c.month, c.amount])).toEqual([
      ['2026-02-01', 100_000],
      ['2026-01-01', 300_000],
    ]);
  });

  it('exports the board as CSV', async () => {
    const res = await ws.admin.api.get('/api/analytics/kpis.csv?period=2026-Q1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('kpi,name,unit,period,value,target,status,comparison_period,comparison_value,reason,currency');
    expect(lines.find((l) => l.startsWith('average_deal_size,'))).toContain(',590000,');
  });
});

describe('revenue growth of the quarter under way', () => {
  it('compares this quarter to date with the same quarter last year to the same point, not all of it', async () => {
    const w = await createTestWorkspace(t);
    expect((await w.admin.api.patch('/api/workspace', { timezone: 'UTC', currency: 'EUR' })).statusCode).toBe(200);
    const pipeline = (
      await w.admin.api.post('/api/pipelines', {
        name: 'QTD',
        stages: [
          { name: 'Open', probability: 20 },
          { name: 'Won', type: 'won' },
        ],
      })
    ).json();
    const now = Date.now();
    const today = new Date(now);
    const qStart = Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1);
    const lyStart = Date.UTC(today.getUTCFullYear() - 1, Math.floor(today.getUTCMonth() / 3) * 3, 1);
    const lyEnd = Date.UTC(today.getUTCFullYear() - 1, Math.floor(today.getUTCMonth() / 3) * 3 + 3, 1);
    const elapsed = now - qStart;
    const won = async (amount: number, closedAt: number) => {
      const id = (
        await w.admin.api.post('/api/deals', { name: `Won ${amount}`, stageId: pipeline.stages[0].id, amount, currency: 'EUR' })
      ).json().id;
      await exec(sql`update deals set status = 'won', stage_id = ${pipeline.stages[1].id}, created_at = ${new Date(lyStart - 30 * 86_400_000)},
        closed_at = ${new Date(closedAt)} where workspace_id = ${w.workspaceId} and id = ${id}`);
    };
    await won(1_200_000, qStart + elapsed / 2); // this quarter, so far
    await won(1_000_000, lyStart + elapsed / 2); // last year, before the same point
    await won(5_000_000, lyStart + elapsed + (lyEnd - lyStart - elapsed) / 2); // last year, after it
    const res = await w.admin.api.get('/api/analytics/kpis');
    expect(res.statusCode, res.body).toBe(200);
    const growth = res.json().kpis.find((k: { id: string }) => k.id === 'revenue_growth');
    expect(growth.value).toBeCloseTo(0.2); // (12,000 − 10,000) ÷ 10,000; against the whole quarter it was −0.8
  });
});
