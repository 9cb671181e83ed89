import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep: TestMember;
const ids: Record<string, string> = {};
const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

/**
 * A workspace in Berlin reporting in EUR. Contacts (created, then stage entries at 10:00 UTC unless said):
 *   A web, admin's: created 5 Jan; lead 5 Jan, MQL 7 Jan, SQL 15 Jan, customer 4 Feb
 *   B web: created 10 Jan; lead 10 Jan, MQL 20 Jan
 *   C ads, the rep's: created 12 Jan; lead 12 Jan
 *   D: created 3 Feb; lead 3 Feb, MQL 5 Feb
 *   E: created 00:30 on 1 January in Berlin (31 Dec 23:30 UTC); subscriber then
 *   F: created June 2025; customer 10 Nov 2025, other 5 Dec 2025
 */
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  rep = await ws.member('sales_rep');
  const w = ws.workspaceId;
  expect((await ws.admin.api.patch('/api/workspace', { timezone: 'Europe/Berlin', currency: 'EUR' })).statusCode).toBe(200);
  await ws.admin.api.post('/api/exchange-rates', { currency: 'USD', quote: 'EUR', rate: 0.9, validFrom: '2025-01-01' });
  const contact = async (name: string, created: string, history: [string, string][], source?: string, ownerId?: string) => {
    const res = await ws.admin.api.post('/api/contacts', {
      firstName: name,
      ...(source ? { source } : {}),
      ...(ownerId ? { ownerId } : {}),
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    ids[name] = id;
    await exec(sql`update contacts set created_at = ${created} where workspace_id = ${w} and id = ${id}`);
    await exec(sql`delete from lifecycle_history where workspace_id = ${w} and contact_id = ${id}`);
    for (const [stage, at] of history)
      await exec(sql`insert into lifecycle_history (id, workspace_id, contact_id, to_stage, changed_at, actor_type)
        values (${crypto.randomUUID()}, ${w}, ${id}, ${stage}, ${at}, 'user')`);
  };
  const at = (d: string) => `${d}T10:00:00Z`;
  await contact(
    'A',
    at('2026-01-05'),
    [
      ['lead', at('2026-01-05')],
      ['marketing_qualified', at('2026-01-07')],
      ['sales_qualified', at('2026-01-15')],
      ['customer', at('2026-02-04')],
    ],
    'web',
  );
  await contact(
    'B',
    at('2026-01-10'),
    [
      ['lead', at('2026-01-10')],
      ['marketing_qualified', at('2026-01-20')],
    ],
    'web',
  );
  await contact('C', at('2026-01-12'), [['lead', at('2026-01-12')]], 'ads', rep.userId);
  await contact('D', at('2026-02-03'), [
    ['lead', at('2026-02-03')],
    ['marketing_qualified', at('2026-02-05')],
  ]);
  await contact('E', '2025-12-31T23:30:00Z', [['subscriber', '2025-12-31T23:30:00Z']]);
  await contact('F', at('2025-06-01'), [
    ['customer', at('2025-11-10')],
    ['other', at('2025-12-05')],
  ]);
});
afterAll(() => t.close());

const counts = (stages: { count: number }[]) => stages.map((s) => s.count);

