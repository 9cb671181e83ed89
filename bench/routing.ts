/**
 * Lead routing on PostgreSQL, through the API (in-process, the full Fastify pipeline: auth, validation,
 * serialization) beside a baseline in the same run:
 *   npx tsx bench/routing.ts
 * 1. Creating leads: POST /api/contacts with routing off (the baseline) and on (three rules: a company-size
 *    owner rule, a territory round robin, a least-loaded fallback team), one at a time and 8 at a time.
 * 2. Reading: the leads-waiting queue page and the response-times report over BENCH_LEADS assigned leads,
 *    against the same SQL run raw on the same pool.
 * Data goes into a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tandem_bench_routing),
 * dropped at the end. Env: BENCH_LEADS (100000; below that docs/benchmarks.md is not updated), BENCH_CREATES (300),
 * BENCH_REQUESTS (200).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildPlatformApp, registerAllJobs } from '../src/apps/platform.ts';
import { memberships } from '../src/kernel/auth/index.ts';
import { loadConfig, rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { migrate, openDatabase, rows } from '../src/kernel/db/index.ts';
import { createApiKey, createTeam, createUser, createWorkspace } from '../src/modules/identity/index.ts';
import {
  createRoutingRule,
  getRoutingSettings,
  leadsQueueSql,
  responseTimesSql,
  updateRoutingSettings,
  zonedTime,
} from '../src/modules/routing/index.ts';
import { describeMachine, machineLine, table, updateBenchDoc, writeResults } from './lib/report.ts';

const url = rawEnv('BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/tandem_bench_routing';
const leads = Number(rawEnv('BENCH_LEADS') ?? 100_000);
const creates = Number(rawEnv('BENCH_CREATES') ?? 300);
const requests = Number(rawEnv('BENCH_REQUESTS') ?? 200);
const log = (s: string) => console.log(s);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed(n: number, concurrency: number, fn: (i: number) => Promise<void>) {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const s = performance.now();
        await fn(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { p50: pct(lat, 50), p95: pct(lat, 95), perSecond: n / secs, lat, secs };
}

/** Figures of several batches taken together. */
function merged(batches: Awaited<ReturnType<typeof timed>>[]) {
  const lat = batches.flatMap((b) => b.lat);
  const secs = batches.reduce((t, b) => t + b.secs, 0);
  return { p50: pct(lat, 50), p95: pct(lat, 95), perSecond: lat.length / secs };
}

async function admin(sqlText: string) {
  const u = new URL(url);
  const dbName = u.pathname.slice(1);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(sqlText.replace('$db', `"${dbName}"`));
  } finally {
    await c.end();
  }
}

