import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { rows } from '../db/helpers.ts';

/**
 * The queue's state transitions, one statement each. Every change to a running job is fenced by
 * `locked_by = <claim token>` and `status = 'running'`: a worker that lost its lease (or whose job was
 * cancelled or retried meanwhile) changes nothing.
 */

export interface ClaimedJob {
  id: string;
  workspace_id: string | null;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  /** The fencing token of this claim (worker id + claim number), stored in `locked_by`. */
  token: string;
}

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Takes up to `n` ready jobs of the given names, skipping rows other workers are claiming right now. */
export async function claimJobs(
  exec: Executor,
  o: { names: string[]; n: number; token: string; leaseSeconds: number },
): Promise<ClaimedJob[]> {
  if (o.n <= 0 || o.names.length === 0) return [];
  return rows<ClaimedJob>(
    exec,
    sql`with next as (
          select id from jobs
          where status = 'queued' and run_at <= now() and name in (${list(o.names)})
          order by priority desc, run_at
          limit ${o.n}
          for update skip locked)
        update jobs j set status = 'running', attempts = j.attempts + 1, locked_by = ${o.token},
          locked_until = now() + make_interval(secs => ${o.leaseSeconds}), started_at = now(), updated_at = now()
        from next where j.id = next.id
        returning j.id, j.workspace_id, j.name, j.payload, j.attempts, j.max_attempts, j.locked_by as token`,
  );
}

const held = (job: { id: string; token: string }) => sql`id = ${job.id} and locked_by = ${job.token} and status = 'running'`;

async function changed(exec: Executor, query: SQL) {
  return (await rows<{ id: string }>(exec, query)).length > 0;
}

/** Records success; false when this claim no longer holds the job. */
export function completeJob(exec: Executor, job: ClaimedJob, resultJson: string): Promise<boolean> {
  return changed(
    exec,
    sql`update jobs set status = 'succeeded', result = ${resultJson}::jsonb, last_error = null, finished_at = now(),
          locked_until = null, updated_at = now()
        where ${held(job)} returning id`,
  );
}

/** Exponential backoff: base, 2·base, 4·base, … capped at 6 hours. */
export const retryDelaySeconds = (baseSeconds: number, attempt: number) => Math.min(baseSeconds * 2 ** Math.max(0, attempt - 1), 6 * 3600);

/** Records a failure: back to `queued` after a delay, or `dead`/`failed` when retrying is over. */
export function failJob(
  exec: Executor,
  job: ClaimedJob,
  o: { error: string; status: 'queued' | 'dead' | 'failed'; delaySeconds: number },
): Promise<boolean> {
  const retry = o.status === 'queued';
  return changed(
    exec,
    sql`update jobs set status = ${o.status}, last_error = ${o.error.slice(0, 4000)}, locked_until = null, updated_at = now(),
          run_at = ${retry ? sql`now() + make_interval(secs => ${o.delaySeconds})` : sql`run_at`},
          locked_by = ${retry ? null : sql`locked_by`}, finished_at = ${retry ? null : sql`now()`}
        where ${held(job)} returning id`,
  );
}

/** Stores progress and renews the lease. */
export function saveProgress(exec: Executor, job: ClaimedJob, value: Record<string, unknown>, leaseSeconds: number): Promise<boolean> {
  return changed(
    exec,
    sql`update jobs set progress = ${JSON.stringify(value)}::jsonb, locked_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
        where ${held(job)} returning id`,
  );
}

/** Renews the leases of the jobs a live worker is running; returns the ids it still holds. */
export async function extendLeases(exec: Executor, held: ClaimedJob[], leaseSeconds: number): Promise<Set<string>> {
  if (held.length === 0) return new Set();
  const mine = sql.join(
    held.map((j) => sql`(id = ${j.id} and locked_by = ${j.token})`),
    sql` or `,
  );
  const kept = await rows<{ id: string }>(
    exec,
    sql`update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds})
        where status = 'running' and (${mine}) returning id`,
  );
  return new Set(kept.map((r) => r.id));
}

/** True while this claim still holds the job (not cancelled, not taken over). */
export async function stillHeld(exec: Executor, job: ClaimedJob): Promise<boolean> {
  const [r] = await rows<{ status: string; locked_by: string | null }>(exec, sql`select status, locked_by from jobs where id = ${job.id}`);
  return r?.status === 'running' && r.locked_by === job.token;
}

/**
 * Jobs whose worker stopped renewing its lease (crash, kill -9, lost network) go back to `queued`,
 * or to `dead` when that was their last attempt. SKIP LOCKED lets several workers run it at once.
 */
export function requeueExpiredJobs(exec: Executor, limit = 500) {
  return rows<{ id: string; status: string }>(
    exec,
    sql`with expired as (
          select id from jobs where status = 'running' and locked_until < now()
          order by locked_until limit ${limit} for update skip locked)
        update jobs j set
          status = case when j.attempts >= j.max_attempts then 'dead' else 'queued' end,
          last_error = 'Lease expired: worker ' || coalesce(j.locked_by, '?') || ' stopped responding during attempt ' || j.attempts,
          finished_at = case when j.attempts >= j.max_attempts then now() end,
          locked_by = null, locked_until = null, run_at = now(), updated_at = now()
        from expired where j.id = expired.id
        returning j.id, j.status`,
  );
}

export interface Retention {
  /** Days to keep succeeded and cancelled jobs (default 7). */
  finishedDays: number;
  /** Days to keep dead and failed jobs, the dead letters (default 30). */
  deadDays: number;
}

/** Deletes old finished jobs in small batches, so the table stays the size of recent work. */
export async function pruneJobs(exec: Executor, r: Retention, batch = 1000): Promise<number> {
  let total = 0;
  for (const [statuses, days] of [
    [['succeeded', 'cancelled'], r.finishedDays],
    [['dead', 'failed'], r.deadDays],
  ] as const) {
    const deleted = await rows<{ id: string }>(
      exec,
      sql`delete from jobs where id in (
            select id from jobs where finished_at is not null and finished_at < now() - make_interval(days => ${days})
              and status in (${list([...statuses])}) limit ${batch})
          returning id`,
    );
    total += deleted.length;
  }
  return total;
}
