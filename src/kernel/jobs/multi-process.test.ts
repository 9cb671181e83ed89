import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, rows } from '../db/index.ts';
import { openTestDatabase, testDatabaseUrl } from '../testing/index.ts';
import { enqueue } from './index.ts';
import { effectJob, effectTablesSql, slowJob } from './testing/effect-jobs.ts';
import { jobRow } from './testing/job-row.ts';

const script = path.resolve('src/kernel/jobs/testing/worker-process.ts');
const children = new Set<ChildProcess>();

/** Starts `tandem`-like worker OS process and resolves with it once it is claiming jobs. */
async function spawnWorker(url: string, leaseSeconds: number, concurrency = 8): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, url, String(leaseSeconds), String(concurrency)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
  });
  return child;
}

async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(database.db, query))[0]!.n;

let database: Database & { url?: string };
describe.skipIf(!testDatabaseUrl())(
  'worker processes on PostgreSQL (skipped on PGlite: it is one process, so there is no second worker to run)',
  () => {
    beforeAll(async () => {
      database = await openTestDatabase();
      await database.db.execute(effectTablesSql);
    });
    afterEach(async () => {
      await Promise.all([...children].map((c) => stopWorker(c, 'SIGKILL')));
    });
    afterAll(async () => {
      await database?.close();
    });

    it('runs 1,000 jobs across two worker processes with every effect exactly once', async () => {
      const [a, b] = await Promise.all([spawnWorker(database.url!, 30), spawnWorker(database.url!, 30)]);
      await database.db.transaction(async (tx) => {
        for (let n = 0; n < 1000; n++) await enqueue(tx, effectJob, { n });
      });
      await vi.waitFor(
        async () =>
          expect(await count(sql`select count(*)::int as n from jobs where name = 'test.effect' and status = 'succeeded'`)).toBe(1000),
        {
          timeout: 25_000,
          interval: 200,
        },
      );
      await Promise.all([stopWorker(a!), stopWorker(b!)]);

      expect(
        await count(sql`select count(*)::int as n from jobs where name = 'test.effect' and (status <> 'succeeded' or attempts <> 1)`),
      ).toBe(0);
      expect(await count(sql`select count(*)::int as n from test_job_effects`)).toBe(1000);
      expect(await count(sql`select count(distinct job_id)::int as n from test_job_effects`)).toBe(1000);
      expect(await count(sql`select count(*)::int as n from test_job_effects e join jobs j on j.id = e.job_id`)).toBe(1000);
      const perProcess = await rows<{ pid: number; n: number }>(
        database.db,
        sql`select pid, count(*)::int as n from test_job_effects group by pid`,
      );
      expect(perProcess.map((r) => r.pid).sort()).toEqual([a!.pid, b!.pid].sort());
      for (const r of perProcess) expect(r.n).toBeGreaterThan(0);
    }, 30_000);

    it('retries a job whose worker process was killed with SIGKILL once the lease expires, on another worker', async () => {
      const first = await spawnWorker(database.url!, 2);
      const id = await enqueue(database.db, slowJob, { holdMs: 120_000 });
      await vi.waitFor(async () => expect(await count(sql`select count(*)::int as n from test_job_starts where job_id = ${id}`)).toBe(1), {
        timeout: 10_000,
      });
      expect(await jobRow(database.db, id)).toMatchObject({ status: 'running', attempts: 1 });
      await stopWorker(first, 'SIGKILL');

      const second = await spawnWorker(database.url!, 2);
      await vi.waitFor(async () => expect((await jobRow(database.db, id)).status).toBe('succeeded'), { timeout: 20_000, interval: 200 });
      expect(await jobRow(database.db, id)).toMatchObject({ attempts: 2, result: { attempt: 2, pid: second.pid } });
      const starts = await rows<{ pid: number; attempt: number }>(
        database.db,
        sql`select pid, attempt from test_job_starts where job_id = ${id} order by attempt`,
      );
      expect(starts).toEqual([
        { pid: first.pid, attempt: 1 },
        { pid: second.pid, attempt: 2 },
      ]);
    }, 30_000);
  },
);