async function main() {
  await admin('drop database if exists $db');
  await admin('create database $db');
  registerAllJobs();
  const config = loadConfig({ DATABASE_URL: url, TANDEM_LOG_LEVEL: 'silent', TANDEM_WORKER_CONCURRENCY: '0' });
  const database = await openDatabase({ databaseUrl: url, poolSize: config.dbPoolSize });
  await migrate(database);
  const { db } = database;
  const app = await buildPlatformApp(
    { config, database, secretKey: 'x'.repeat(40), close: async () => {} },
    { serveWeb: false, logger: false },
  );
  try {
    const adminUser = await createUser(db, { email: 'bench-admin@example.com', name: 'Bench Admin', password: 'a long bench password' });
    const ws = await createWorkspace(db, { name: 'Routing bench', ownerUserId: adminUser.id });
    const ctx: Ctx = {
      db,
      workspaceId: ws.id,
      actor: { type: 'user', id: adminUser.id, userId: adminUser.id, label: 'bench', role: 'admin' },
    };
    const reps: string[] = [];
    for (let i = 0; i < 12; i++) {
      const u = await createUser(db, {
        email: `rep${i}@example.com`,
        name: `Rep ${String(i).padStart(2, '0')}`,
        password: 'a long bench password',
      });
      await db.insert(memberships).values({ workspaceId: ws.id, userId: u.id, role: 'sales_rep' });
      reps.push(u.id);
    }
    const emea = await createTeam(ctx, { name: 'EMEA', memberIds: reps.slice(0, 6) });
    const amer = await createTeam(ctx, { name: 'Americas', memberIds: reps.slice(6) });
    const key = (await createApiKey(ctx, { name: 'bench', scope: 'write' })).key;
    const headers = { authorization: `Bearer ${key}` };
    const companies: string[] = [];
    for (const [i, country] of ['DE', 'FR', 'US', 'CA', 'JP'].entries()) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/companies',
        headers,
        payload: { name: `Co ${i}`, country, employeeCount: 50 + i * 400 },
      });
      companies.push(r.json().id);
    }
    let seq = 0;
    const createLead = async () => {
      const i = seq++;
      const r = await app.inject({
        method: 'POST',
        url: '/api/contacts',
        headers,
        payload: { firstName: `Lead ${i}`, companyId: companies[i % companies.length], lifecycleStage: 'lead' },
      });
      if (r.statusCode !== 201) throw new Error(r.body);
    };
    await createRoutingRule(ctx, {
      name: 'Enterprise',
      conditions: { predicate: 'company', where: { field: 'employee_count', op: 'gte', value: 1000 } } as never,
      strategy: 'owner',
      ownerId: reps[0],
    });
    await createRoutingRule(ctx, {
      name: 'Europe',
      conditions: { predicate: 'company', where: { field: 'country', op: 'in', value: ['DE', 'FR'] } } as never,
      strategy: 'round_robin',
      teamId: emea.id,
    });
    await createRoutingRule(ctx, { name: 'Rest', strategy: 'least_loaded', teamId: amer.id });
    // Off and on alternate in small batches, so load from other processes on a shared machine hits both alike.
    const rounds = 5;
    const batch = Math.ceil(creates / rounds);
    const runs = { off: { one: [], eight: [] }, on: { one: [], eight: [] } } as Record<
      'off' | 'on',
      Record<'one' | 'eight', Awaited<ReturnType<typeof timed>>[]>
    >;
    await timed(20, 1, createLead);
    for (let r = 0; r < rounds; r++)
      for (const mode of ['off', 'on'] as const) {
        await updateRoutingSettings(ctx, { enabled: mode === 'on' });
        runs[mode].one.push(await timed(batch, 1, createLead));
        runs[mode].eight.push(await timed(batch, 8, createLead));
      }
    const figures = (mode: 'off' | 'on') => ({ one: merged(runs[mode].one), eight: merged(runs[mode].eight) });
    const off = figures('off');
    const on = figures('on');
    for (const [label, f] of [
      ['routing off', off],
      ['routing on ', on],
    ] as const)
      log(
        `${label}: 1 at a time p50 ${ms(f.one.p50)} p95 ${ms(f.one.p95)}; 8 at a time p95 ${ms(f.eight.p95)} (${f.eight.perSecond.toFixed(0)}/s)`,
      );

    // Bulk history: leads assigned over 90 days, 80% touched after 0–240 business minutes, the rest waiting.
    log(`generating ${leads.toLocaleString()} assigned leads…`);
    const repArray = sql.raw(`array[${reps.map((r) => `'${r}'::uuid`).join(',')}]`);
    await db.execute(sql`
      insert into contacts (id, workspace_id, display_name, first_name, owner_id, lifecycle_stage, created_at, updated_at)
      select gen_random_uuid(), ${ws.id}, 'Bulk ' || g, 'Bulk', (${repArray})[1 + g % 12], 'lead', now() - (g % 90) * interval '1 day', now()
      from generate_series(1, ${leads}) g`);
    await db.execute(sql`
      insert into lead_assignments (id, workspace_id, contact_id, owner_id, reason, assigned_at, due_at, first_touch_at, response_minutes)
      select gen_random_uuid(), c.workspace_id, c.id, c.owner_id, 'rule', c.created_at, c.created_at + interval '1 hour',
             case when r < 0.8 then c.created_at + (r * 300) * interval '1 minute' end,
             case when r < 0.8 then r * 300 end
      from (select c.*, random() as r from contacts c where c.workspace_id = ${ws.id} and c.first_name = 'Bulk') c`);
    await db.execute(sql`analyze contacts; analyze lead_assignments`);
    const [waiting] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from lead_assignments where workspace_id = ${ws.id} and first_touch_at is null`,
    );

    const reads: { name: string; api: Awaited<ReturnType<typeof timed>>; raw: Awaited<ReturnType<typeof timed>> }[] = [];
    const measure = async (name: string, path: string, raw: ReturnType<typeof sql>[]) => {
      const get = async () => {
        const r = await app.inject({ method: 'GET', url: path, headers });
        if (r.statusCode !== 200) throw new Error(r.body);
      };
      await timed(10, 1, get);
      const api = await timed(requests, 1, get);
      const rawRun = await timed(requests, 1, async () => {
        for (const q of raw) await db.execute(q);
      });
      reads.push({ name, api, raw: rawRun });
      log(`${name}: API p50 ${ms(api.p50)} p95 ${ms(api.p95)} · raw SQL p50 ${ms(rawRun.p50)} p95 ${ms(rawRun.p95)}`);
    };
    // The endpoints' own SQL (as the admin sees it), run raw: the ratio is what the API adds.
    const queue = leadsQueueSql(ctx, { limit: 50 });
    await measure('Leads waiting, first page (50)', '/api/leads/waiting?limit=50', [queue.page, queue.summary!]);
    const settings = await getRoutingSettings(ctx);
    const dayStart = (d: Date) => {
      const [y, m, dd] = d.toISOString().slice(0, 10).split('-').map(Number) as [number, number, number];
      return new Date(zonedTime(y, m, dd, 0, settings.timezone));
    };
    const start = dayStart(new Date(Date.now() - 29 * 86_400_000));
    const end = new Date(dayStart(new Date()).getTime() + 86_400_000);
    await measure('Response times, 30 days, 12 reps', '/api/leads/response-times', [responseTimesSql(ctx, start, end)]);

    const machine = describeMachine();
    const createRows = [
      [
        'Create a lead, 1 at a time: p50 / p95',
        `${ms(off.one.p50)} / ${ms(off.one.p95)}`,
        `${ms(on.one.p50)} / ${ms(on.one.p95)}`,
        (on.one.p95 / off.one.p95).toFixed(2),
      ],
      ['Create a lead, 8 at a time: p95', ms(off.eight.p95), ms(on.eight.p95), (on.eight.p95 / off.eight.p95).toFixed(2)],
      [
        'Leads created per second, 8 at a time',
        off.eight.perSecond.toFixed(0),
        on.eight.perSecond.toFixed(0),
        (on.eight.perSecond / off.eight.perSecond).toFixed(2),
      ],
    ];
    const readRows = reads.map((r) => [
      r.name,
      `${ms(r.api.p50)} / ${ms(r.api.p95)}`,
      `${ms(r.raw.p50)} / ${ms(r.raw.p95)}`,
      (r.api.p95 / r.raw.p95).toFixed(1),
    ]);
    writeResults('routing', { machine, leads, waiting: waiting?.n, creates, requests, off, on, reads });
    // A quick try with small numbers does not overwrite the published figures.
    if (leads >= 100_000)
      updateBenchDoc(
        'routing',
        `## Lead routing (\`bench/routing.ts\`)

${machineLine(machine)} · PostgreSQL, requests in-process through the full API pipeline (\`app.inject\`).

Creating leads with routing off (the owner is the creator) and on (three rules: company size → owner,
territory → round robin in a team of 6, the rest → least loaded in a team of 6). Routing adds the rule
match (one query for all rules), the rule's row lock and cursor update, the assignment row, an audit entry,
an event and a notification to the create transaction. ${creates} creates per mode and concurrency, off and on
alternating in 5 batches each. Concurrent leads that hit the same team rule
take turns on its row lock until their create commits: that serialization (the price of exact fairness) is
what the 8-at-a-time rows show.

${table(['', 'routing off', 'routing on', 'on / off'], createRows)}

Reading over ${leads.toLocaleString()} assigned leads (${(waiting?.n ?? 0).toLocaleString()} waiting), ${requests} sequential requests,
against the endpoints' own SQL run raw on the same pool (for the queue: the page and the summary count):

${table(['', 'API p50 / p95', 'raw SQL p50 / p95', 'p95 ratio'], readRows)}`,
      );
  } finally {
    await app.close();
    await database.close();
    await admin('drop database if exists $db');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
