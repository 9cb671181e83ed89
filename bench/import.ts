/**
 * Import benchmark: generates an N-row contacts CSV, then on PostgreSQL times `COPY` of the file into a
 * bare table and Tandem's upsert import of the same file through the import job (validation, dedupe,
 * company association by domain, lifecycle history, undo log), in one run; also PGlite on a smaller file.
 * Usage: nice -n 15 npx tsx bench/import.ts [--rows 1000000] [--pglite-rows 50000]
 * (TANDEM_IMPORT_PROFILE=1 prints the seconds per statement kind and JS phase of each import.)
 */

import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPlatform } from '../src/apps/platform.ts';
import { loadConfig } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { rows as dbRows } from '../src/kernel/db/index.ts';
import type { JobContext } from '../src/kernel/jobs/index.ts';
import { createUser, createWorkspace } from '../src/modules/identity/index.ts';
import { autoMap, importEntity, runImportJob, startImport, uploadImportFile } from '../src/modules/imports/index.ts';
import { describeMachine, machineLine, table, updateBenchDoc, writeResults } from './lib/report.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const rows = arg('rows', 1_000_000);
const pgliteRows = arg('pglite-rows', 50_000);
const baseUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'tandem_bench_import';
const stages = ['subscriber', 'lead', 'marketing_qualified', 'customer'];

async function generate(file: string, n: number) {
  const out = createWriteStream(file);
  out.write('Email,First Name,Last Name,Job Title,Lifecycle Stage,Company domain name,Tags\n');
  for (let i = 0; i < n; i++) {
    const line = `person${i}@company${i % 2000}.example,First${i},Last${i % 9973},Engineer ${i % 50},${stages[i % 4]},company${i % 2000}.example,${i % 3 ? 'bench' : 'bench;vip'}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function tandemImport(config: ReturnType<typeof loadConfig>, file: string) {
  const p = await openPlatform(config);
  try {
    const user = await createUser(p.database.db, {
      email: `bench-${Date.now()}@example.com`,
      name: 'Bench',
      password: 'correct horse battery staple',
    });
    const ws = await createWorkspace(p.database.db, { name: `Import bench ${Date.now()}`, ownerUserId: user.id });
    const ctx: Ctx = {
      db: p.database.db,
      workspaceId: ws.id,
      actor: { type: 'user', id: user.id, userId: user.id, label: user.email, role: 'admin' },
    };
    const t0 = performance.now();
    const f = await uploadImportFile(ctx, config.dataDir, path.basename(file), createReadStream(file));
    const mapping = autoMap(f.headers, 'contacts', await importEntity('contacts').fields(ctx));
    const imp = await startImport(ctx, {
      fileId: f.id,
      entity: 'contacts',
      mode: 'upsert',
      key: 'email',
      mapping,
      duplicatesInFile: 'merge',
    });
    const [job] = await dbRows<{ id: string; payload: unknown }>(
      p.database.db,
      sql`select id, payload from jobs where id = (select job_id from imports where id = ${imp.id})`,
    );
    const jc: JobContext = {
      jobId: job!.id,
      attempt: 1,
      workspaceId: ws.id,
      database: p.database,
      progress: async () => {},
      cancelled: async () => false,
    };
    const result = await runImportJob.handler(runImportJob.payload.parse(job!.payload), jc);
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, result };
  } finally {
    await p.close();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-import-bench-'));
try {
  const file = path.join(dir, 'contacts.csv');
  await generate(file, rows);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName}`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = baseUrl.replace(/\/[^/]*$/, `/${dbName}`);
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  await bare.query('create table bare (email text, first_name text, last_name text, title text, stage text, domain text, tags text)');
  await bare.end();
  // COPY FROM STDIN through psql (the server may not see this machine's files), timed end to end.
  const c0 = performance.now();
  execFileSync('psql', [url, '-q', '-c', `\\copy bare from '${file}' with (format csv, header true)`]);
  const copySeconds = (performance.now() - c0) / 1000;
  const pgRun = await tandemImport(loadConfig({ DATABASE_URL: url, TANDEM_DATA_DIR: dir, TANDEM_LOG_LEVEL: 'silent' }), file);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // The floor: writing only contacts rows (with the table's indexes) from the bare table, no validation, no other table.
  const floorRows = Math.min(rows, 100_000);
  const floor = new pg.Client({ connectionString: url });
  await floor.connect();
  const f0 = performance.now();
  await floor.query(`insert into contacts (id, workspace_id, first_name, last_name, display_name, email, title, lifecycle_stage, tags)
    select gen_random_uuid(), '00000000-0000-7000-8000-000000000001', first_name, last_name, first_name || ' ' || last_name, email, title, stage,
      string_to_array(tags, ';') from bare limit ${floorRows}`);
  const floorSeconds = (performance.now() - f0) / 1000;
  await floor.end();
  const floorRate = Math.round(floorRows / floorSeconds);
  const smallFile = path.join(dir, 'contacts-small.csv');
  await generate(smallFile, pgliteRows);
  const liteRun = await tandemImport(loadConfig({ TANDEM_DATA_DIR: path.join(dir, 'lite'), TANDEM_LOG_LEVEL: 'silent' }), smallFile);
  const copyRate = Math.round(rows / copySeconds);
  const tandemRate = Math.round(rows / pgRun.seconds);
  const liteRate = Math.round(pgliteRows / liteRun.seconds);
  const ratio = tandemRate / copyRate;
  const m = describeMachine();
  console.log({
    rows,
    copySeconds,
    copyRate,
    tandemSeconds: pgRun.seconds,
    tandemRate,
    ratio,
    rssMb,
    pgliteRows,
    liteRate,
    result: pgRun.result,
  });
  writeResults('import', {
    machine: m,
    rows,
    copySeconds,
    copyRate,
    tandemSeconds: pgRun.seconds,
    tandemRate,
    ratio,
    rssMb,
    pgliteRows,
    liteRate,
  });
  updateBenchDoc(
    'import',
    `## Import (bench/import.ts)

${machineLine(m)}

A ${rows.toLocaleString('en')}-row contacts CSV (email, names, title, lifecycle stage, company domain — 2,000 companies — and tags),
upsert by email into an empty workspace through the import job, against \`COPY\` of the same file into a bare 7-column table.

${table(
  ['run', 'rows', 'seconds', 'rows/s', 'vs COPY'],
  [
    ['PostgreSQL COPY (bare table)', rows, copySeconds.toFixed(1), copyRate, '100%'],
    [
      'INSERT … SELECT into contacts only (its indexes, nothing else)',
      floorRows,
      floorSeconds.toFixed(1),
      floorRate,
      `${Math.round((floorRate / copyRate) * 100)}%`,
    ],
    ['Tandem upsert import, PostgreSQL', rows, pgRun.seconds.toFixed(1), tandemRate, `${Math.round(ratio * 100)}%`],
    ['Tandem upsert import, PGlite', pgliteRows, liteRun.seconds.toFixed(1), liteRate, '–'],
  ],
)}

Peak RSS of the bench process: ${rssMb} MB (target < 500 MB). Target: Tandem ≥ 50% of COPY's rows/s — ${ratio >= 0.5 ? 'met' : 'not met'}.
The second line is the floor of any import into this schema: only the contacts rows, with the table's ten indexes (two of
them trigram GIN), no validation and none of the other tables (emails, company links, lifecycle history, undo log). Tandem's
import runs at ${Math.round((tandemRate / floorRate) * 100)}% of that floor; the gap to a bare-table COPY is the cost of the indexes. See docs/imports.md.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
