import { CronExpressionParser } from 'cron-parser';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../db/client.ts';
import { rows } from '../db/helpers.ts';
import { AppError } from '../errors.ts';
import type { JobDefinition } from './define-job.ts';
import { enqueue } from './enqueue.ts';

interface Schedule {
  name: string;
  cron: string;
  timezone: string;
  job: JobDefinition;
  payload: unknown;
}

const schedules = new Map<string, Schedule>();

/** The first time after `after` that the cron expression names, in the given time zone. */
export function nextRun(cron: string, timezone: string, after = new Date()): Date {
  try {
    return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
  } catch (err) {
    throw new AppError('validation_failed', `Invalid cron expression "${cron}": ${(err as Error).message}`, { path: ['cron'] });
  }
}

/** Declares a recurring job (cron syntax, minute precision). Saved to the database by `syncSchedules`. */
export function defineSchedule<P extends z.ZodType>(s: {
  name: string;
  cron: string;
  timezone?: string;
  job: JobDefinition<P>;
  payload: z.input<P>;
}) {
  nextRun(s.cron, s.timezone ?? 'UTC');
  const payload = s.job.payload.safeParse(s.payload);
  if (!payload.success)
    throw new AppError('validation_failed', `Schedule ${s.name}: invalid payload for job ${s.job.id}: ${payload.error.message}`, {
      path: ['payload'],
    });
  schedules.set(s.name, { ...s, timezone: s.timezone ?? 'UTC', job: s.job as unknown as JobDefinition });
}

/** Makes the database's schedule rows match the declared schedules (keeps the next run of unchanged ones). */
export async function syncSchedules(exec: Executor) {
  for (const s of schedules.values()) {
    await exec.execute(
      sql`insert into job_schedules (name, cron, timezone, next_run_at) values (${s.name}, ${s.cron}, ${s.timezone}, ${nextRun(s.cron, s.timezone).toISOString()})
          on conflict (name) do update set cron = excluded.cron, timezone = excluded.timezone,
            next_run_at = case when job_schedules.cron = excluded.cron and job_schedules.timezone = excluded.timezone then job_schedules.next_run_at else excluded.next_run_at end`,
    );
  }
}

/**
 * Enqueues every schedule that is due, once across all workers: the row lock (SKIP LOCKED) lets one
 * caller at a time see a due row, and the idempotency key `schedule:<name>:<due time>` makes a second
 * enqueue of the same run a no-op. Missed runs (all workers down) are not caught up: one run, then the
 * next future time.
 */
export async function runDueSchedules(exec: Executor) {
  if (schedules.size === 0) return;
  await exec.transaction(async (tx) => {
    const due = await rows<{ name: string; next_run_at: string | Date }>(
      tx,
      sql`select name, next_run_at from job_schedules where enabled and next_run_at <= now() for update skip locked`,
    );
    for (const row of due) {
      const s = schedules.get(row.name);
      if (!s) continue;
      const at = new Date(row.next_run_at);
      await enqueue(tx, s.job, s.payload as never, { idempotencyKey: `schedule:${s.name}:${at.toISOString()}` });
      // From the later of the due time and now, so a clock behind the database's cannot pick the same time again.
      const after = new Date(Math.max(at.getTime(), Date.now()));
      await tx.execute(
        sql`update job_schedules set last_run_at = now(), next_run_at = ${nextRun(s.cron, s.timezone, after).toISOString()} where name = ${s.name}`,
      );
    }
  });
}
