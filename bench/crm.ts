/**
 * CRM reads at scale, through the HTTP API and as the same SQL run raw, in one run:
 *   npx tsx bench/crm.ts [--rebuild] [--drop] [--only=list,search,record]
 * Data: 1,000,000 contacts, 100,000 companies and 5,000,000 activities in one workspace plus a small second
 * workspace, generated in SQL into BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/tandem_bench_crm)
 * and kept for the next run (reused while its row counts match; --rebuild forces a new one, --drop removes it).
 * Measured: filtered + sorted contact list pages, global search, the record page with its timeline; each request
 * sequentially and N at a time, against the SQL the endpoint ran (captured per request) on a plain pg connection.
 *
 * Env: BENCH_DATABASE_URL, BENCH_SCALE (1; e.g. 0.01 for a quick try: docs are then not updated),
 * BENCH_REQUESTS (200 per scenario), BENCH_WARMUP (20), BENCH_CONCURRENCY (8).
 */
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { createApiKey } from '../src/modules/identity/index.ts';
import { startBenchServer } from './lib/bench-server.ts';
import { type BenchData, dropBenchDatabase, prepareCrmData } from './lib/crm-data.ts';
import { measureScenario, type ScenarioResult } from './lib/crm-measure.ts';
import { crmSection, resultTable } from './lib/crm-report.ts';
import { buildScenarios } from './lib/crm-scenarios.ts';
import { describeMachine, machineLine, repoRoot, updateBenchDoc, writeResults } from './lib/report.ts';

const url = rawEnv('BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/tandem_bench_crm';
const scale = Number(rawEnv('BENCH_SCALE') ?? 1);
const n = Number(rawEnv('BENCH_REQUESTS') ?? 200);
const warmup = Number(rawEnv('BENCH_WARMUP') ?? 20);
const concurrency = Number(rawEnv('BENCH_CONCURRENCY') ?? 8);
const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const log = (line: string) => console.log(line);

async function serverFacts(data: BenchData) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
              current_setting('work_mem') as work_mem, pg_size_pretty(pg_database_size(current_database())) as size,
              (select count(*) from contacts where workspace_id = $1 and owner_id = $2)::int as rep_contacts`,
      [data.workspaceId, data.repUserId],
    );
    return rows[0] as { version: string; shared_buffers: string; work_mem: string; size: string; rep_contacts: number };
  } finally {
    await c.end();
  }
}

/** Starts Tandem on the bench database and creates read keys for the admin and for a sales rep. */
async function startTandem(data: BenchData) {
  const { server, base: baseUrl } = await startBenchServer(url);
  const { db } = server.platform.database;
  const keyFor = async (userId: string, role: 'admin' | 'sales_rep') => {
    const ctx: Ctx = { db, workspaceId: data.workspaceId, actor: { type: 'user', id: userId, userId, label: 'bench', role } };
    return (await createApiKey(ctx, { name: `bench crm ${new Date().toISOString()}`, scope: 'read' })).key;
  };
  const keys = { admin: await keyFor(data.adminUserId, 'admin'), rep: await keyFor(data.repUserId, 'sales_rep') };
  const probe = await fetch(`${baseUrl}/api/search?q=bench`, { headers: { authorization: `Bearer ${keys.admin}` } });
  await probe.arrayBuffer();
  return { server, keys, baseUrl, searchRoute: probe.status !== 404 };
}

async function main() {
  if (args.includes('--drop')) {
    await dropBenchDatabase(url);
    log(`dropped ${new URL(url).pathname.slice(1)}`);
    return;
  }
  const machine = describeMachine();
  log(`bench/crm: ${machineLine(machine)}`);
  const data = await prepareCrmData(url, { rebuild: args.includes('--rebuild'), scale, log });
  log(data.reused ? 'reusing the bench database (row counts match)' : `generated the bench database in ${data.generationSeconds} s`);
  const { server, keys, baseUrl, searchRoute } = await startTandem(data);
  const results: ScenarioResult[] = [];
  const loadStart = os.loadavg();
  try {
    const scenarios = (await buildScenarios({ baseUrl, databaseUrl: url, data, keys, n })).filter((s) => !only || only.includes(s.group));
    if (!searchRoute) log('GET /api/search answers 404: search is measured as raw SQL only (API pending)');
    for (const s of scenarios) {
      log(`… ${s.name} (${s.requests.length} requests)`);
      results.push(
        await measureScenario(s, { baseUrl, databaseUrl: url, workspaceId: data.workspaceId, warmup, concurrency, searchRoute }, log),
      );
    }
  } finally {
    await server.stop();
  }
  const loadEnd = os.loadavg();
  const facts = await serverFacts(data);
  log(`\n${resultTable(results)}`);
  log(`\n1-minute load average ${loadStart[0]!.toFixed(1)} at the start, ${loadEnd[0]!.toFixed(1)} at the end; database ${facts.size}`);
  const file = writeResults('crm', {
    machine,
    loadAverage: { start: loadStart, end: loadEnd },
    postgres: facts,
    data,
    searchRoute,
    warmup,
    concurrency,
    results,
  });
  if (only || scale !== 1) {
    log(`wrote ${path.relative(repoRoot, file)} (docs not updated: partial run)`);
    return;
  }
  const doc = updateBenchDoc(
    'crm',
    crmSection({ machine, facts, data, results, load: [loadStart[0]!, loadEnd[0]!], n, warmup, concurrency }),
  );
  log(`wrote ${path.relative(repoRoot, file)} and ${path.relative(repoRoot, doc)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
