/**
 * Tracked page views per second, each durably stored before its answer, against a bare Fastify route returning the
 * same pixel, in one run:
 *   npx tsx bench/tracking.ts
 * Tandem: `GET /t/p.gif?k=<site key>&v=<visitor>&u=<page with UTM>` through startServer (the real app: site lookup,
 * bot/DNT/origin/rate checks, group commit writing contact_events and web_sessions, 200 after COMMIT). 300 visitors
 * take turns (each connection cycles through their URLs), so sessions are continued and started as on a real site.
 * Method as bench/http.ts: autocannon in a child process, each server in a process of its own pinned to core 0 and
 * load to core 1 (taskset), interleaved rounds, the ratio is the median of per-round ratios. Target: ≥ 50% of bare.
 *
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; database tandem_bench_tracking is created
 * and dropped), BENCH_CONNECTIONS (50), BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (2), BENCH_ROUNDS (5),
 * BENCH_ONLY (comma list of bare,bare-pg,postgres,pglite), BENCH_PROFILE_DIR (V8 CPU profiles of the servers but the bare one).
 *
 * A second baseline, *bare Fastify + INSERT* (`bare-pg`), is the durable pixel one would write by hand: the same route
 * inserting each hit (visitor, URL, time) into an unindexed table with one INSERT on a pool of 8 connections, answering
 * after its COMMIT. It shows what durability alone costs on this machine, apart from Tandem's own work.
 */
