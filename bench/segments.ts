/**
 * Segments at scale on PostgreSQL, Tandem beside the equivalent hand-written SQL, in one run:
 *   npx tsx bench/segments.ts [--rebuild] [--drop] [--prepare]   (--prepare: generate the data and stop)
 * Data: 1,000,000 contacts on 10,000 companies and 10,000,000 behaviour events over 90 days in one workspace,
 * generated in SQL into BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/tandem_bench_segments) and
 * kept for the next run. Measured:
 *  1. the live count of a 5-condition segment (lifecycle, consent, company country, tag, ≥2 pricing views in 30 days)
 *     through previewSegment (validation, compile, count + sample) vs the same count written by hand;
 *  2. incremental membership after a contact change: from the change's commit until its segment_members rows are
 *     current (drainDirtyContacts over 4 segments), vs a hand-written single-contact upsert/delete for one segment.
 * Env: BENCH_DATABASE_URL, BENCH_SCALE (1; 0.01 for a quick try, docs are then not updated), BENCH_REQUESTS (100), BENCH_EVENTS.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { migrate, openDatabase, rows } from '../src/kernel/db/index.ts';
import { createUser, createWorkspace } from '../src/modules/identity/index.ts';
import { createSegment, drainDirtyContacts, previewSegment, rebuildSegment } from '../src/modules/segments/index.ts';
import { generateAudience } from './lib/audience-data.ts';
import { databaseName, onServer as onServerWith } from './lib/crm-data.ts';
import { describeMachine, machineLine, table, updateBenchDoc, writeResults } from './lib/report.ts';

const url = rawEnv('BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/tandem_bench_segments';
const scale = Number(rawEnv('BENCH_SCALE') ?? 1);
const n = Number(rawEnv('BENCH_REQUESTS') ?? 100);
const contacts = Math.round(1_000_000 * scale);
// BENCH_EVENTS: measure with fewer events than the full 10M (e.g. when generation could not finish on a busy machine).
const events = Number(rawEnv('BENCH_EVENTS') ?? Math.round(10_000_000 * scale));
const companies = Math.max(100, Math.round(10_000 * scale));
const args = process.argv.slice(2);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

const onServer = (q: string) => onServerWith(url, (c) => c.query(q));

const definition = {
  and: [
    { field: 'lifecycle_stage', op: 'in', value: ['marketing_qualified', 'sales_qualified'] },
    { field: 'email_consent', op: 'eq', value: 'subscribed' },
    { predicate: 'company', where: { field: 'country', op: 'in', value: ['DE', 'AT', 'CH'] } },
    { not: { field: 'tags', op: 'has_any', value: ['competitor'] } },
    {
      predicate: 'has_event',
      kind: 'page_view',
      where: { field: 'url', op: 'contains', value: '/pricing' },
      count: { op: 'gte', value: 2 },
      within: { n: 30, unit: 'day' },
    },
  ],
};
const rawCount = (ws: string) => `
  select count(*)::int as n from contacts c
  where c.workspace_id = '${ws}' and c.deleted_at is null
    and c.lifecycle_stage in ('marketing_qualified', 'sales_qualified') and c.email_consent = 'subscribed'
    and exists (select 1 from companies co where co.workspace_id = c.workspace_id and co.id = c.company_id and co.deleted_at is null and co.country in ('DE','AT','CH'))
    and not (c.tags && array['competitor'])
    and (select count(*) from contact_events e where e.workspace_id = c.workspace_id and e.contact_id = c.id and e.kind = 'page_view'
         and e.occurred_at >= now() - interval '30 days' and e.url ilike '%/pricing%') >= 2`;

async function prepare() {
  if (args.includes('--drop') || args.includes('--rebuild')) await onServer(`drop database if exists "${databaseName(url)}" with (force)`);
  if (args.includes('--drop')) return undefined;
  const exists = (await onServer(`select 1 from pg_database where datname = '${databaseName(url)}'`)).rowCount;
  if (!exists) await onServer(`create database "${databaseName(url)}"`);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await migrate(database);
  const db = database.db;
  await db.execute(sql`create table if not exists bench_segments_meta (key text primary key, value jsonb not null)`);
  const [meta] = await rows<{ value: { ws: string; admin: string; contacts: number; seconds: number } }>(
    db,
    sql`select value from bench_segments_meta where key = 'data'`,
  );
  if (meta && meta.value.contacts === contacts) return { database, ...meta.value, reused: true };
  // A run that stopped while generating left its workspace: the one holding the contacts.
  const [started] = await rows<{ ws: string; admin: string }>(
    db,
    sql`select m.workspace_id as ws, m.user_id as admin from memberships m
        where m.workspace_id = (select workspace_id from contacts group by 1 order by count(*) desc limit 1) limit 1`,
  );
  const admin = started
    ? { id: started.admin }
    : await createUser(db, { email: `bench-${Date.now()}@bench.example`, name: 'Bench', password: 'correct horse battery staple' });
  const ws = started?.ws ?? (await createWorkspace(db, { name: 'Bench segments', ownerUserId: admin.id })).id;
  log(`generating ${contacts} contacts and ${events} events`);
  const seconds = await generateAudience(database, ws, { contacts, events, companies, log });
  const value = { ws, admin: admin.id, contacts, seconds };
  await db.execute(
    sql`insert into bench_segments_meta values ('data', ${JSON.stringify(value)}::jsonb) on conflict (key) do update set value = excluded.value`,
  );
  return { database, ...value, reused: false };
}

async function timed(k: number, fn: () => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  const p = await prepare();
  if (!p) return;
  if (args.includes('--prepare')) return void (await p.database.close());
  const { database, ws, admin } = p;
  const db = database.db;
  const ctx: Ctx = { db, workspaceId: ws, actor: { type: 'user', id: admin, userId: admin, label: 'bench', role: 'admin' } };
  // Without JIT, as the app's connections: compiling this plan costs more than it saves.
  const raw = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off' });
  // Steady state of an append-only log: autovacuum has set the visibility map, so has_event probes are index-only.
  // Right after generation nothing has, and every probe would also read heap pages (quick when already vacuumed).
  await db.execute(sql`vacuum (analyze) contact_events`);

  log('1. count of a 5-condition segment');
  const k = 7;
  await previewSegment(ctx, definition); // warm
  const tandemCount = await timed(k, () => previewSegment(ctx, definition));
  const rawCountMs = await timed(k, () => raw.query(rawCount(ws)));
  const count = (await previewSegment(ctx, definition)).count;
  const rawN = (await raw.query(rawCount(ws))).rows[0].n as number;
  if (count !== rawN) throw new Error(`count mismatch: tandem ${count}, raw ${rawN}`);
  log(`   ${count} members: tandem median ${r1(pct(tandemCount, 50))} ms, raw ${r1(pct(rawCountMs, 50))} ms`);

  log('2. segments for the incremental test (first build)');
  await db.execute(sql`delete from segments where workspace_id = ${ws}`);
  const defs = [
    definition,
    { field: 'lifecycle_stage', op: 'eq', value: 'customer' },
    { predicate: 'company', where: { field: 'country', op: 'eq', value: 'DE' } },
    { field: 'tags', op: 'has_any', value: ['vip'] },
  ];
  const segIds: string[] = [];
  const buildStart = performance.now();
  for (const [i, d] of defs.entries()) {
    const s = await createSegment(ctx, { name: `Bench ${i}`, definition: d });
    await rebuildSegment(db, ws, s.id);
    segIds.push(s.id);
  }
  const buildSeconds = r1((performance.now() - buildStart) / 1000);
  await db.execute(sql`delete from segment_dirty where workspace_id = ${ws}`);
  log(`   ${defs.length} segments built over ${contacts} contacts in ${buildSeconds} s`);

  log('3. incremental membership after a contact change');
  const stages = ['marketing_qualified', 'customer', 'lead', 'sales_qualified'];
  // Always a real change, also on a database an earlier run already changed the same way (a repeated no-op change
  // leaves every membership as it was, and the drain then measures only the evaluation).
  const change = (i: number) =>
    `lifecycle_stage = case when lifecycle_stage = '${stages[i % 4]}' then '${stages[(i + 1) % 4]}' else '${stages[i % 4]}' end`;
  const pick = (i: number) => `bench_contact_id(${1 + ((i * 15485863) % contacts)})`;
  const tandemInc: number[] = [];
  for (let i = 0; i < n; i++) {
    await db.execute(sql.raw(`update contacts set ${change(i)} where id = ${pick(i)}`)); // commits
    const t = performance.now();
    await drainDirtyContacts(db, { workspaceId: ws });
    tandemInc.push(performance.now() - t);
  }
  // Baseline: the same change and a hand-written evaluation of the 5-condition segment for that one contact.
  const rawInc: number[] = [];
  for (let i = 0; i < n; i++) {
    await raw.query(`update contacts set ${change(i + 1)} where id = ${pick(i + n)}`);
    const t = performance.now();
    const c = await raw.connect();
    try {
      await c.query('begin');
      const one = rawCount(ws).replace('c.deleted_at is null', `c.deleted_at is null and c.id = ${pick(i + n)}`);
      const hit = (await c.query(one)).rows[0].n > 0;
      if (hit)
        await c.query(
          `insert into segment_members (workspace_id, segment_id, contact_id) values ('${ws}', '${segIds[0]}', ${pick(i + n)}) on conflict do nothing`,
        );
      else await c.query(`delete from segment_members where segment_id = '${segIds[0]}' and contact_id = ${pick(i + n)}`);
      await c.query('commit');
    } finally {
      c.release();
    }
    rawInc.push(performance.now() - t);
  }
  await drainDirtyContacts(db, { workspaceId: ws });
  log(
    `   tandem p50 ${r1(pct(tandemInc, 50))} / p95 ${r1(pct(tandemInc, 95))} ms; raw p50 ${r1(pct(rawInc, 50))} / p95 ${r1(pct(rawInc, 95))} ms`,
  );

  const machine = describeMachine();
  const load = (await import('node:os')).loadavg().map(r1);
  const result = {
    contacts,
    events,
    count,
    countMs: { tandem: pct(tandemCount, 50), raw: pct(rawCountMs, 50) },
    incrementalMs: {
      tandem: { p50: pct(tandemInc, 50), p95: pct(tandemInc, 95) },
      raw: { p50: pct(rawInc, 50), p95: pct(rawInc, 95) },
    },
    buildSeconds,
    generationSeconds: p.seconds,
    load,
    machine,
  };
  writeResults('segments', result);
  if (scale === 1)
    updateBenchDoc(
      'segments',
      `## Segments (\`bench/segments.ts\`)

${machineLine(machine)} · PostgreSQL · load average ${load.join(' / ')} while running (the 1-, 5- and 15-minute
averages: above ~2 other work shared the 2 cores, and the figures are pessimistic). ${contacts.toLocaleString('en')} contacts, ${events.toLocaleString('en')} behaviour events over 90 days.

${table(
  ['measure', 'Tandem', 'raw SQL', 'ratio', 'target'],
  [
    [
      `count of a 5-condition segment (${count.toLocaleString('en')} members), median of ${k}`,
      `${r1(pct(tandemCount, 50))} ms`,
      `${r1(pct(rawCountMs, 50))} ms`,
      `${r1(pct(tandemCount, 50) / pct(rawCountMs, 50))}×`,
      '< 1 s',
    ],
    [
      `membership current after a contact change, p95 of ${n} (${defs.length} segments vs 1 by hand)`,
      `${r1(pct(tandemInc, 95))} ms`,
      `${r1(pct(rawInc, 95))} ms`,
      `${r1(pct(tandemInc, 95) / pct(rawInc, 95))}×`,
      '< 50 ms',
    ],
    [`same, p50`, `${r1(pct(tandemInc, 50))} ms`, `${r1(pct(rawInc, 50))} ms`, `${r1(pct(tandemInc, 50) / pct(rawInc, 50))}×`, ''],
  ],
)}

First build of the ${defs.length} segments over all contacts (rebuild job, 20,000-contact ranges): ${buildSeconds} s.
The incremental figure is the drain itself (claim the dirty row, evaluate every segment for the contact, write
members, history and events, commit), started right after the change commits; in production the drain runs in the
worker, woken by the outbox event's job (add the queue's wake-up latency, normally well under a second).`,
    );
  await raw.end();
  await database.close();
}

await main();
