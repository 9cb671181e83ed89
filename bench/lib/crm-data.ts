/**
 * Builds (or reuses) the bench CRM database: one big workspace (1M contacts, 100k companies, 5M activities
 * at scale 1) and a small second one, so workspace_id really filters. Users, workspaces and custom fields go
 * through the app's use cases; records are generated in SQL (crm-sql.ts) with the secondary indexes dropped
 * and rebuilt afterwards from their own definitions, which is several times faster than maintaining them row by row.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Role } from '../../src/kernel/auth/index.ts';
import type { Ctx } from '../../src/kernel/context.ts';
import { migrate, openDatabase } from '../../src/kernel/db/index.ts';
import { createCustomField } from '../../src/modules/custom-fields/index.ts';
import { addMember, createUser, createWorkspace } from '../../src/modules/identity/index.ts';
import { activitiesSql, companiesSql, contactPartsSql, contactsSql, helperFunctions, lastActivitySql, type Shape } from './crm-sql.ts';
import { segments } from './crm-words.ts';

/** Bump when the generated data changes shape, so an old bench database is rebuilt rather than reused. */
const dataVersion = 1;
export const fullCounts = { contacts: 1_000_000, companies: 100_000, activities: 5_000_000 };
const smallCounts = { contacts: 2_000, companies: 200, activities: 10_000 };
const bigTables = [
  'companies',
  'contacts',
  'contact_emails',
  'contact_phones',
  'contact_companies',
  'lifecycle_history',
  'activities',
  'activity_links',
];
const password = 'correct horse battery staple';

export interface BenchData {
  version: number;
  counts: typeof fullCounts;
  workspaceId: string;
  workspace2Id: string;
  adminUserId: string;
  /** A sales rep (workspace setting repVisibility = own) who owns about 1/20 of the records. */
  repUserId: string;
  memberIds: string[];
  /** The reference instant the data's times end at. */
  end: string;
  generationSeconds: number;
}

type Log = (line: string) => void;

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

export async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Drops the bench database (the --drop flag). */
export async function dropBenchDatabase(url: string) {
  await onServer(url, (c) => c.query(`drop database if exists ${pg.escapeIdentifier(databaseName(url))} with (force)`));
}

/** The meta row of a complete bench database with these counts whose live row counts still match, else undefined. */
async function reusable(url: string, counts: typeof fullCounts, log: Log): Promise<BenchData | undefined> {
  const exists = await onServer(url, (c) => c.query('select 1 from pg_database where datname = $1', [databaseName(url)]));
  if (!exists.rowCount) return undefined;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const meta = await c
      .query(`select value from bench_crm_meta where key = 'data' and (value->>'complete')::boolean`)
      .catch(() => undefined);
    const data = meta?.rows[0]?.value as BenchData | undefined;
    if (!data || data.version !== dataVersion || JSON.stringify(data.counts) !== JSON.stringify(counts)) return undefined;
    const { rows } = await c.query(
      `select (select count(*) from contacts where workspace_id = $1)::int as contacts, (select count(*) from companies where workspace_id = $1)::int as companies,
              (select count(*) from activities where workspace_id = $1)::int as activities`,
      [data.workspaceId],
    );
    const live = rows[0] as typeof fullCounts;
    if (live.contacts !== counts.contacts || live.companies !== counts.companies || live.activities !== counts.activities) {
      log(`bench database row counts differ (${JSON.stringify(live)}): rebuilding`);
      return undefined;
    }
    return data;
  } finally {
    await c.end();
  }
}

