import { sql } from 'drizzle-orm';
import type { Role } from '../../../kernel/auth/index.ts';
import type { Caller, TestPlatform } from '../../../kernel/testing/index.ts';

interface Member {
  userId: string;
  email: string;
  api: Caller;
}
/** The test kit's workspace (src/apps/test-kit.ts), as far as the fixture needs it. */
export interface FixtureWorkspace<M extends Member> {
  workspaceId: string;
  admin: M;
  member(role: Role): Promise<M>;
}

export interface ForecastFixture<M extends Member> {
  ws: FixtureWorkspace<M>;
  a: M;
  b: M;
  c: M;
  manager: M;
  east: string;
  west: string;
  pipelineId: string;
  stage: (name: string) => string;
  deals: Record<string, string>;
}

/**
 * A hand-computed 2026-Q4 in America/Los_Angeles, USD reporting: reps A and B in team East (managed by
 * `manager`), B and C in team West; EUR at 1.1 until 2026-10-14 and 1.3 from 2026-10-15 (so open EUR deals
 * convert at 1.3 and a win on 2026-10-05 at 1.1); no GBP rate; deals on both sides of the period's local edges.
 */
export async function forecastFixture<M extends Member>(t: TestPlatform, ws: FixtureWorkspace<M>): Promise<ForecastFixture<M>> {
  await t.database.db.execute(sql`update workspaces set timezone = 'America/Los_Angeles', currency = 'USD' where id = ${ws.workspaceId}`);
  const [a, b, c, manager] = [
    await ws.member('sales_rep'),
    await ws.member('sales_rep'),
    await ws.member('sales_rep'),
    await ws.member('sales_manager'),
  ];
  const api = ws.admin.api;
  const east = (await api.post('/api/teams', { name: 'East', managerId: manager!.userId, memberIds: [a!.userId, b!.userId] })).json().id;
  const west = (await api.post('/api/teams', { name: 'West', memberIds: [b!.userId, c!.userId] })).json().id;
  const pipeline = (
    await api.post('/api/pipelines', {
      name: 'Forecast',
      stages: [
        { name: 'Lead', probability: 10 },
        { name: 'Proposal', probability: 40 },
        { name: 'Negotiation', probability: 70 },
        { name: 'Won', type: 'won' },
        { name: 'Lost', type: 'lost' },
      ],
    })
  ).json();
  const stage = (name: string) => pipeline.stages.find((s: { name: string }) => s.name === name)!.id as string;
  await api.post('/api/exchange-rates', { currency: 'EUR', rate: 1.1, validFrom: '2020-01-01' });
  await api.post('/api/exchange-rates', { currency: 'EUR', rate: 1.3, validFrom: '2026-10-15' });
  const deals: Record<string, string> = {};
  const add = async (
    key: string,
    body: Record<string, unknown>,
    close?: { stage: string; at: string; cycleDays: number; extra?: object },
  ) => {
    const res = await api.post('/api/deals', { name: key, pipelineId: pipeline.id, stageId: stage('Lead'), ...body });
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`deal ${key}: ${res.body}`);
    const id = res.json().id as string;
    deals[key] = id;
    if (close) {
      const moved = await api.post(`/api/deals/${id}/move`, { stageId: stage(close.stage), ...close.extra });
      if (moved.statusCode !== 200) throw new Error(`move ${key}: ${moved.body}`);
      await t.database.db.execute(sql`update deals set closed_at = ${close.at} where id = ${id}`);
      await t.database.db.execute(
        sql`update deal_stage_history set entered_at = ${close.at}::timestamptz - make_interval(days => ${close.cycleDays}) where deal_id = ${id}`,
      );
    }
  };
  const usd = (ownerId: string | null, amount: number, more: object = {}) => ({ ownerId, amount, currency: 'USD', ...more });
  // Rep A
  await add('A won at the first local minute', usd(a!.userId, 1_000_000, { source: 'Referral' }), {
    stage: 'Won',
    at: '2026-10-01T07:30:00Z',
    cycleDays: 30,
  });
  await add('A won in Q3 local time', usd(a!.userId, 500_000), { stage: 'Won', at: '2026-10-01T06:30:00Z', cycleDays: 3 });
  await add('A commit EUR', {
    ownerId: a!.userId,
    amount: 100_000,
    currency: 'EUR',
    closeDate: '2026-12-31',
    forecastCategory: 'commit',
    stageId: stage('Negotiation'),
  });
  await add('A best case', usd(a!.userId, 200_000, { closeDate: '2026-10-01', forecastCategory: 'best_case', stageId: stage('Proposal') }));
  await add('A next quarter', usd(a!.userId, 300_000, { closeDate: '2027-01-01', forecastCategory: 'pipeline' }));
  await add('A omitted', usd(a!.userId, 400_000, { closeDate: '2026-11-01', forecastCategory: 'omitted' }));
  // Rep B
  await add(
    'B won EUR',
    { ownerId: b!.userId, amount: 200_000, currency: 'EUR', source: 'Web', competitors: ['Rival'] },
    {
      stage: 'Won',
      at: '2026-10-05T12:00:00Z',
      cycleDays: 10,
    },
  );
  await add('B pipeline', usd(b!.userId, 100_000, { closeDate: '2026-11-15', forecastCategory: 'pipeline' }));
  await add('B won at the last local minute', usd(b!.userId, 50_000, { source: 'web' }), {
    stage: 'Won',
    at: '2027-01-01T07:59:00Z',
    cycleDays: 20,
  });
  await add('B lost', usd(b!.userId, 99_900, { source: 'Web' }), {
    stage: 'Lost',
    at: '2026-11-20T18:00:00Z',
    cycleDays: 5,
    extra: { lossReason: 'Price', lostTo: 'Rival' },
  });
  // Rep C
  await add('C commit GBP', { ownerId: c!.userId, amount: 10_000, currency: 'GBP', closeDate: '2026-11-30', forecastCategory: 'commit' });
  await add('C pipeline', usd(c!.userId, 70_000, { closeDate: '2026-12-01', forecastCategory: 'pipeline', stageId: stage('Proposal') }));
  // Nobody's
  await add('Unowned commit', usd(null, 10_000, { closeDate: '2026-11-10', forecastCategory: 'commit' }));
  return { ws, a: a!, b: b!, c: c!, manager: manager!, east, west, pipelineId: pipeline.id, stage, deals };
}
