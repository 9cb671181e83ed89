/**
 * HTTP overhead of Tandem's request path against a bare Fastify route, in one run:
 *   npx tsx bench/http.ts
 * Baseline: Fastify with one GET route returning {id, email, name}. Tandem: `GET /api/me` with an API key
 * (request id, security headers, cached authentication, permission check, zod-serialized response; no query per
 * request) via startServer on PostgreSQL, then on PGlite, plus `GET /healthz` to split out the shared pipeline.
 * The load generator (autocannon) runs in a child process so it does not share the server's event loop; on a machine
 * with 2+ cores the server is pinned to core 0 and the load generator to core 1 (taskset), so neither steals the
 * other's CPU. The servers are measured in interleaved rounds (bare, Tandem, bare, Tandem…) and the ratio is the
 * median of the per-round ratios, so drift in what else the machine is doing hits both sides alike.
 *
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a fresh database tandem_bench is
 * created and dropped), BENCH_CONNECTIONS (50), BENCH_SECONDS (5 per round), BENCH_WARMUP_SECONDS (2, first round),
 * BENCH_ROUNDS (5),
 * BENCH_ONLY (comma list of bare,postgres,pglite: run only those, e.g. under `node --cpu-prof`; docs are not updated).
 */
import { spawn, spawnSync } from 'node:child_process';
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
const durationSeconds = Number(rawEnv('BENCH_SECONDS') ?? 5);
const rounds = Number(rawEnv('BENCH_ROUNDS') ?? 5);
const warmupSeconds = Number(rawEnv('BENCH_WARMUP_SECONDS') ?? 2);
const only = rawEnv('BENCH_ONLY')
  ?.split(',')
  .map((s) => s.trim());
const runs = (name: string) => !only || only.includes(name);
const target = 0.6;
const benchDb = 'tandem_bench';

/** Pins this process (the servers) to core 0 and returns the prefix that puts the load generator on core 1. */
function pinCores(): string[] {
  if (os.cpus().length < 2) return [];
  const r = spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
  return r.status === 0 ? ['taskset', '-c', '1'] : [];
}
let loadPrefix: string[] = [];

/** Runs autocannon in its own process against one URL; adds this process's CPU time per request served. */
async function load(url: string, headers: Record<string, string> = {}, warm = true): Promise<Measured> {
  const cpu = process.cpuUsage();
  const r = await loadChild(url, headers, warm);
  const used = process.cpuUsage(cpu);
  return { ...r, serverCpuUsPerRequest: Math.round((used.user + used.system) / Math.max(1, r.requests + r.warmupRequests)) };
}

