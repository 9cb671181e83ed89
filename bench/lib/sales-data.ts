/**
 * Builds (or reuses) the sales bench database: one workspace with 200,000 deals in two pipelines (160k / 40k),
 * 20,000 companies, 16 owners in three teams with monthly quotas, monthly EUR/GBP rates, plus a small second workspace. People, pipelines and
 * rates go through the app's use cases; deals and their stage-history rows are generated in SQL.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Ctx } from '../../src/kernel/context.ts';
import { migrate, openDatabase } from '../../src/kernel/db/index.ts';
import { addMember, createTeam, createUser, createWorkspace } from '../../src/modules/identity/index.ts';
import { createPipeline, type Pipeline, setExchangeRate } from '../../src/modules/sales/index.ts';

const dataVersion = 2;
const password = 'correct horse battery staple';

export interface SalesBenchData {
  version: number;
  deals: number;
  workspaceId: string;
  adminUserId: string;
  repUserId: string;
  pipelineId: string;
  secondPipelineId: string;
  stages: { id: string; name: string; type: string; probability: number }[];
  generationSeconds: number;
}

type Log = (line: string) => void;

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function dropSalesBenchDatabase(url: string) {
  await onServer(url, (c) => c.query(`drop database if exists ${pg.escapeIdentifier(databaseName(url))} with (force)`));
}

async function reusable(url: string, deals: number): Promise<SalesBenchData | undefined> {
  const exists = await onServer(url, (c) => c.query('select 1 from pg_database where datname = $1', [databaseName(url)]));
  if (!exists.rowCount) return undefined;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const meta = await c.query(`select value from bench_sales_meta where key = 'data'`).catch(() => undefined);
    const data = meta?.rows[0]?.value as SalesBenchData | undefined;
    if (!data || data.version !== dataVersion || data.deals !== deals) return undefined;
    const { rows } = await c.query('select count(*)::int as n from deals where workspace_id = $1', [data.workspaceId]);
    return rows[0]?.n === deals ? data : undefined;
  } finally {
    await c.end();
  }
}

/** Deals of one pipeline: stage by weight (open stages ~40 %, won ~25 %, lost ~35 %), amounts in USD/EUR/GBP over three years. */
export const dealsSql = (
  workspaceId: string,
  pipeline: Pipeline,
  owners: string[],
  companies: string[],
  count: number,
  seedOffset: number,
) => {
  const ids = pipeline.stages.map((s) => s.id);
  const types = pipeline.stages.map((s) => s.type);
  return {
    text: `insert into deals (id, workspace_id, name, pipeline_id, stage_id, status, amount, currency, close_date, owner_id, company_id,
             source, competitors, next_step, forecast_category, tags, custom, stage_entered_at, closed_at, created_at, updated_at)
           select gen_random_uuid(), $1, 'Deal ' || (g + $6), $2, st.ids[x.idx], st.types[x.idx],
             case when x.r3 < 0.04 then null else (1000 + floor(x.r2 ^ 2 * 200000)::int) * 100 end,
             case when x.r4 < 0.8 then 'USD' when x.r4 < 0.92 then 'EUR' else 'GBP' end,
             (x.created + interval '60 days')::date, ($4::uuid[])[1 + (g % array_length($4::uuid[], 1))],
             ($8::uuid[])[1 + (g * 7919) % array_length($8::uuid[], 1)],
             (array['website','referral','outbound','event','partner'])[1 + (g % 5)], '{}', null,
             case when st.types[x.idx] = 'won' then 'closed' when st.types[x.idx] = 'lost' then 'omitted'
               else (array['pipeline','pipeline','best_case','commit','omitted'])[1 + (g % 5)] end,
             '{}', '{}', x.created + interval '5 days',
             case when st.types[x.idx] = 'open' then null else x.created + interval '20 days' end, x.created, x.created
           from generate_series(1, $5) g
           cross join (select $3::uuid[] as ids, $7::text[] as types) st
           cross join lateral (select r, r2, r3, r4, now() - (r5 * interval '1095 days') as created,
               case when r < 0.12 then 1 when r < 0.22 then 2 when r < 0.30 then 3 when r < 0.38 then 4 when r < 0.63 then 5 else 6 end as idx
             from (select random() + g * 0 as r, random() as r2, random() as r3, random() as r4, random() as r5) q) x`,
    values: [workspaceId, pipeline.id, ids, owners, count, seedOffset, types, companies],
  };
};

/** Monthly EUR and GBP rates into USD over the last 40 months (a little wobble, so conversions differ by day). */
export async function addMonthlyRates(ctx: Ctx) {
  for (let m = 0; m < 40; m++)
    for (const [currency, base] of [
      ['EUR', 1.08],
      ['GBP', 1.26],
    ] as const) {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - m);
      await setExchangeRate(ctx, { currency, rate: base + Math.sin(m) * 0.03, validFrom: d.toISOString().slice(0, 10) });
    }
}