/** Reuses the bench database when it holds exactly this data, else builds it from scratch (minutes at full scale). */
export async function prepareCrmData(
  url: string,
  opts: { rebuild: boolean; scale: number; log: Log },
): Promise<BenchData & { reused: boolean }> {
  const counts = {
    contacts: Math.round(fullCounts.contacts * opts.scale),
    companies: Math.round(fullCounts.companies * opts.scale),
    activities: Math.round(fullCounts.activities * opts.scale),
  };
  if (!opts.rebuild) {
    const data = await reusable(url, counts, opts.log);
    if (data) return { ...data, reused: true };
  }
  const started = performance.now();
  await dropBenchDatabase(url);
  await onServer(url, (c) => c.query(`create database ${pg.escapeIdentifier(databaseName(url))}`));
  const people = await createPeople(url);
  const end = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`).toISOString();
  const data: BenchData = { version: dataVersion, counts, ...people, end, generationSeconds: 0 };
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`create table bench_crm_meta (key text primary key, value jsonb not null)`);
    for (const s of [
      "set maintenance_work_mem = '1GB'",
      "set work_mem = '256MB'",
      'set synchronous_commit = off',
      'set max_parallel_maintenance_workers = 1',
    ])
      await c.query(s);
    for (const f of helperFunctions(end)) await c.query(f);
    const rebuildIndexes = await dropIndexes(c);
    const main: Shape = { seed: 'w1', workspaceId: data.workspaceId, ...counts, owners: data.memberIds, end };
    const small: Shape = { seed: 'w2', workspaceId: data.workspace2Id, ...smallCounts, owners: people.workspace2Members, end };
    for (const shape of [main, small]) await generate(c, shape, opts.log);
    await rebuildIndexes(opts.log);
    await timed(opts.log, 'analyze', () => c.query('analyze'));
    data.generationSeconds = Math.round((performance.now() - started) / 1000);
    await c.query(`insert into bench_crm_meta values ('data', $1)`, [JSON.stringify({ ...data, complete: true })]);
  } finally {
    await c.end();
  }
  return { ...data, reused: false };
}

/** The admin, 19 other members (sales reps, managers, marketing), both workspaces and the contact custom fields. */
async function createPeople(url: string) {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await migrate(database);
    const { db } = database;
    const admin = await createUser(db, { email: 'bench-admin@bench.example', name: 'Bench Admin', password });
    const ws = await createWorkspace(db, { name: 'Bench CRM', ownerUserId: admin.id });
    const ws2 = await createWorkspace(db, { name: 'Bench CRM (small)', ownerUserId: admin.id });
    const ctx = (workspaceId: string): Ctx => ({
      db,
      workspaceId,
      actor: { type: 'user', id: admin.id, userId: admin.id, label: 'bench', role: 'admin' },
    });
    const roles: Role[] = [...Array(15).fill('sales_rep'), 'sales_manager', 'sales_manager', 'marketing', 'marketing'];
    const memberIds = [admin.id];
    for (const [i, role] of roles.entries()) {
      const n = String(i + 1).padStart(2, '0');
      const user = await createUser(db, { email: `member${n}@bench.example`, name: `Member ${n}`, password });
      await addMember(ctx(ws.id), user.id, role);
      memberIds.push(user.id);
    }
    for (const id of memberIds.slice(1, 3)) await addMember(ctx(ws2.id), id, 'sales_rep');
    await db.execute(sql`update workspaces set settings = settings || '{"repVisibility": "own"}'::jsonb where id = ${ws.id}`);
    for (const id of [ws.id, ws2.id]) {
      await createCustomField(ctx(id), {
        entityType: 'contact',
        key: 'segment',
        label: 'Segment',
        type: 'select',
        choices: segments.map((value) => ({ value, label: value })),
      });
      await createCustomField(ctx(id), { entityType: 'contact', key: 'nps_score', label: 'NPS score', type: 'number' });
    }
    return {
      workspaceId: ws.id,
      workspace2Id: ws2.id,
      adminUserId: admin.id,
      repUserId: memberIds[1]!,
      memberIds,
      workspace2Members: memberIds.slice(0, 3),
    };
  } finally {
    await database.close();
  }
}

async function timed<T>(log: Log, label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await fn();
  log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return r;
}

/** Inserts `total` rows in batches, printing rows/s after each. */
async function batches(log: Log, label: string, total: number, size: number, run: (lo: number, hi: number) => Promise<unknown>) {
  const t = performance.now();
  for (let lo = 0; lo < total; lo += size) {
    const hi = Math.min(total, lo + size);
    await run(lo, hi);
    const s = (performance.now() - t) / 1000;
    log(
      `  ${label}: ${hi.toLocaleString('en-US')}/${total.toLocaleString('en-US')} · ${Math.round(hi / s).toLocaleString('en-US')} rows/s`,
    );
  }
}

async function generate(c: pg.Client, s: Shape, log: Log) {
  log(
    `generating workspace ${s.seed}: ${s.companies.toLocaleString('en-US')} companies, ${s.contacts.toLocaleString('en-US')} contacts, ${s.activities.toLocaleString('en-US')} activities`,
  );
  const owners = [s.owners];
  await timed(log, 'companies', async () => {
    for (const q of companiesSql(s)) await c.query(q, q.includes('$1') ? owners : []);
  });
  await batches(log, 'activities + links', s.activities, 250_000, (lo, hi) => c.query(activitiesSql(s, lo, hi), owners));
  await timed(log, 'latest activity per contact', async () => {
    for (const q of lastActivitySql(s)) await c.query(q);
  });
  await batches(log, 'contacts', s.contacts, 200_000, (lo, hi) => c.query(contactsSql(s, lo, hi), owners));
  for (const [table, q] of contactPartsSql(s)) await timed(log, table, () => c.query(q));
}

/** Drops the primary keys and indexes of the big tables; returns the function that recreates them as they were. */
async function dropIndexes(c: pg.Client) {
  const { rows: keys } = await c.query<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where contype = 'p' and conrelid::regclass::text = any($1)`,
    [bigTables],
  );
  const { rows: indexes } = await c.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' and tablename = any($1)
        and indexname not in (select conname from pg_constraint)`,
    [bigTables],
  );
  for (const k of keys) await c.query(`alter table ${pg.escapeIdentifier(k.tbl)} drop constraint ${pg.escapeIdentifier(k.name)}`);
  for (const i of indexes) await c.query(`drop index ${pg.escapeIdentifier(i.name)}`);
  return async (log: Log) => {
    log(`rebuilding ${keys.length} primary keys and ${indexes.length} indexes`);
    for (const k of keys)
      await timed(log, k.name, () =>
        c.query(`alter table ${pg.escapeIdentifier(k.tbl)} add constraint ${pg.escapeIdentifier(k.name)} ${k.def}`),
      );
    for (const i of indexes) await timed(log, i.name, () => c.query(i.def));
  };
}