describe('funnel', () => {
  const january = 'from=2026-01-01&to=2026-01-31';

  it('follows the contacts created in the range through the stages', async () => {
    const res = await ws.admin.api.get(`/api/analytics/funnel?${january}`);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    // E counts: created 00:30 on 1 January Berlin time. D (February) and F (2025) do not.
    expect(f.created).toBe(4);
    expect(counts(f.stages)).toEqual([4, 3, 2, 1, 1, 1]);
    expect(f.stages.map((s: { conversionFromPrevious: number | null }) => s.conversionFromPrevious)).toEqual([
      null,
      0.75,
      0.6667,
      0.5,
      1,
      1,
    ]);
    expect(f.stages.map((s: { conversionFromFirst: number | null }) => s.conversionFromFirst)).toEqual([null, 0.75, 0.5, 0.25, 0.25, 0.25]);
    // lead→MQL: A 2 days, B 10 → 6; MQL→SQL: A 8; SQL→opportunity (skipped, passed on 4 Feb): 20; then 0.
    expect(f.stages.map((s: { medianDaysFromPrevious: number | null }) => s.medianDaysFromPrevious)).toEqual([null, 0, 6, 8, 20, 0]);
  });

  it('applies the conversion window and breaks down by source', async () => {
    // Within 14 days of creation A reached SQL (10 days) but not customer (30 days).
    expect(counts((await ws.admin.api.get(`/api/analytics/funnel?${january}&window=14`)).json().stages)).toEqual([4, 3, 2, 1, 0, 0]);
    const f = (await ws.admin.api.get(`/api/analytics/funnel?${january}&by=source`)).json();
    expect(f.groups.map((g: { label: string; stages: { count: number }[] }) => [g.label, counts(g.stages)])).toEqual([
      ['web', [2, 2, 2, 1, 1, 1]],
      ['ads', [1, 1, 0, 0, 0, 0]],
      ['No source', [1, 0, 0, 0, 0, 0]],
    ]);
  });

  it('counts the stages reached within the range in the period cohort', async () => {
    // February: A reached opportunity (skipped) and customer; D subscriber, lead and MQL.
    const f = (await ws.admin.api.get('/api/analytics/funnel?from=2026-02-01&to=2026-02-28&cohort=period')).json();
    expect(counts(f.stages)).toEqual([1, 1, 1, 0, 1, 1]);
  });

  it('lists who stopped at a stage, a page at a time, with links to the contacts', async () => {
    const lead = (await ws.admin.api.get(`/api/analytics/funnel/drop-off?${january}&stage=lead`)).json();
    expect(lead).toMatchObject({ stage: 'lead', nextStage: 'marketing_qualified', total: 1 });
    expect(lead.items.map((i: { id: string }) => i.id)).toEqual([ids.C]);
    const subscriber = (await ws.admin.api.get(`/api/analytics/funnel/drop-off?${january}&stage=subscriber`)).json();
    expect(subscriber.items.map((i: { id: string }) => i.id)).toEqual([ids.E]);
    // With the 14-day window A stopped after SQL too; the page holds one of the two, longest waiting first.
    const page = (await ws.admin.api.get(`/api/analytics/funnel/drop-off?${january}&stage=sales_qualified&window=14&limit=1`)).json();
    expect(page.total).toBe(1);
    expect(page.items[0].id).toBe(ids.A);
    const web = (await ws.admin.api.get(`/api/analytics/funnel/drop-off?${january}&stage=marketing_qualified&by=source&group=web`)).json();
    expect(web.items.map((i: { id: string; group: string }) => [i.id, i.group])).toEqual([[ids.B, 'web']]);
  });

  it('shows a rep under own visibility only their contacts', async () => {
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    try {
      const f = (await rep.api.get(`/api/analytics/funnel?${january}`)).json();
      expect(f.created).toBe(1);
      expect(counts(f.stages)).toEqual([1, 1, 0, 0, 0, 0]);
    } finally {
      await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
    }
  });

  it('says what is wrong with bad input', async () => {
    const stage = await ws.admin.api.get(`/api/analytics/funnel/drop-off?${january}&stage=customer`);
    expect(stage.statusCode).toBe(400);
    const backwards = await ws.admin.api.get('/api/analytics/funnel?from=2026-02-01&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['query', 'to'] } });
    const day = await ws.admin.api.get('/api/analytics/funnel?from=2026-02-30');
    expect(day.statusCode).toBe(400);
    expect(day.json().error.message).toContain('YYYY-MM-DD');
    expect((await ws.admin.api.get('/api/analytics/funnel?by=planet')).statusCode).toBe(400);
  });

  it('exports the funnel as CSV', async () => {
    const res = await ws.admin.api.get(`/api/analytics/funnel.csv?${january}`);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('group,stage,count,conversion_from_previous,conversion_from_first,median_days_from_previous');
    expect(lines[3]).toBe('All,marketing_qualified,2,0.6667,0.5,6');
  });
});

describe('cohorts', () => {
  it('follows customers by the month they became customers', async () => {
    const c = (await ws.admin.api.get('/api/analytics/cohorts?from=2025-11-01&to=2026-02-28')).json();
    expect(c.cohorts.map((r: { month: string; size: number }) => [r.month, r.size])).toEqual([
      ['2025-11', 1],
      ['2025-12', 0],
      ['2026-01', 0],
      ['2026-02', 1],
    ]);
    // F left in December; A has stayed.
    expect(c.cohorts[0].cells.slice(0, 3).map((x: { retention: number }) => x.retention)).toEqual([1, 0, 0]);
    expect(c.cohorts[3].cells.slice(0, 3).map((x: { retention: number }) => x.retention)).toEqual([1, 1, 1]);
  });

  it('computes net and gross revenue retention from recurring orders', async () => {
    const w = ws.workspaceId;
    const [X, Y, Z, W] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    let n = 1000;
    const order = (company: string, currency: string, mrr: number, confirmed: string | null, cancelled: string | null = null) =>
      exec(sql`insert into orders (id, workspace_id, number, company_id, status, currency, mrr, arr, confirmed_at, cancelled_at)
        values (${crypto.randomUUID()}, ${w}, ${n++}, ${company}, ${cancelled ? 'cancelled' : confirmed ? 'confirmed' : 'draft'},
          ${currency}, ${mrr}, ${mrr * 12}, ${confirmed}, ${cancelled})`);
    await order(X, 'EUR', 10_000, '2026-01-15T10:00:00Z');
    await order(X, 'EUR', 5_000, '2026-03-02T10:00:00Z'); // expansion in March
    await order(Y, 'EUR', 20_000, '2026-01-20T10:00:00Z', '2026-02-10T10:00:00Z'); // contraction: 20 000 → 8 000 in February
    await order(Y, 'EUR', 8_000, '2026-02-10T10:00:00Z');
    await order(W, 'EUR', 10_000, '2026-01-05T10:00:00Z', '2026-03-15T10:00:00Z'); // churn in March
    await order(Z, 'USD', 5_000, '2026-01-31T23:30:00Z'); // 00:30 on 1 February in Berlin: the February cohort, 4 500 EUR
    await order(Z, 'EUR', 99_999, null); // a draft counts nowhere
    const c = (await ws.admin.api.get('/api/analytics/cohorts?from=2026-01-01&to=2026-02-28&basis=revenue')).json();
    const [jan, feb] = c.cohorts;
    expect([jan.month, jan.size, jan.startMrr]).toEqual(['2026-01', 3, 40_000]);
    const first3 = (k: string) => jan.cells.slice(0, 3).map((x: Record<string, number>) => x[k]);
    // MRR: Jan 10 000 + 20 000 + 10 000; Feb 10 000 + 8 000 + 10 000; Mar 15 000 + 8 000 + 0.
    expect(first3('mrr')).toEqual([40_000, 28_000, 23_000]);
    expect(first3('netRevenueRetention')).toEqual([1, 0.7, 0.575]);
    // Gross caps X at 10 000 in March: 10 000 + 8 000 = 18 000.
    expect(first3('grossRevenueRetention')).toEqual([1, 0.7, 0.45]);
    expect(first3('active')).toEqual([3, 3, 2]);
    expect([feb.month, feb.size, feb.startMrr]).toEqual(['2026-02', 1, 4_500]);
    const csv = (await ws.admin.api.get('/api/analytics/cohorts.csv?from=2026-01-01&to=2026-02-28&basis=revenue')).body.trim().split('\n');
    expect(csv[0]).toBe('cohort,size,months_since_start,active,retention,mrr,net_revenue_retention,gross_revenue_retention,currency');
    expect(csv[3]).toBe('2026-01,3,2,2,0.6667,23000,0.575,0.45,EUR');
  });

  it('refuses more than 36 months', async () => {
    const res = await ws.admin.api.get('/api/analytics/cohorts?from=2020-01-01&to=2026-01-31');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.path).toEqual(['query', 'from']);
  });
});

