/**
 * The KPI board at scale on PostgreSQL, through the HTTP API and as hand-written SQL, in one run:
 *   npx tsx bench/analytics.ts [--rebuild] [--drop] [--prepare]
 * Data (kept in BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tandem_bench_analytics): a clone of the
 * segments bench's database (1,000,000 contacts, 10,000,000 behaviour events; run `bench/segments.ts --prepare` first)
 * with, in its workspace, ~3,000,000 lifecycle changes, 16 owners, 200,000 deals over three years in USD/EUR/GBP,
 * 20 campaigns with daily spend and 500,000 touchpoints, 1,000,000 email messages, 200,000 lead assignments, sales
 * costs and market sizes.
 * Measured: GET /api/analytics/kpis for the current quarter (the whole board: 21 KPIs for the quarter, the same quarter
 * last year and a six-quarter trend) beside hand-written SQL computing the quarter's inputs once. Target: < 500 ms.
 * Env: BENCH_DATABASE_URL, BENCH_REQUESTS (20).
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { type Db, migrate, openDatabase, rows } from '../src/kernel/db/index.ts';
import { addMember, createApiKey, createUser } from '../src/modules/identity/index.ts';
import { createPipeline } from '../src/modules/sales/index.ts';
import { startBenchServer } from './lib/bench-server.ts';
import { databaseName, onServer as onServerWith, withDatabase } from './lib/crm-data.ts';
import { describeMachine, machineLine, table, updateBenchDoc, writeResults } from './lib/report.ts';
import { addMonthlyRates, dealsSql } from './lib/sales-data.ts';

const url = rawEnv('BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/tandem_bench_analytics';
const segmentsUrl = withDatabase(url, 'tandem_bench_segments');
const n = Number(rawEnv('BENCH_REQUESTS') ?? 20);
const targetMs = 500;
const args = process.argv.slice(2);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const r1 = (x: number) => Math.round(x * 10) / 10;
const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

const onServer = (q: string) => onServerWith(url, (c) => c.query(q));

const stages = `array['subscriber','lead','marketing_qualified','sales_qualified','opportunity','customer']`;

/** Everything the board reads besides deals: lifecycle history, campaigns, email, lead assignments, costs. */
async function addMarketingData(db: Db, ws: string, owners: string[], log: (l: string) => void) {
  const run = async (what: string, q: string) => {
    const t = performance.now();
    await db.execute(sql.raw(q));
    log(`${what} (${Math.round((performance.now() - t) / 1000)} s)`);
  };
  // Each contact climbed the stages up to its current one, a week or so apart, from its creation on.
  await run(
    'lifecycle history',
    `insert into lifecycle_history (id, workspace_id, contact_id, from_stage, to_stage, changed_at, actor_type)
     select gen_random_uuid(), c.workspace_id, c.id, case when k > 0 then (${stages})[k] end, (${stages})[k + 1],
            least(now(), c.created_at + k * interval '9 days' + (abs(hashtext(c.id::text)) % 86400) * interval '1 second'), 'system'
     from contacts c cross join lateral generate_series(0, coalesce(array_position(${stages}, c.lifecycle_stage), 1) - 1) k
     where c.workspace_id = '${ws}'`,
  );
  // Won deals name one contact each (attribution follows deal contacts).
  await run(
    'deal contacts',
    `insert into deal_contacts (workspace_id, deal_id, contact_id, role)
     select d.workspace_id, d.id, bench_contact_id((1 + abs(hashtext(d.id::text)) % 1000000)), 'decision_maker'
     from deals d where d.workspace_id = '${ws}' and d.status = 'won' on conflict do nothing`,
  );
  await run(
    'campaigns and daily spend',
    `insert into campaigns (id, workspace_id, name, slug, channel, status, budget_currency, start_date)
       select md5('camp' || i)::uuid, '${ws}', 'Campaign ' || i, 'campaign-' || i,
              (array['email','paid_search','paid_social','organic_social','content','events','partner','direct_mail'])[1 + i % 8],
              'active', 'USD', (now() - interval '1095 days')::date
       from generate_series(1, 20) i;
     insert into campaign_spend (id, workspace_id, campaign_id, spent_on, amount, currency)
       select gen_random_uuid(), '${ws}', md5('camp' || i)::uuid, d::date, 10000 + (i * 7919 + extract(doy from d)::int * 31) % 90000,
              case when i % 5 = 0 then 'EUR' else 'USD' end
       from generate_series(1, 20) i, generate_series(now() - interval '1095 days', now(), interval '1 day') d`,
  );
  await run(
    'touchpoints',
    `insert into campaign_touchpoints (id, workspace_id, campaign_id, contact_id, kind, occurred_at, event_key)
     select gen_random_uuid(), '${ws}', md5('camp' || (1 + g % 20))::uuid, bench_contact_id((1 + (g::bigint * 7919) % 1000000)),
            (array['page_view','form_submit','email_click'])[1 + g % 3], now() - ((g::bigint * 104729) % 94608000) * interval '1 second',
            'bench:' || g
     from generate_series(1, 500000) g`,
  );
  await run(
    'email messages',
    `insert into email_messages (id, workspace_id, contact_id, to_email, status, sent_at, opened_at, clicked_at)
     select gen_random_uuid(), '${ws}', bench_contact_id((1 + (g::bigint * 15485863) % 1000000)), 'c' || g || '@bench.example', 'sent',
            now() - ((g::bigint * 7919) % 94608000) * interval '1 second',
            case when g % 4 = 0 then now() - ((g::bigint * 7919) % 94608000) * interval '1 second' + interval '1 hour' end,
            case when g % 20 = 0 then now() - ((g::bigint * 7919) % 94608000) * interval '1 second' + interval '2 hours' end
     from generate_series(1, 1000000) g`,
  );
  await run(
    'lead assignments',
    `insert into lead_assignments (id, workspace_id, contact_id, owner_id, reason, assigned_at, due_at, first_touch_at, response_minutes)
     select gen_random_uuid(), '${ws}', bench_contact_id(g), ('{${owners.join(',')}}'::uuid[])[1 + g % ${owners.length}], 'rule',
            t, t + interval '1 hour', t + (g % 300) * interval '1 minute', (g % 300)::float8
     from generate_series(1, 200000) g, lateral (select now() - ((g::bigint * 7919) % 94608000) * interval '1 second' as t) x`,
  );
  await run(
    'sales costs and market sizes',
    `insert into sales_costs (id, workspace_id, month, category, amount, currency)
       select gen_random_uuid(), '${ws}', m::date, c, 2000000 + (extract(month from m)::int * 10000), 'USD'
       from generate_series(date_trunc('month', now()) - interval '36 months', date_trunc('month', now()), interval '1 month') m,
            unnest(array['salaries','tools','commissions']) c;
     insert into market_sizes (id, workspace_id, market, period, amount, currency)
       select gen_random_uuid(), '${ws}', 'Total', y::text, 500000000000, 'USD'
       from generate_series(extract(year from now())::int - 3, extract(year from now())::int) y`,
  );
  // What autovacuum does within minutes of a load this size: statistics, and the visibility map index-only scans need.
  await run('vacuum analyze', 'vacuum analyze');
}