export async function prepareSalesData(
  url: string,
  opts: { rebuild: boolean; deals: number; log: Log },
): Promise<SalesBenchData & { reused: boolean }> {
  if (!opts.rebuild) {
    const data = await reusable(url, opts.deals);
    if (data) return { ...data, reused: true };
  }
  const started = performance.now();
  await dropSalesBenchDatabase(url);
  await onServer(url, (c) => c.query(`create database ${pg.escapeIdentifier(databaseName(url))}`));
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  let data: SalesBenchData;
  let owners: string[];
  let small: { workspaceId: string; pipeline: Pipeline; owner: string };
  try {
    await migrate(database);
    const { db } = database;
    const admin = await createUser(db, { email: 'bench-admin@bench.example', name: 'Bench Admin', password });
    const ws = await createWorkspace(db, { name: 'Bench sales', ownerUserId: admin.id });
    const ws2 = await createWorkspace(db, { name: 'Bench sales (small)', ownerUserId: admin.id });
    const ctx = (workspaceId: string): Ctx => ({
      db,
      workspaceId,
      actor: { type: 'user', id: admin.id, userId: admin.id, label: 'bench', role: 'admin' },
    });
    owners = [admin.id];
    for (let i = 1; i <= 15; i++) {
      const u = await createUser(db, { email: `rep${i}@bench.example`, name: `Rep ${i}`, password });
      await addMember(ctx(ws.id), u.id, 'sales_rep');
      owners.push(u.id);
    }
    await db.execute(sql`update workspaces set settings = settings || '{"repVisibility": "own"}'::jsonb where id = ${ws.id}`);
    // Three teams of five reps, and a monthly quota per rep over the three years of deals.
    for (let t = 0; t < 3; t++) {
      await createTeam(ctx(ws.id), { name: `Team ${t + 1}`, managerId: admin.id, memberIds: owners.slice(1 + t * 5, 6 + t * 5) });
    }
    await db.execute(sql`insert into quotas (id, workspace_id, subject_type, subject_id, period, period_start, amount, currency)
      select gen_random_uuid(), ${ws.id}, 'user', u, to_char(m, 'YYYY-MM'), m::date, 250000000, 'USD'
      from unnest(${sql.param(owners.slice(1))}::uuid[]) u, generate_series(date_trunc('month', now()) - interval '36 months', date_trunc('month', now()) + interval '12 months', interval '1 month') m`);
    const p1 = await createPipeline(ctx(ws.id), { name: 'New business', rottingDays: 21 });
    const p2 = await createPipeline(ctx(ws.id), { name: 'Renewals' });
    const p3 = await createPipeline(ctx(ws2.id), { name: 'Small' });
    for (const id of [ws.id, ws2.id]) await addMonthlyRates(ctx(id));
    data = {
      version: dataVersion,
      deals: opts.deals,
      workspaceId: ws.id,
      adminUserId: admin.id,
      repUserId: owners[1]!,
      pipelineId: p1.id,
      secondPipelineId: p2.id,
      stages: p1.stages.map((s) => ({ id: s.id, name: s.name, type: s.type, probability: s.probability })),
      generationSeconds: 0,
    };
    small = { workspaceId: ws2.id, pipeline: p3, owner: admin.id };
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('set synchronous_commit = off');
      for (const w of [ws.id, ws2.id])
        await c.query(
          `insert into companies (id, workspace_id, name, created_at, updated_at)
           select gen_random_uuid(), $1, 'Company ' || g, now(), now() from generate_series(1, 20000) g`,
          [w],
        );
      const companiesOf = async (w: string) =>
        (await c.query('select array_agg(id order by id) as ids from companies where workspace_id = $1', [w])).rows[0].ids as string[];
      const bigCompanies = await companiesOf(ws.id);
      const first = Math.round(opts.deals * 0.8);
      for (let done = 0; done < first; done += 20_000) {
        const q = dealsSql(ws.id, p1, owners, bigCompanies, Math.min(20_000, first - done), done);
        await c.query(q.text, q.values);
        opts.log(`  deals: ${Math.min(first, done + 20_000)} / ${opts.deals}`);
      }
      for (let done = 0; done < opts.deals - first; done += 20_000) {
        const q = dealsSql(ws.id, p2, owners, bigCompanies, Math.min(20_000, opts.deals - first - done), first + done);
        await c.query(q.text, q.values);
      }
      const q = dealsSql(small.workspaceId, small.pipeline, [small.owner], await companiesOf(small.workspaceId), 2_000, 0);
      await c.query(q.text, q.values);
      await c.query(`insert into deal_stage_history (id, workspace_id, deal_id, pipeline_id, stage_id, entered_at, actor_type, actor_id)
                     select gen_random_uuid(), workspace_id, id, pipeline_id, stage_id, stage_entered_at, 'user', owner_id::text from deals`);
      await c.query('vacuum analyze');
      data.generationSeconds = Math.round((performance.now() - started) / 1000);
      await c.query('create table bench_sales_meta (key text primary key, value jsonb not null)');
      await c.query(`insert into bench_sales_meta values ('data', $1)`, [JSON.stringify(data)]);
    } finally {
      await c.end();
    }
  } finally {
    await database.close();
  }
  return { ...data, reused: false };
}
