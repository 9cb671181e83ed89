/**
 * HTTP overhead of Tandem's request path against a bare Fastify route, in one run:
 *   npx tsx bench/http.ts
 * Baseline: Fastify with one GET route returning {id, email, name}. Tandem: `GET /api/me` with an API key
 * (request id, security headers, cached authentication, permission check, zod-serialized response; no query per
 * request) via startServer on PostgreSQL, then on PGlite, plus `GET /healthz` to split out the shared pipeline.
 * The load generator (autocannon) runs in a child process so it does not share the server's event loop.
 *
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a fresh database tandem_bench is
 * created and dropped), BENCH_CONNECTIONS (50), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2),
 * BENCH_ONLY (comma list of bare,postgres,pglite: run only those, e.g. under `node --cpu-prof`; docs are not updated).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { type RunningServer, startServer } from '../src/apps/server.ts';
import { loadConfig, rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { createApiKey, createUser, createWorkspace } from '../src/modules/identity/index.ts';
import type { LoadResult, LoadSpec } from './lib/load-child.ts';
import { describeMachine, machineLine, repoRoot, table, updateBenchDoc, writeResults } from './lib/report.ts';

const pgUrl = rawEnv('BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/test';
const connections = Number(rawEnv('BENCH_CONNECTIONS') ?? 50);
const durationSeconds = Number(rawEnv('BENCH_SECONDS') ?? 10);
const warmupSeconds = Number(rawEnv('BENCH_WARMUP_SECONDS') ?? 2);
const only = rawEnv('BENCH_ONLY')
  ?.split(',')
  .map((s) => s.trim());
const runs = (name: string) => !only || only.includes(name);
const target = 0.6;
const benchDb = 'tandem_bench';

/** Runs autocannon in its own process against one URL. */
/** Runs autocannon in its own process against one URL; adds this process's CPU time per request served. */
async function load(url: string, headers: Record<string, string> = {}): Promise<Measured> {
  const cpu = process.cpuUsage();
  const r = await loadChild(url, headers);
  const used = process.cpuUsage(cpu);
  return { ...r, serverCpuUsPerRequest: Math.round((used.user + used.system) / Math.max(1, r.requests + r.warmupRequests)) };
}

function loadChild(url: string, headers: Record<string, string>): Promise<LoadResult> {
  const spec: LoadSpec = { url, connections, durationSeconds, warmupSeconds, headers };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/lib/load-child.ts'), JSON.stringify(spec)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
    });
  });
}