interface Meta {
  workspaceId: string;
  adminUserId: string;
  sales: boolean;
  marketing: boolean;
}

/** Reps, two pipelines, monthly EUR/GBP rates and 200,000 deals over three years (as bench/sales.ts makes them). */
async function addSalesData(db: Db, url: string, ws: string, adminId: string) {
  const ctx: Ctx = { db, workspaceId: ws, actor: { type: 'user', id: adminId, userId: adminId, label: 'bench', role: 'admin' } };
  const owners = [adminId];
  for (let i = 1; i <= 15; i++) {
    const u = await createUser(db, { email: `rep${i}@bench.example`, name: `Rep ${i}`, password: 'correct horse battery staple' });
    await addMember(ctx, u.id, 'sales_rep');
    owners.push(u.id);
  }
  const p1 = await createPipeline(ctx, { name: 'New business', rottingDays: 21 });
  const p2 = await createPipeline(ctx, { name: 'Renewals' });
  await addMonthlyRates(ctx);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const companies = (await c.query('select array_agg(id order by id) as ids from companies where workspace_id = $1', [ws])).rows[0]
      .ids as string[];
    for (let done = 0; done < 200_000; done += 20_000) {
      const q = dealsSql(ws, done < 160_000 ? p1 : p2, owners, companies, 20_000, done);
      await c.query(q.text, q.values);
      log(`deals ${done + 20_000}`);
    }
    await c.query(`insert into deal_stage_history (id, workspace_id, deal_id, pipeline_id, stage_id, entered_at, actor_type, actor_id)
                   select gen_random_uuid(), workspace_id, id, pipeline_id, stage_id, stage_entered_at, 'user', owner_id::text from deals`);
  } finally {
    await c.end();
  }
  return owners;
}

