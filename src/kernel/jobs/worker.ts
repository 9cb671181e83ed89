import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { rows } from '../db/helpers.ts';
import { type JobDefinition, PermanentJobError } from './define-job.ts';
import { jobsChannel } from './enqueue.ts';
import {
  type ClaimedJob,
  claimJobs,
  completeJob,
  extendLeases,
  failJob,
  pruneJobs,
  type Retention,
  requeueExpiredJobs,
  retryDelaySeconds,
  saveProgress,
  stillHeld,
} from './job-state.ts';
import { jobDefinition, registeredJobNames } from './registry.ts';
import { runDueSchedules } from './schedules.ts';

export interface WorkerOptions {
  database: Database;
  concurrency: number;
  /** How long a claim holds a job without renewal; the worker renews every third of it while the job runs. */
  leaseSeconds: number;
  logger?: Logger;
  /** Longest wait between claims when no NOTIFY arrives (default 1000). */
  pollMs?: number;
  workerId?: string;
  /** Backoff base override for every job (tests use a small one). */
  backoffSeconds?: number;
  /** How often expired leases are requeued and due schedules enqueued (default min(5 s, lease / 2)). */
  maintenanceMs?: number;
  retention?: Partial<Retention>;
}

export interface Worker {
  id: string;
  /** Wakes the claim loop now (after an enqueue in this process). */
  poke(): void;
  /** Stops claiming, waits for running jobs to finish, then stops. */
  stop(): Promise<void>;
  /** Resolves once no job is running, none is ready and none is about to retry a failure (tests). */
  idle(): Promise<void>;
}

const pruneEveryMs = 3600_000;

/**
 * Claims ready jobs with FOR UPDATE SKIP LOCKED and holds each by a lease it renews while the handler
 * runs. Failures are retried with exponential backoff, then dead-lettered. A job whose worker died is
 * requeued once its lease runs out. See docs/jobs.md.
 */
export function startWorker(opts: WorkerOptions): Worker {
  const id = opts.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const { database, concurrency, leaseSeconds, logger } = opts;
  const db = database.db;
  const pollMs = opts.pollMs ?? 1000;
  const maintenanceMs = opts.maintenanceMs ?? Math.min(5000, (leaseSeconds * 1000) / 2);
  const retention: Retention = { finishedDays: 7, deadDays: 30, ...opts.retention };
  const running = new Map<ClaimedJob, { lost: boolean; done: Promise<void> }>();
  let claims = 0;
  let stopped = false;
  let nextMaintenance = 0;
  let nextPrune = 0;

  // A wake-up that arrives while the loop is busy is remembered, so the next sleep returns at once.
  let woken = false;
  let interrupt: (() => void) | undefined;
  const wake = () => {
    woken = true;
    interrupt?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        interrupt = undefined;
        resolve();
      }
      interrupt = done;
    });

  const heartbeat = setInterval(
    () => {
      const jobs = [...running.keys()];
      extendLeases(db, jobs, leaseSeconds).then(
        (kept) => {
          for (const job of jobs) {
            const state = running.get(job); // gone when the job finished meanwhile
            if (state && !kept.has(job.id)) state.lost = true;
          }
        },
        (err) => logger?.warn({ err }, 'job lease renewal failed'),
      );
    },
    Math.max(200, (leaseSeconds * 1000) / 3),
  );
  heartbeat.unref();

  async function run(job: ClaimedJob, def: JobDefinition) {
    const state = running.get(job)!;
    const started = Date.now();
    let outcome: { ok: true; json: string } | { ok: false; err: unknown };
    try {
      const payload = def.payload.safeParse(job.payload);
      if (!payload.success) throw new PermanentJobError(`Payload does not match ${def.id} v${def.version}: ${payload.error.message}`);
      const result = await def.handler(payload.data, {
        jobId: job.id,
        attempt: job.attempts,
        workspaceId: job.workspace_id,
        database,
        progress: async (value) => {
          if (!(await saveProgress(db, job, value, leaseSeconds))) state.lost = true;
        },
        cancelled: async () => state.lost || !(await stillHeld(db, job)),
      });
      outcome = { ok: true, json: JSON.stringify(result ?? null) };
    } catch (err) {
      outcome = { ok: false, err };
    }
    try {
      if (outcome.ok) {
        if (await completeJob(db, job, outcome.json))
          logger?.debug({ job: job.id, name: job.name, ms: Date.now() - started }, 'job succeeded');
        else logger?.warn({ job: job.id, name: job.name }, 'job finished after it was cancelled or its lease was lost; outcome ignored');
        return;
      }
      const err = outcome.err;
      const message = err instanceof Error ? err.message : String(err);
      const status = err instanceof PermanentJobError ? 'failed' : job.attempts >= job.max_attempts ? 'dead' : 'queued';
      const delaySeconds = retryDelaySeconds(opts.backoffSeconds ?? def.backoffSeconds ?? 10, job.attempts);
      const applied = await failJob(db, job, { error: message || 'Error', status, delaySeconds });
      logger?.warn(
        { job: job.id, name: job.name, attempt: job.attempts, status: applied ? status : 'ignored (no longer held)', err },
        'job failed',
      );
    } catch (err) {
      // The outcome is lost with the lease: the job is requeued when the lease expires and runs again.
      logger?.error({ job: job.id, err }, 'could not record job outcome');
    }
  }

  async function maintain() {
    try {
      const requeued = await requeueExpiredJobs(db);
      if (requeued.length) logger?.warn({ jobs: requeued }, 'requeued jobs whose lease expired');
      await runDueSchedules(db);
      if (Date.now() >= nextPrune) {
        nextPrune = Date.now() + pruneEveryMs;
        await pruneJobs(db, retention);
      }
    } catch (err) {
      if (!stopped) logger?.error({ err }, 'job maintenance failed');
    }
  }

  async function loop() {
    const unlisten = await database.listen(jobsChannel, wake).catch(() => undefined);
    while (!stopped) {
      try {
        if (Date.now() >= nextMaintenance) {
          nextMaintenance = Date.now() + maintenanceMs;
          await maintain();
        }
        woken = false;
        const free = concurrency - running.size;
        const claimed = await claimJobs(db, { names: registeredJobNames(), n: free, token: `${id}#${++claims}`, leaseSeconds });
        for (const job of claimed) {
          const state = { lost: false, done: Promise.resolve() };
          running.set(job, state);
          state.done = run(job, jobDefinition(job.name)).finally(() => {
            running.delete(job);
            wake();
          });
        }
        if (claimed.length < free || running.size >= concurrency) await sleep(Math.min(pollMs, Math.max(0, nextMaintenance - Date.now())));
      } catch (err) {
        if (stopped) break;
        logger?.error({ err }, 'job worker loop error');
        woken = false;
        await sleep(pollMs);
      }
    }
    return unlisten;
  }

  const looping = loop();
  let stopping: Promise<void> | undefined;
  return {
    id,
    poke: wake,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        wake();
        const unlisten = await looping;
        await Promise.allSettled([...running.values()].map((s) => s.done));
        clearInterval(heartbeat);
        await unlisten?.();
      })();
      return stopping;
    },
    async idle() {
      for (;;) {
        const [r] = await rows<{ n: number }>(
          db,
          // A job that failed and retries within seconds is still work to do; one scheduled for later is not.
          sql`select count(*)::int as n from jobs where status = 'running' or (status = 'queued'
                and (run_at <= now() or (last_error is not null and run_at <= now() + interval '10 seconds')))`,
        );
        if (!r?.n && running.size === 0) return;
        wake();
        await new Promise((res) => setTimeout(res, 20));
      }
    },
  };
}