async function bareServer() {
  const app = Fastify({ logger: false });
  const user = { id: '0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b', email: 'ada@example.com', name: 'Ada Lovelace' };
  app.get('/user', async () => user);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/user`, stop: () => app.close() };
}

async function adminQuery(q: string) {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    return (await c.query(q)).rows;
  } finally {
    await c.end();
  }
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Starts Tandem and creates a workspace, its admin and a read API key through the identity use cases. */
async function tandemServer(env: Record<string, string>): Promise<{ url: string; key: string; server: RunningServer }> {
  const config = loadConfig({
    TANDEM_PORT: '0',
    TANDEM_HOST: '127.0.0.1',
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_WORKER_CONCURRENCY: '0',
    ...env,
  });
  const server = await startServer(config, { quiet: true, print: () => {} });
  const { db } = server.platform.database;
  const user = await createUser(db, { email: 'bench-admin@example.com', name: 'Bench Admin', password: 'correct horse battery staple' });
  const ws = await createWorkspace(db, { name: 'Bench', ownerUserId: user.id });
  const ctx: Ctx = { db, workspaceId: ws.id, actor: { type: 'user', id: user.id, userId: user.id, label: user.email, role: 'admin' } };
  const { key } = await createApiKey(ctx, { name: 'bench', scope: 'read' });
  const addr = server.app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/me`;
  const check = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (check.status !== 200) throw new Error(`GET /api/me answered ${check.status}: ${await check.text()}`);
  return { url, key, server };
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

type Measured = LoadResult & { serverCpuUsPerRequest: number };

interface Row {
  name: string;
  result: Measured;
}

async function main() {
  const machine = describeMachine();
  const loadBefore = os.loadavg()[0] ?? 0;
  console.log(`bench/http: ${connections} connections, ${durationSeconds} s after ${warmupSeconds} s warm-up\n${machineLine(machine)}`);
  const rows: Row[] = [];

  if (runs('bare')) {
    const bare = await bareServer();
    console.log('… bare Fastify GET /user');
    rows.push({ name: 'bare Fastify (GET /user)', result: await load(bare.url) });
    await bare.stop();
  }
  if (runs('postgres')) await runPostgres(rows);
  if (runs('pglite')) await runPglite(rows);
  if (only) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  await report(rows, machine, loadBefore);
}

async function runPostgres(rows: Row[]) {
  await adminQuery(`drop database if exists ${benchDb} with (force)`);
  await adminQuery(`create database ${benchDb}`);
  try {
    const t = await tandemServer({ DATABASE_URL: withDatabase(pgUrl, benchDb) });
    console.log('… Tandem GET /api/me on PostgreSQL');
    rows.push({ name: 'Tandem GET /api/me, PostgreSQL', result: await load(t.url, { authorization: `Bearer ${t.key}` }) });
    // The same pipeline (hooks, helmet, request id, metrics) without auth or a query: splits framework cost from the rest.
    console.log('… Tandem GET /healthz (no auth, no query)');
    rows.push({ name: 'Tandem GET /healthz (hooks only)', result: await load(t.url.replace('/api/me', '/healthz')) });
    await t.server.stop();
  } finally {
    await adminQuery(`drop database if exists ${benchDb} with (force)`);
  }
}

async function runPglite(rows: Row[]) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
  try {
    const t = await tandemServer({ TANDEM_DATA_DIR: dataDir });
    console.log('… Tandem GET /api/me on PGlite');
    rows.push({ name: 'Tandem GET /api/me, PGlite', result: await load(t.url, { authorization: `Bearer ${t.key}` }) });
    await t.server.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function report(rows: Row[], machine: ReturnType<typeof describeMachine>, loadBefore: number) {
  const pgVersion = String((await adminQuery('show server_version'))[0]?.server_version ?? '');
  const base = rows[0]!.result.requestsPerSecond;
  const ratio = (r: Measured) => r.requestsPerSecond / base;
  const cells = rows.map(({ name, result: r }) => [
    name,
    r.requestsPerSecond.toLocaleString('en-US'),
    ms(r.latencyMs.p50),
    ms(r.latencyMs.p95),
    ms(r.latencyMs.p99),
    `${Math.round(ratio(r) * 100)}%`,
    r.serverCpuUsPerRequest,
    r.errors + r.timeouts + r.non2xx,
  ]);
  const head = ['server', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'vs bare', 'server CPU µs/req', 'errors/non-2xx'];
  console.log(`\n${table(head, cells)}`);
  const main = rows[1]!.result;
  const ok = ratio(main) >= target;
  const verdict = `Tandem on PostgreSQL: ${Math.round(ratio(main) * 100)}% of bare Fastify (target ≥ ${target * 100}%): ${ok ? 'met' : 'NOT met'}.`;
  console.log(`\n${verdict}`);
  const file = writeResults('http', {
    machine,
    loadAverageBefore: loadBefore,
    postgres: pgVersion,
    connections,
    durationSeconds,
    warmupSeconds,
    target,
    rows,
  });
  const doc = updateBenchDoc(
    'http',
    `## HTTP request overhead (\`bench/http.ts\`)

\`GET /api/me\` with an API key against a bare Fastify route returning a small JSON object. For an API key, \`/api/me\`
runs no query per request: the key's principal is cached for 5 s (one lookup per 5 s), so the row measures Tandem's
request path itself: request id, security headers, authentication from the cache, permission check, metrics and the
zod-validated response. \`GET /healthz\` runs the same hooks with no authentication and a plain response, which splits
the shared pipeline from the route's own cost. ${connections} connections, ${durationSeconds} s after a ${warmupSeconds} s warm-up, autocannon in a
separate process, one server process with no workers. Target: Tandem on PostgreSQL ≥ ${target * 100}% of bare.
*Server CPU µs/req* is the server process's own CPU time per request served (PGlite runs inside it, PostgreSQL does not):
it shifts less than req/s when other work shares the machine.

Machine: ${machineLine(machine)} · PostgreSQL ${pgVersion || 'n/a'} on the same machine · 1-minute load average
${loadBefore.toFixed(1)} when the run started.

${table(head, cells)}

${verdict}
`,
  );
  console.log(`wrote ${path.relative(repoRoot, file)} and ${path.relative(repoRoot, doc)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