/**
 * The segments bench's database (1,000,000 contacts, 10,000,000 events; built first when missing) cloned, with the
 * sales and marketing records added to its workspace.
 */
async function prepare(): Promise<{ data: Meta; database: Awaited<ReturnType<typeof openDatabase>> } | undefined> {
  const name = databaseName(url);
  if (args.includes('--drop') || args.includes('--rebuild')) await onServer(`drop database if exists "${name}" with (force)`);
  if (args.includes('--drop')) return undefined;
  if (!(await onServer(`select 1 from pg_database where datname = '${name}'`)).rowCount) {
    const source = new pg.Client({ connectionString: segmentsUrl });
    const meta = await source
      .connect()
      .then(() => source.query(`select value from bench_segments_meta where key = 'data'`))
      .then((r) => r.rows[0]?.value as { ws: string; admin: string; contacts: number } | undefined)
      .catch(() => undefined)
      .finally(() => source.end());
    if (meta?.contacts !== 1_000_000)
      throw new Error(
        'Run `npx tsx bench/segments.ts --prepare` first: this bench starts from its 1,000,000 contacts and 10,000,000 events.',
      );
    log(`cloning ${databaseName(segmentsUrl)}`);
    await onServer(`create database "${name}" template "${databaseName(segmentsUrl)}"`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create table if not exists bench_analytics_meta (key text primary key, value jsonb not null)`);
    const value: Meta = { workspaceId: meta.ws, adminUserId: meta.admin, sales: false, marketing: false };
    await c.query(`insert into bench_analytics_meta values ('data', $1)`, [JSON.stringify(value)]);
    await c.end();
  }
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await migrate(database);
  const { db } = database;
  const meta = async () => (await rows<{ value: Meta }>(db, sql`select value from bench_analytics_meta where key = 'data'`))[0]!.value;
  const save = (d: Meta) => db.execute(sql`update bench_analytics_meta set value = ${JSON.stringify(d)}::jsonb where key = 'data'`);
  let data = await meta();
  if (!data.sales) {
    await addSalesData(db, url, data.workspaceId, data.adminUserId);
    data = { ...data, sales: true };
    await save(data);
  }
  if (!data.marketing) {
    const owners = (
      await rows<{ id: string }>(db, sql`select user_id as id from memberships where workspace_id = ${data.workspaceId} order by 1`)
    ).map((r) => r.id);
    await addMarketingData(db, data.workspaceId, owners, log);
    data = { ...data, marketing: true };
    await save(data);
  }
  return { data, database };
}

/** The quarter's core inputs written by hand: won revenue per currency, won/lost, new customers, leads, spend. */
function rawQuarter(ws: string, start: string, end: string) {
  return [
    `select currency, count(*), sum(amount) from deals where workspace_id = '${ws}' and status = 'won' and deleted_at is null
       and closed_at >= '${start}' and closed_at < '${end}' group by 1`,
    `select count(*) filter (where status = 'won'), count(*) filter (where status = 'lost') from deals
       where workspace_id = '${ws}' and deleted_at is null and closed_at >= '${start}' and closed_at < '${end}'`,
    `select count(*) from (select contact_id, min(changed_at) as f from lifecycle_history where workspace_id = '${ws}'
       and to_stage in ('customer','evangelist') and changed_at < '${end}' group by 1) x where f >= '${start}'`,
    `select count(*) from contacts where workspace_id = '${ws}' and deleted_at is null and created_at >= '${start}' and created_at < '${end}'`,
    `select currency, sum(amount) from campaign_spend where workspace_id = '${ws}' and spent_on >= '${start}'::date and spent_on < '${end}'::date group by 1`,
  ];
}

async function main() {
  const prepared = await prepare();
  if (!prepared) return log('dropped the analytics bench database');
  const { data, database } = prepared;
  if (args.includes('--prepare')) return void (await database.close());
  await database.close();
  const machine = describeMachine();
  const { server, base } = await startBenchServer(url);
  const { db } = server.platform.database;
  const ctx: Ctx = {
    db,
    workspaceId: data.workspaceId,
    actor: { type: 'user', id: data.adminUserId, userId: data.adminUserId, label: 'bench', role: 'admin' },
  };
  const key = (await createApiKey(ctx, { name: `bench analytics ${new Date().toISOString()}`, scope: 'read' })).key;
  const board = async () => {
    const res = await fetch(`${base}/api/analytics/kpis`, { headers: { authorization: `Bearer ${key}` } });
    if (res.status !== 200) throw new Error(`board: ${res.status} ${await res.text()}`);
    return (await res.json()) as { period: { label: string; start: string; end: string }; kpis: { id: string; value: number | null }[] };
  };
  const loadStart = os.loadavg()[0]!;
  const first = await board();
  log(`board for ${first.period.label}: ${first.kpis.filter((k) => k.value !== null).length} of ${first.kpis.length} KPIs have a value`);
  // Without JIT, as the app's connections: compiling these plans costs more than it saves.
  const raw = new pg.Client({ connectionString: url, options: '-c jit=off' });
  await raw.connect();
  const statements = rawQuarter(data.workspaceId, first.period.start, first.period.end);
  const time = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 2; i++) await fn();
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await fn();
      out.push(performance.now() - t);
    }
    return { p50: r1(pct(out, 50)), p95: r1(pct(out, 95)), max: r1(Math.max(...out)) };
  };
  const api = await time(board);
  const rawTimes = await time(async () => {
    for (const s of statements) await raw.query(s);
  });
  await raw.end();
  await server.stop();
  const load = `1-minute load average ${loadStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end`;
  log(`API p50 ${api.p50} ms p95 ${api.p95} ms · raw p50 ${rawTimes.p50} ms p95 ${rawTimes.p95} ms · ${load}`);
  const head = ['measure', 'p50 ms', 'p95 ms', 'max ms', `< ${targetMs} ms`];
  const tableRows = [
    [
      'Tandem: GET /api/analytics/kpis (quarter, last year, 6-quarter trend: 8 periods × 21 KPIs)',
      api.p50,
      api.p95,
      api.max,
      api.p95 < targetMs ? 'yes' : 'no',
    ],
    ['raw SQL: the quarter’s core inputs by hand (5 statements, one period)', rawTimes.p50, rawTimes.p95, rawTimes.max, ''],
  ];
  log(`\n${table(head, tableRows)}`);
  writeResults('analytics', { machine, api, raw: rawTimes, n, load, period: first.period.label });
  updateBenchDoc(
    'analytics',
    `## KPI board (\`bench/analytics.ts\`)

${machineLine(machine)} · PostgreSQL · ${load}. One workspace: 1,000,000 contacts with ~3,000,000 lifecycle changes,
200,000 deals over three years in three currencies, 10,000,000 behaviour events, 20 campaigns with daily spend and
500,000 touchpoints, 1,000,000 email messages, 200,000 lead assignments. ${n} sequential requests after 2 warm-ups.

${table(head, tableRows)}

The board answers every KPI for the period, the comparison period and each trend period, so it computes eight
periods' inputs where the hand-written baseline computes one period's core five.`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
