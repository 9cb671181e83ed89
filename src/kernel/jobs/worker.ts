import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { rows } from '../db/helpers.ts';
import { jobsChannel } from './enqueue.ts';
import { jobDefinition } from './registry.ts';
import { runDueSchedules } from './schedules.ts';

export interface ClaimedJob {
  id: string;
  workspace_id: string | null;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export interface WorkerOptions {
  database: Database;
  concurrency: number;
  leaseSeconds: number;
  logger?: Logger;
  pollMs?: number;
  workerId?: string;
  /** Backoff base override (tests use a small one). */
  backoffSeconds?: number;
}

export interface Worker {
  id: string;
  /** Wakes the claim loop now (after an enqueue in this process). */
  poke(): void;
  /** Finishes running jobs, then stops. */
  stop(): Promise<void>;
  /** Resolves once no job is running and none is ready (tests). */
  idle(): Promise<void>;
}

/**
 * Claims ready jobs with FOR UPDATE SKIP LOCKED, holds them by a lease, retries failures with
 * exponential backoff and moves them to `dead` after max attempts. A job whose worker died is
 * claimed again once its lease has run out.
 */
export function startWorker(opts: WorkerOptions): Worker {
  const id = opts.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const { database, concurrency, leaseSeconds, logger } = opts;
  const pollMs = opts.pollMs ?? 1000;
  const running = new Set<Promise<void>>();
  let stopped = false;
  let wake: (() => void) | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let lastScheduleCheck = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  async function claim(n: number): Promise<ClaimedJob[]> {
    return rows<ClaimedJob>(
      database.db,
      sql`update jobs set status = 'running', attempts = attempts + 1, locked_by = ${id},
            locked_until = now() + make_interval(secs => ${leaseSeconds}), started_at = coalesce(started_at, now()), updated_at = now()
          where id in (
            select id from jobs
            where (status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now())
            order by priority desc, run_at
            limit ${n}
            for update skip locked)
          returning id, workspace_id, name, payload, attempts, max_attempts`,
    );
  }

  async function run(job: ClaimedJob) {
    const started = Date.now();
    try {
      const def = jobDefinition(job.name);
      const payload = def.payload.parse(job.payload);
      const result = await def.handler(payload, {
        jobId: job.id,
        attempt: job.attempts,
        workspaceId: job.workspace_id,
        database,
        progress: async (value) => {
          await database.db.execute(
            sql`update jobs set progress = ${JSON.stringify(value)}::jsonb, updated_at = now(),
                  locked_until = now() + make_interval(secs => ${leaseSeconds})
                where id = ${job.id} and locked_by = ${id}`,
          );
        },
        cancelled: async () => {
          const [r] = await rows<{ status: string }>(database.db, sql`select status from jobs where id = ${job.id}`);
          return r?.status === 'cancelled';
        },
      });
      // Only the holder of the lease may finish the job: a worker whose lease ran out must not
      // overwrite the outcome of the worker that took the job over.
      await database.db.execute(
        sql`update jobs set status = 'succeeded', result = ${JSON.stringify(result ?? null)}::jsonb, finished_at = now(),
              locked_until = null, updated_at = now(), last_error = null
            where id = ${job.id} and locked_by = ${id} and status = 'running'`,
      );
      logger?.debug({ job: job.id, name: job.name, ms: Date.now() - started }, 'job succeeded');
    } catch (err) {
      const message = err instanceof Error ? `${err.message}` : String(err);
      const def = safeDefinition(job.name);
      const base = opts.backoffSeconds ?? def?.backoffSeconds ?? 10;
      const delay = Math.min(base * 2 ** (job.attempts - 1), 6 * 3600);
      const dead = job.attempts >= job.max_attempts || !def;
      await database.db.execute(
        sql`update jobs set status = ${dead ? 'dead' : 'queued'}, last_error = ${message.slice(0, 4000)},
              run_at = now() + make_interval(secs => ${delay}), locked_until = null, locked_by = null, updated_at = now(),
              finished_at = ${dead ? sql`now()` : null}
            where id = ${job.id} and locked_by = ${id} and status = 'running'`,
      );
      logger?.warn({ job: job.id, name: job.name, attempt: job.attempts, dead, err: message }, 'job failed');
    }
  }

  async function loop() {
    unlisten = await database.listen(jobsChannel, () => wake?.()).catch(() => undefined);
    while (!stopped) {
      try {
        if (Date.now() - lastScheduleCheck > 5000) {
          lastScheduleCheck = Date.now();
          await runDueSchedules(database.db);
        }
        const free = concurrency - running.size;
        const claimed = free > 0 ? await claim(free) : [];
        for (const job of claimed) {
          const p = run(job).finally(() => {
            running.delete(p);
            wake?.();
          });
          running.add(p);
        }
        if (claimed.length === 0 || running.size >= concurrency) await sleep(pollMs);
      } catch (err) {
        if (stopped) break;
        logger?.error({ err }, 'job worker loop error');
        await sleep(pollMs);
      }
    }
  }

  const looping = loop();
  return {
    id,
    poke: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await looping;
      await Promise.allSettled([...running]);
      await unlisten?.();
    },
    async idle() {
      for (;;) {
        const [r] = await rows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from jobs where (status = 'queued' and run_at <= now()) or status = 'running'`,
        );
        if (!r?.n && running.size === 0) return;
        wake?.();
        await new Promise((res) => setTimeout(res, 20));
      }
    },
  };
}

function safeDefinition(name: string) {
  try {
    return jobDefinition(name);
  } catch {
    return undefined;
  }
}