import { fork, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { type RunningServer, startServer } from '../src/apps/server.ts';
import { loadConfig, rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { rows } from '../src/kernel/db/index.ts';
import { createUser, createWorkspace } from '../src/modules/identity/index.ts';
import { createSite } from '../src/modules/tracking/index.ts';
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
/** Where the servers other than the bare route write a V8 CPU profile (`--cpu-prof`) when they stop. */
const profileDir = rawEnv('BENCH_PROFILE_DIR');
const runs = (name: string) => !only || only.includes(name);
const target = 0.5;
const benchDb = 'tandem_bench_tracking';
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

let loadPrefix: string[] = [];
function pinCores() {
  if (os.cpus().length < 2) return [];
  return spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' }).status === 0 ? ['taskset', '-c', '1'] : [];
}

function load(url: string, paths: string[] | undefined, warm: boolean): Promise<LoadResult> {
  const spec: LoadSpec = {
    url,
    connections,
    durationSeconds,
    warmupSeconds: warm ? warmupSeconds : 0.5,
    headers: { 'user-agent': ua },
    paths,
  };
  const [cmd, ...args] = [
    ...loadPrefix,
    process.execPath,
    '--import',
    'tsx',
    path.join(repoRoot, 'bench/lib/load-child.ts'),
    JSON.stringify(spec),
  ];
  const child = spawn(cmd!, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load exited ${code}`)),
    );
  });
}

/**
 * CPU time (µs) of every process named postgres on this machine (backends, WAL writer, checkpointer…), from /proc; 0
 * where there is no /proc. Differences over a round give PostgreSQL's CPU per stored hit when it runs here.
 */
function postgresCpu(): number {
  let ticks = 0;
  let dirs: string[] = [];
  try {
    dirs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of dirs)
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // the process ended while we read
    }
  return (ticks * 1_000_000) / 100; // USER_HZ is 100 on Linux
}

async function bareServer() {
  const app = Fastify({ logger: false });
  app.get('/p.gif', async (_req, reply) => reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(pixel));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/p.gif`, stop: () => app.close() };
}

/** The hand-written durable pixel: one INSERT per hit into an unindexed table, answered after COMMIT. */
async function barePgServer(dbUrl: string) {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 8 });
  await pool.query('create table if not exists bench_hits (visitor text not null, url text not null, at timestamptz not null)');
  const app = Fastify({ logger: false });
  app.get<{ Querystring: { v?: string; u?: string } }>('/p.gif', async (req, reply) => {
    await pool.query('insert into bench_hits (visitor, url, at) values ($1, $2, now())', [req.query.v ?? '', req.query.u ?? '']);
    return reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(pixel);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const visitors = Array.from(
    { length: 300 },
    () => `/p.gif?v=${crypto.randomUUID()}&u=${encodeURIComponent('https://www.bench.example/pricing')}`,
  );
  return {
    url: `http://127.0.0.1:${port}/p.gif`,
    paths: visitors,
    stored: async () => Number((await pool.query('select count(*) as n from bench_hits')).rows[0].n),
    stop: async () => {
      await app.close();
      await pool.end();
    },
  };
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

async function tandem(env: Record<string, string>) {
  const config = loadConfig({
    TANDEM_PORT: '0',
    TANDEM_HOST: '127.0.0.1',
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_WORKER_CONCURRENCY: '0',
    TANDEM_TRACKING_IP_LIMIT: '10000000',
    TANDEM_TRACKING_SITE_LIMIT: '10000000',
    ...env,
  });
  const server: RunningServer = await startServer(config, { quiet: true, print: () => {} });
  const { db } = server.platform.database;
  const user = await createUser(db, { email: 'bench@example.com', name: 'Bench', password: 'correct horse battery staple' });
  const ws = await createWorkspace(db, { name: 'Bench', ownerUserId: user.id });
  const ctx: Ctx = { db, workspaceId: ws.id, actor: { type: 'user', id: user.id, userId: user.id, label: user.email, role: 'admin' } };
  const site = await createSite(ctx, { name: 'Bench site', allowedOrigins: ['www.bench.example'] });
  const { port } = server.app.server.address() as { port: number };
  const page = encodeURIComponent(
    'https://www.bench.example/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=spring-webinar-2026',
  );
  const paths = Array.from({ length: 300 }, () => `/t/p.gif?k=${site.siteKey}&v=${crypto.randomUUID()}&u=${page}`);
  const check = await fetch(`http://127.0.0.1:${port}${paths[0]}`, { headers: { 'user-agent': ua } });
  if (check.status !== 200) throw new Error(`pixel answered ${check.status}`);
  const stored = async () =>
    (await rows<{ n: number }>(db, sql`select count(*)::int as n from contact_events where workspace_id = ${ws.id}`))[0]!.n;
  return { url: `http://127.0.0.1:${port}/t/p.gif`, paths, stored, stop: () => server.stop() };
}

type Role = 'bare' | 'bare-pg' | 'postgres' | 'pglite';
type ToServer = 'cpu' | 'stored' | 'stop';
type FromServer = { ready: { url: string; paths?: string[] } } | { cpu: number } | { stored: number | null } | { stopped: true };

/**
 * One server in its own process (`--serve <role>`), pinned to core 0: the bare route and each Tandem never share a
 * heap, an event loop or a garbage collector, so an idle one cannot slow the one under load. It answers the parent's
 * questions (its CPU time, the events stored) over the IPC channel.
 */
async function serve(role: Role) {
  if (os.cpus().length >= 2) spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
  let running: { url: string; paths?: string[]; stored?: () => Promise<number>; stop: () => Promise<unknown> };
  let dataDir: string | undefined;
  const benchUrl = new URL(pgUrl);
  benchUrl.pathname = `/${benchDb}`;
  if (role === 'bare') running = await bareServer();
  else if (role === 'bare-pg') running = await barePgServer(benchUrl.toString());
  else if (role === 'postgres') running = await tandem({ DATABASE_URL: benchUrl.toString() });
  else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-tracking-'));
    running = await tandem({ TANDEM_DATA_DIR: dataDir });
  }
  const send = (m: FromServer) => process.send!(m);
  process.on('message', async (m: ToServer) => {
    if (m === 'cpu') {
      const u = process.cpuUsage();
      send({ cpu: u.user + u.system });
    } else if (m === 'stored') send({ stored: running.stored ? await running.stored() : null });
    else {
      await running.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      send({ stopped: true });
      process.disconnect();
    }
  });
  send({ ready: { url: running.url, paths: running.paths } });
}

/** Starts a server process and returns a way to ask it things. */
function startServerProcess(role: Role) {
  const child = fork(path.join(repoRoot, 'bench/tracking.ts'), ['--serve', role], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx', ...(profileDir && role !== 'bare' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters: { resolve: (m: FromServer) => void; reject: (err: Error) => void }[] = [];
  child.on('message', (m: FromServer) => waiters.shift()?.resolve(m));
  child.once('exit', (code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`${role} server exited ${code}`));
  });
  const next = () => new Promise<FromServer>((resolve, reject) => waiters.push({ resolve, reject }));
  const ask = async (q: ToServer) => {
    const reply = next();
    child.send(q);
    return reply;
  };
  return next().then((m) => {
    if (!('ready' in m)) throw new Error(`${role} server: unexpected ${JSON.stringify(m)}`);
    return {
      ...m.ready,
      cpu: async () => ((await ask('cpu')) as { cpu: number }).cpu,
      stored: async () => ((await ask('stored')) as { stored: number | null }).stored ?? undefined,
      stop: () => ask('stop'),
    };
  });
}

async function main() {
  if (process.argv[2] === '--serve') return serve(process.argv[3] as Role);
  const machine = describeMachine();
  const loadBefore = os.loadavg()[0] ?? 0;
  loadPrefix = pinCores();
  console.log(`bench/tracking: ${connections} connections, ${rounds} rounds of ${durationSeconds} s\n${machineLine(machine)}`);
  const stops: (() => Promise<unknown>)[] = [];
  type Target = Awaited<ReturnType<typeof startServerProcess>> & { name: string; role: Role };
  const targets: Target[] = [];
  const add = async (name: string, role: Role) => {
    const t = await startServerProcess(role);
    stops.push(t.stop);
    targets.push({ name, role, ...t });
  };
  try {
    await add('bare Fastify (GET /p.gif)', 'bare');
    if (runs('postgres') || runs('bare-pg')) {
      await adminQuery(`drop database if exists ${benchDb} with (force)`);
      await adminQuery(`create database ${benchDb}`);
      stops.push(() => adminQuery(`drop database if exists ${benchDb} with (force)`));
    }
    if (runs('bare-pg')) await add('bare Fastify + INSERT, PostgreSQL', 'bare-pg');
    if (runs('postgres')) await add('Tandem pixel, stored, PostgreSQL', 'postgres');
    if (runs('pglite')) await add('Tandem pixel, stored, PGlite', 'pglite');
    const measured: LoadResult[][] = targets.map(() => []);
    // Each server process's CPU per answered hit (only the one under load works). It moves less with the machine's
    // load than hits/s do; PostgreSQL's own CPU is not in it, PGlite's is.
    const cpuPerHit: number[][] = targets.map(() => []);
    const pgCpuPerHit: number[][] = targets.map(() => []);
    for (let round = 0; round < rounds; round++)
      for (const [i, t] of targets.entries()) {
        const cpu = await t.cpu();
        const pgCpu = postgresCpu();
        const m = await load(t.url, t.paths, round === 0);
        const used = (await t.cpu()) - cpu;
        pgCpuPerHit[i]!.push((postgresCpu() - pgCpu) / Math.max(1, m.requests + m.warmupRequests));
        measured[i]!.push(m);
        cpuPerHit[i]!.push(used / Math.max(1, m.requests + m.warmupRequests));
        console.log(`  round ${round + 1}/${rounds} · ${t.name}: ${m.requestsPerSecond.toLocaleString('en-US')} req/s`);
      }
    const stored = await Promise.all(targets.map((t) => t.stored?.()));
    const served = measured.map((ms) => ms.reduce((n, m) => n + m.requests + m.warmupRequests, 0));
    const result = targets.map((t, i) => {
      const ms = measured[i]!;
      const byRps = [...ms].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
      const mid = byRps[Math.floor(byRps.length / 2)]!;
      return {
        name: t.name,
        role: t.role,
        rps: mid.requestsPerSecond,
        perRound: ms.map((m) => m.requestsPerSecond),
        p50: mid.latencyMs.p50,
        p99: mid.latencyMs.p99,
        ratio: median(ms.map((m, r) => m.requestsPerSecond / measured[0]![r]!.requestsPerSecond)),
        errors: ms.reduce((n, m) => n + m.errors + m.timeouts + m.non2xx, 0),
        cpuUsPerHit: median(cpuPerHit[i]!),
        pgCpuUsPerHit: t.role === 'postgres' || t.role === 'bare-pg' ? median(pgCpuPerHit[i]!) : undefined,
        stored: stored[i],
        served: served[i]!,
      };
    });
    const head = [
      'server',
      'hits/s (median)',
      'per round',
      'p50 ms',
      'p99 ms',
      'vs bare',
      'server CPU µs/hit',
      'PostgreSQL CPU µs/hit',
      'errors/non-2xx',
      'events stored / 200s',
    ];
    const cells = result.map((r) => [
      r.name,
      r.rps.toLocaleString('en-US'),
      r.perRound.map((n) => n.toLocaleString('en-US')).join(' · '),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      `${Math.round(r.ratio * 100)}%`,
      Math.round(r.cpuUsPerHit),
      r.pgCpuUsPerHit === undefined ? '–' : Math.round(r.pgCpuUsPerHit),
      r.errors,
      r.stored === undefined ? '–' : `${r.stored.toLocaleString('en-US')} / ${r.served.toLocaleString('en-US')}`,
    ]);
    console.log(`\n${table(head, cells)}`);
    const byInsert = result.find((r) => r.role === 'bare-pg');
    const verdicts = result
      .filter((r) => r.role === 'postgres' || r.role === 'pglite')
      .map(
        (r) =>
          `${r.name}: ${Math.round(r.ratio * 100)}% of bare (target ≥ ${target * 100}%): ${r.ratio >= target ? 'met' : 'NOT met'}` +
          (byInsert ? `; ${(r.rps / byInsert.rps).toFixed(1)}× the hand-written durable pixel.` : '.'),
      );
    console.log(verdicts.join('\n'));
    if (only) return;
    writeResults('tracking', { machine, loadAverageBefore: loadBefore, connections, durationSeconds, rounds, target, result });
    updateBenchDoc(
      'tracking',
      `## Tracking hits (\`bench/tracking.ts\`)

Tracked page views per second through the pixel \`GET /t/p.gif\` (site lookup, bot/DNT/origin/rate checks, group
commit of \`contact_events\` + \`web_sessions\`, answered after COMMIT) against a bare Fastify route returning the same
GIF, and against the durable pixel one would write by hand (*bare Fastify + INSERT*: the same route inserting each
hit into an unindexed table, one INSERT per hit on a pool of 8 connections, answered after COMMIT). Each server runs in
a process of its own. 300 visitors, ${connections} connections, each connection cycling through the visitors from its
own starting point (so at any moment the connections are different visitors, as browsers are), ${rounds} interleaved
rounds of ${durationSeconds} s${loadPrefix.length ? ', servers on core 0 and load generator on core 1 (PostgreSQL is not pinned)' : ''}.
*Server CPU µs/hit* is the server process's CPU time per answered hit (median round; PostgreSQL's own CPU is not in
it, PGlite's is): it moves less with the other engineers' load than hits/s do. *PostgreSQL CPU µs/hit* is the CPU
time of every \`postgres\` process on the machine over the round (backends, WAL writer, checkpointer) per answered hit. *Events stored / 200s* counts rows in
contact_events after the run against the pixel answers autocannon counted (warm-up included): stored ≥ answered means
every answered hit was durable (hits still in flight when a round's clock stopped are stored but not counted as
answered). Target ≥ ${target * 100}% of bare.

Machine: ${machineLine(machine)} · 1-minute load average ${loadBefore.toFixed(1)} at start (other engineers' test runs
share these 2 cores, so absolute figures move between runs; the ratio less so).

${table(head, cells)}

${verdicts.join('\n')}
`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
