import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { localDate, periodOf } from '../periods.ts';
import type { ForecastNode } from '../queries/get-forecast.ts';
import { type ForecastFixture, forecastFixture } from '../testing/forecast-fixture.ts';

let t: TestPlatform;
let f: ForecastFixture<TestMember>;
beforeAll(async () => {
  t = await createTestApp();
  f = await forecastFixture(t, await createTestWorkspace(t, 'Forecasts'));
  const res = await f.ws.admin.api.post('/api/quotas', {
    items: [
      { subjectType: 'user', subjectId: f.a.userId, period: '2026-10', amount: 500_000 },
      { subjectType: 'user', subjectId: f.a.userId, period: '2026-11', amount: 500_000 },
      { subjectType: 'user', subjectId: f.a.userId, period: '2026-12', amount: 500_000 },
      { subjectType: 'user', subjectId: f.b.userId, period: '2026-Q4', amount: 1_000_000 },
      { subjectType: 'team', subjectId: f.west, period: '2026-q4', amount: 800_000 },
    ],
  });
  expect(res.statusCode).toBe(200);
}, 60_000);
afterAll(() => t.close());

const forecast = async (query: string, who = f.ws.admin) => {
  const res = await who.api.get(`/api/forecasts?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { tree: ForecastNode; unconverted: unknown[]; currency: string; start: string; end: string };
};
const find = (n: ForecastNode, name: string): ForecastNode => {
  const stack = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.name === name) return x;
    stack.push(...x.children);
  }
  throw new Error(`no node ${name}`);
};
const rep = (tree: ForecastNode, userId: string) => tree.children.flatMap((c) => c.children).find((c) => c.id === userId)!;

describe('the forecast roll-up', () => {
  it('rolls reps up to teams and the workspace with dated rates and local period edges (hand-computed)', async () => {
    const fc = await forecast(`period=2026-Q4&pipelineId=${f.pipelineId}`);
    expect(fc).toMatchObject({ currency: 'USD', start: '2026-10-01', end: '2027-01-01' });
    const { tree } = fc;
    expect(rep(tree, f.a.userId)).toMatchObject({
      figures: { closedWon: 1_000_000, commit: 130_000, bestCase: 200_000, pipeline: 0, weighted: 171_000, deals: 3 },
      quota: 1_500_000,
      forecast: 1_130_000,
      attainment: 66.7,
      gap: 370_000,
    });
    expect(rep(tree, f.b.userId)).toMatchObject({
      figures: { closedWon: 270_000, commit: 0, bestCase: 0, pipeline: 100_000, weighted: 10_000, deals: 3 },
      quota: 1_000_000,
      attainment: 27,
    });
    expect(rep(tree, f.c.userId)).toMatchObject({
      figures: { closedWon: 0, commit: 0, pipeline: 70_000, weighted: 28_000 },
      quota: null,
      attainment: null,
    });
    expect(find(tree, 'East')).toMatchObject({
      figures: { closedWon: 1_270_000, commit: 130_000, bestCase: 200_000, pipeline: 100_000, weighted: 181_000 },
      quota: 2_500_000,
      quotaSource: 'reps',
      forecast: 1_400_000,
      gap: 1_100_000,
      attainment: 50.8,
    });
    expect(find(tree, 'West')).toMatchObject({
      figures: { closedWon: 270_000, pipeline: 170_000, weighted: 38_000 },
      quota: 800_000,
      quotaSource: 'set',
      attainment: 33.8,
    });
    expect(find(tree, 'No team').children.map((c) => c.name)).toEqual(['No owner']);
    expect(tree).toMatchObject({
      type: 'workspace',
      figures: { closedWon: 1_270_000, commit: 140_000, bestCase: 200_000, pipeline: 170_000, weighted: 210_000 },
      quota: 2_500_000,
    });
    expect(fc.unconverted).toEqual([{ currency: 'GBP', count: 1, amount: 10_000 }]);
  });

  it('a month is a month of the workspace time zone, and its quota is the month’s', async () => {
    const { tree } = await forecast('period=2026-10');
    expect(rep(tree, f.a.userId)).toMatchObject({
      figures: { closedWon: 1_000_000, bestCase: 200_000, commit: 0 },
      quota: 500_000,
      attainment: 200,
    });
    const q3 = await forecast('period=2026-Q3');
    expect(rep(q3.tree, f.a.userId).figures.closedWon).toBe(500_000);
  });

  it('refuses a bad period with the path to fix', async () => {
    const res = await f.ws.admin.api.get('/api/forecasts?period=2026-13');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['query', 'period'] } });
  });
});

describe('quotas', () => {
  it('lists, replaces and removes quotas, all or nothing', async () => {
    const list = (await f.ws.admin.api.get('/api/quotas?from=2026-10&to=2026-Q4')).json().items;
    expect(list).toHaveLength(5);
    const bad = await f.ws.admin.api.post('/api/quotas', {
      items: [
        { subjectType: 'user', subjectId: f.c.userId, period: '2026-Q4', amount: 1 },
        { subjectType: 'user', subjectId: '0190a0a0-0000-7000-8000-000000000000', period: '2026-Q4', amount: 1 },
      ],
    });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error).toMatchObject({ code: 'member_not_found', details: { path: ['body', 'items', 1, 'subjectId'] } });
    const badPeriod = await f.ws.admin.api.post('/api/quotas', {
      items: [{ subjectType: 'user', subjectId: f.c.userId, period: 'Q4', amount: 1 }],
    });
    expect(badPeriod.json().error.details.path).toEqual(['body', 'items', 0, 'period']);
    expect(
      (await f.ws.admin.api.get('/api/quotas?from=2026-Q4')).json().items.some((q: { subjectId: string }) => q.subjectId === f.c.userId),
    ).toBe(false);
    const team = list.find((q: { subjectType: string }) => q.subjectType === 'team');
    expect((await f.ws.admin.api.delete(`/api/quotas/${team.id}`)).statusCode).toBe(200);
    expect(find((await forecast('period=2026-Q4')).tree, 'West')).toMatchObject({ quota: 1_000_000, quotaSource: 'reps' });
    await f.ws.admin.api.post('/api/quotas', { items: [{ subjectType: 'team', subjectId: f.west, period: '2026-Q4', amount: 800_000 }] });
  });

  it('reps read quotas but cannot set them', async () => {
    expect((await f.a.api.get('/api/quotas?from=2026-Q4')).statusCode).toBe(200);
    const res = await f.a.api.post('/api/quotas', {
      items: [{ subjectType: 'user', subjectId: f.a.userId, period: '2026-Q4', amount: 1 }],
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('overrides', () => {
  it('a manager overrides a rep’s commit with a comment; the computed figure stays beside it and the history is kept', async () => {
    const first = await f.manager.api.post('/api/forecasts/overrides', {
      period: '2026-Q4',
      subjectType: 'user',
      subjectId: f.a.userId,
      category: 'commit',
      amount: 200_000,
      comment: 'Signed PO expected',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ amount: 200_000, computedAmount: 130_000, comment: 'Signed PO expected' });
    await f.manager.api.post('/api/forecasts/overrides', {
      period: '2026-Q4',
      subjectType: 'user',
      subjectId: f.a.userId,
      category: 'commit',
      amount: 250_000,
      comment: 'Upsell added',
    });
    const a = rep((await forecast('period=2026-Q4')).tree, f.a.userId);
    expect(a.figures.commit).toBe(130_000);
    expect(a.overrides.commit).toMatchObject({ amount: 250_000, computedAmount: 130_000, comment: 'Upsell added' });
    expect(a.forecast).toBe(1_250_000);
    const history = (await f.a.api.get(`/api/forecasts/overrides?period=2026-Q4&subjectType=user&subjectId=${f.a.userId}`)).json().items;
    expect(history.map((h: { amount: number }) => h.amount)).toEqual([250_000, 200_000]);
    // The pipeline-scoped forecast has its own overrides.
    expect(rep((await forecast(`period=2026-Q4&pipelineId=${f.pipelineId}`)).tree, f.a.userId).overrides.commit).toBeUndefined();
  });

  it('clearing an override brings the computed figure back', async () => {
    const body = { period: '2026-Q4', subjectType: 'team', subjectId: f.east, category: 'best_case', comment: 'x' };
    await f.manager.api.post('/api/forecasts/overrides', { ...body, amount: 1 });
    expect(find((await forecast('period=2026-Q4')).tree, 'East').overrides.best_case?.amount).toBe(1);
    await f.manager.api.post('/api/forecasts/overrides', { ...body, amount: null, comment: 'back to computed' });
    expect(find((await forecast('period=2026-Q4')).tree, 'East').overrides.best_case).toBeUndefined();
  });

  it('a manager cannot override teams or reps they do not manage; reps cannot override; a comment is required', async () => {
    const body = { period: '2026-Q4', subjectType: 'user', subjectId: f.c.userId, category: 'commit', amount: 5, comment: 'no' };
    expect((await f.manager.api.post('/api/forecasts/overrides', body)).statusCode).toBe(403);
    expect((await f.manager.api.post('/api/forecasts/overrides', { ...body, subjectType: 'workspace' })).statusCode).toBe(403);
    expect((await f.a.api.post('/api/forecasts/overrides', { ...body, subjectId: f.a.userId })).statusCode).toBe(403);
    const blank = await f.ws.admin.api.post('/api/forecasts/overrides', { ...body, comment: '  ' });
    expect(blank.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'comment'] } });
    const ok = await f.ws.admin.api.post('/api/forecasts/overrides', {
      ...body,
      subjectType: 'workspace',
      subjectId: undefined,
      comment: 'Board view',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await forecast('period=2026-Q4')).tree.overrides.commit?.amount).toBe(5);
  });
});

describe('snapshots and accuracy', () => {
  it('stores every rep’s forecast once per day and compares snapshots with the actual closed-won', async () => {
    const snap = await f.manager.api.post('/api/forecasts/snapshots', { period: '2026-Q4' });
    expect(snap.json()).toEqual({ period: '2026-Q4', rows: 3 });
    expect((await f.manager.api.post('/api/forecasts/snapshots', { period: '2026-Q4' })).json().rows).toBe(3);
    await t.database.db.execute(
      sql`insert into forecast_snapshots (id, workspace_id, taken_on, period, owner_id, closed_won, commit, best_case, pipeline, weighted, quota, forecast, currency)
          values (gen_random_uuid(), ${f.ws.workspaceId}, '2026-10-05', '2026-Q4', ${f.a.userId}, 0, 500000, 0, 0, 0, 1500000, 500000, 'USD')`,
    );
    const res = await f.a.api.get('/api/forecasts/accuracy?period=2026-Q4');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json().reps.find((r: { userId: string }) => r.userId === f.a.userId);
    // Actual 1,000,000: the early snapshot said 500,000 (50 %), today's 1,000,000 + the 250,000 commit override (75 %).
    expect(a.actual).toBe(1_000_000);
    expect(a.snapshots.map((s: { forecast: number; accuracy: number }) => [s.forecast, s.accuracy])).toEqual([
      [500_000, 50],
      [1_250_000, 75],
    ]);
    expect(a.averageAccuracy).toBe(62.5);
  });

  it('the weekly job snapshots the current quarter and month of each workspace', async () => {
    const { weeklySnapshotsJob } = await import('../index.ts');
    const job = { database: t.database, progress: async () => {}, cancelled: async () => false } as never;
    const out = (await weeklySnapshotsJob.handler({}, job)) as { rows: number };
    expect(out.rows).toBeGreaterThan(0);
    const today = localDate(new Date(), 'America/Los_Angeles');
    const periods = await rows<{ period: string }>(
      t.database.db,
      sql`select distinct period from forecast_snapshots where workspace_id = ${f.ws.workspaceId} and taken_on = ${today} order by 1`,
    );
    expect(periods.map((p) => p.period).sort()).toEqual([periodOf(today, 'month').key, periodOf(today, 'quarter').key].sort());
  });
});

describe('the win/loss report', () => {
  it('gives win rate, deal size and sales cycle by rep, source, competitor and loss reason', async () => {
    const res = await f.ws.admin.api.get(`/api/reports/win-loss?from=2026-10-01&to=2026-12-31&pipelineId=${f.pipelineId}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.total).toMatchObject({
      won: 3,
      lost: 1,
      winRate: 75,
      wonAmount: 1_270_000,
      lostAmount: 99_900,
      averageDealSize: 423_333,
      averageCycleDays: 20,
      averageLostCycleDays: 5,
    });
    const by = (list: { label: string }[], label: string) => list.find((x) => x.label === label);
    expect(r.byOwner.find((x: { key: string }) => x.key === f.b.userId)).toMatchObject({
      won: 2,
      lost: 1,
      winRate: 66.7,
      wonAmount: 270_000,
    });
    expect(by(r.bySource, 'web')).toMatchObject({ won: 2, lost: 1 });
    expect(by(r.bySource, 'referral')).toMatchObject({ won: 1, lost: 0, winRate: 100 });
    expect(by(r.byCompetitor, 'Rival')).toMatchObject({ won: 1, lost: 1, winRate: 50 });
    expect(by(r.byCompetitor, 'No competitor')).toMatchObject({ won: 2, lost: 0 });
    expect(r.byLossReason).toEqual([expect.objectContaining({ label: 'Price', lost: 1, lostAmount: 99_900 })]);
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await f.ws.admin.api.get('/api/reports/win-loss?from=2026-10-02&to=2026-10-01');
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['query', 'to'] } });
  });
});

describe('defaults', () => {
  it('without a period the forecast, overrides and accuracy are of the current quarter; win/loss of the last year', async () => {
    const now = localDate(new Date(), 'America/Los_Angeles');
    expect((await forecast('')).start).toBe(periodOf(now, 'quarter').start);
    expect((await f.ws.admin.api.get('/api/forecasts/accuracy')).json().period).toBe(periodOf(now, 'quarter').key);
    expect((await f.ws.admin.api.get('/api/forecasts/overrides')).statusCode).toBe(200);
    const wl = (await f.ws.admin.api.get('/api/reports/win-loss')).json();
    expect(wl.to).toBe(now);
    expect(wl.from).toBe(`${Number(now.slice(0, 4)) - 1}${now.slice(4)}`);
    expect((await f.ws.admin.api.get('/api/quotas')).statusCode).toBe(200);
  });
});
