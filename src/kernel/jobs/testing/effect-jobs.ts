import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../define-job.ts';

/** Tables the multi-process tests read: one row per handler run, deliberately without a unique key. */
export const effectTablesSql = sql`
  create table if not exists test_job_effects (job_id uuid not null, pid int not null, attempt int not null);
  create table if not exists test_job_starts (job_id uuid not null, pid int not null, attempt int not null)`;

/** Records that it ran, once per run, so a second run of the same job would show as a duplicate row. */
export const effectJob = defineJob({
  id: 'test.effect',
  version: 1,
  payload: z.object({ n: z.number().int() }),
  async handler(_payload, job) {
    await sleep(2);
    await job.database.db.execute(
      sql`insert into test_job_effects (job_id, pid, attempt) values (${job.jobId}, ${process.pid}, ${job.attempt})`,
    );
  },
});

/** Writes a 'started' row, then holds its first attempt for `holdMs` (long enough to be killed). */
export const slowJob = defineJob({
  id: 'test.slow',
  version: 1,
  payload: z.object({ holdMs: z.number().int() }),
  async handler({ holdMs }, job) {
    await job.database.db.execute(
      sql`insert into test_job_starts (job_id, pid, attempt) values (${job.jobId}, ${process.pid}, ${job.attempt})`,
    );
    if (job.attempt === 1) await sleep(holdMs);
    return { attempt: job.attempt, pid: process.pid };
  },
});