describe('performance', () => {
  it('tables sales performance per rep for a month', async () => {
    const pipeline = (
      await ws.admin.api.post('/api/pipelines', {
        name: 'Perf',
        stages: [
          { name: 'Open', probability: 20 },
          { name: 'Won', type: 'won' },
          { name: 'Lost', type: 'lost' },
        ],
      })
    ).json();
    const stage = (n: string) => pipeline.stages.find((s: { name: string }) => s.name === n).id;
    const deal = async (status: 'won' | 'lost', amount: number, currency: string, created: string, closed: string) => {
      const res = await ws.admin.api.post('/api/deals', {
        name: `${status} ${amount}`,
        stageId: stage('Open'),
        amount,
        currency,
        ownerId: rep.userId,
      });
      expect(res.statusCode).toBe(201);
      await exec(sql`update deals set status = ${status}, stage_id = ${stage(status === 'won' ? 'Won' : 'Lost')}, created_at = ${created},
        closed_at = ${closed} where workspace_id = ${ws.workspaceId} and id = ${res.json().id}`);
    };
    await deal('won', 100_000, 'EUR', '2026-01-31T10:00:00Z', '2026-02-10T10:00:00Z'); // 10 days
    await deal('won', 100_000, 'USD', '2026-01-21T10:00:00Z', '2026-02-20T10:00:00Z'); // 30 days, 90 000 EUR
    await deal('lost', 50_000, 'EUR', '2026-02-01T10:00:00Z', '2026-02-11T10:00:00Z');
    const res = await ws.admin.api.get('/api/analytics/sales-performance?period=2026-02');
    expect(res.statusCode).toBe(200);
    const row = res.json().reps.find((r: { id: string }) => r.id === rep.userId);
    expect(row).toMatchObject({ dealsWon: 2, dealsLost: 1, revenue: 190_000, winRate: 0.6667, cycleDays: 20, dealsCreated: 1 });
    expect((await ws.admin.api.get('/api/analytics/sales-performance?period=2026')).statusCode).toBe(400);
    const csv = (await ws.admin.api.get('/api/analytics/sales-performance.csv?period=2026-02')).body;
    expect(csv).toContain(',2,1,190000,0.6667,20,');
  });

  it('tables marketing performance per campaign and channel from the attribution', async () => {
    const campaign = await ws.admin.api.post('/api/campaigns', { name: 'Spring push', channel: 'email' });
    expect(campaign.statusCode).toBe(201);
    const res = await ws.admin.api.get('/api/analytics/marketing-performance?from=2026-01-01&to=2026-03-31&model=first_touch');
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.model).toBe('first_touch');
    expect(m.campaigns.find((r: { label: string }) => r.label === 'Spring push')).toMatchObject({ leads: 0, customers: 0, cac: null });
    expect((await ws.admin.api.get('/api/analytics/marketing-performance?model=magic')).statusCode).toBe(400);
  });
});