function loadChild(url: string, headers: Record<string, string>, warm: boolean): Promise<LoadResult> {
  const spec: LoadSpec = { url, connections, durationSeconds, warmupSeconds: warm ? warmupSeconds : 0.5, headers };
  const argv = [process.execPath, '--import', 'tsx', path.join(repoRoot, 'bench/lib/load-child.ts'), JSON.stringify(spec)];
  const [cmd, ...args] = [...loadPrefix, ...argv];
  const child = spawn(cmd!, args, {
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
  /** The round whose req/s is the median of this row's rounds. */
  result: Measured;
  rounds: Measured[];
  /** Median over rounds of this row's req/s ÷ the bare server's in the same round. */
  ratio: number;
}

interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main() {
  const machine = describeMachine();
  const loadBefore = os.loadavg()[0] ?? 0;
  loadPrefix = pinCores();
  console.log(
    `bench/http: ${connections} connections, ${rounds} interleaved rounds of ${durationSeconds} s (first after ${warmupSeconds} s warm-up)${
      loadPrefix.length ? ', server on core 0, load on core 1' : ''
    }\n${machineLine(machine)}`,
  );
  const targets: Target[] = [];
  const stops: (() => Promise<unknown>)[] = [];
  const bare = await bareServer();
  stops.push(bare.stop);
  targets.push({ name: 'bare Fastify (GET /user)', url: bare.url });
  try {
    if (runs('postgres')) {
      await adminQuery(`drop database if exists ${benchDb} with (force)`);
      await adminQuery(`create database ${benchDb}`);
      stops.push(() => adminQuery(`drop database if exists ${benchDb} with (force)`));
      const t = await tandemServer({ DATABASE_URL: withDatabase(pgUrl, benchDb) });
      stops.push(() => t.server.stop());
      targets.push({ name: 'Tandem GET /api/me, PostgreSQL', url: t.url, headers: { authorization: `Bearer ${t.key}` } });
      // The same pipeline (hooks, request id, metrics) without auth or a query: splits framework cost from the rest.
      targets.push({ name: 'Tandem GET /healthz (hooks only)', url: t.url.replace('/api/me', '/healthz') });
    }
    if (runs('pglite')) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
      stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      const t = await tandemServer({ TANDEM_DATA_DIR: dataDir });
      stops.push(() => t.server.stop());
      targets.push({ name: 'Tandem GET /api/me, PGlite', url: t.url, headers: { authorization: `Bearer ${t.key}` } });
    }
    const measured: Measured[][] = targets.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, t] of targets.entries()) {
        const m = await load(t.url, t.headers, round === 0);
        measured[i]!.push(m);
        console.log(
          `  round ${round + 1}/${rounds} · ${t.name}: ${m.requestsPerSecond.toLocaleString('en-US')} req/s, ${m.serverCpuUsPerRequest} µs CPU/req`,
        );
      }
    }
    const rows: Row[] = targets.map((t, i) => {
      const ms = measured[i]!;
      const byRps = [...ms].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
      const ratio = median(ms.map((m, r) => m.requestsPerSecond / measured[0]![r]!.requestsPerSecond));
      return { name: t.name, result: byRps[Math.floor(byRps.length / 2)]!, rounds: ms, ratio };
    });
    if (only) console.log(JSON.stringify(rows, null, 2));
    else await report(rows, machine, loadBefore);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

async function report(rows: Row[], machine: ReturnType<typeof describeMachine>, loadBefore: number) {
  const pgVersion = String((await adminQuery('show server_version'))[0]?.server_version ?? '');
  const cells = rows.map(({ name, result: r, rounds: all, ratio }) => [
    name,
    r.requestsPerSecond.toLocaleString('en-US'),
    all.map((m) => m.requestsPerSecond.toLocaleString('en-US')).join(' · '),
    ms(r.latencyMs.p50),
    ms(r.latencyMs.p95),
    ms(r.latencyMs.p99),
    `${Math.round(ratio * 100)}%`,
    Math.round(median(all.map((m) => m.serverCpuUsPerRequest))),
    all.reduce((n, m) => n + m.errors + m.timeouts + m.non2xx, 0),
  ]);
  const head = [
    'server',
    'req/s (median)',
    'req/s per round',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'vs bare (median of rounds)',
    'server CPU µs/req',
    'errors/non-2xx',
  ];
  console.log(`\n${table(head, cells)}`);
  const main = rows[1]!.ratio;
  const ok = main >= target;
  const verdict = `Tandem on PostgreSQL: ${Math.round(main * 100)}% of bare Fastify (target ≥ ${target * 100}%): ${ok ? 'met' : 'NOT met'}.`;
  console.log(`\n${verdict}`);
  const file = writeResults('http', {
    machine,
    loadAverageBefore: loadBefore,
    postgres: pgVersion,
    connections,
    durationSeconds,
    warmupSeconds,
    rounds,
    pinned: loadPrefix.length > 0,
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
the shared pipeline from the route's own cost. ${connections} connections; autocannon in a separate process, one server
process with no workers${loadPrefix.length ? ' (servers pinned to core 0, the load generator to core 1)' : ''}. The servers take turns
in ${rounds} rounds of ${durationSeconds} s (the first after a ${warmupSeconds} s warm-up); *vs bare* is the median of the per-round ratios,
so a burst of other work on the machine hits both sides rather than one. Target: Tandem on PostgreSQL ≥ ${target * 100}% of bare.
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
