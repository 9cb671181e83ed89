import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Database, rows } from '../db/index.ts';
import { openTestDatabase } from '../testing/index.ts';
import { defineJob, defineSchedule, nextRun, runDueSchedules, syncSchedules } from './index.ts';

const tick = defineJob({ id: 'test.schedules.tick', version: 1, payload: z.object({ report: z.string() }), handler: async () => null });

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  defineSchedule({ name: 'test.hourly-report', cron: '0 * * * *', job: tick, payload: { report: 'pipeline' } });
  await syncSchedules(database.db);
});
afterAll(() => database.close());

const due = (at: string) => database.db.execute(sql`update job_schedules set next_run_at = ${at} where name = 'test.hourly-report'`);
const scheduledJobs = () =>
  rows<{ idempotency_key: string; payload: unknown }>(
    database.db,
    sql`select idempotency_key, payload from jobs where name = 'test.schedules.tick' order by idempotency_key`,
  );
const schedule = async () =>
  (
    await rows<{ cron: string; next_run_at: Date; last_run_at: Date | null }>(
      database.db,
      sql`select cron, next_run_at, last_run_at from job_schedules where name = 'test.hourly-report'`,
    )
  )[0]!;

describe('cron schedules', () => {
  it('saves a declared schedule with its next run in the future', async () => {
    const s = await schedule();
    expect(s.cron).toBe('0 * * * *');
    expect(new Date(s.next_run_at).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(s.next_run_at).getUTCMinutes()).toBe(0);
  });

  it('enqueues a due run exactly once even when two callers run due schedules at the same time', async () => {
    await due('2020-01-01T10:00:00Z');
    await Promise.all([runDueSchedules(database.db), runDueSchedules(database.db)]);
    await runDueSchedules(database.db);
    expect(await scheduledJobs()).toEqual([
      { idempotency_key: 'schedule:test.hourly-report:2020-01-01T10:00:00.000Z', payload: { report: 'pipeline' } },
    ]);
    const s = await schedule();
    expect(new Date(s.next_run_at).getTime()).toBeGreaterThan(Date.now());
    expect(s.last_run_at).not.toBeNull();
  });

  it('does not enqueue the same due time twice even if a caller acted on a stale read', async () => {
    await due('2020-01-01T10:00:00Z');
    await runDueSchedules(database.db);
    expect(await scheduledJobs()).toHaveLength(1);
  });

  it('enqueues the next due time as a new run', async () => {
    await due('2020-01-01T11:00:00Z');
    await runDueSchedules(database.db);
    expect((await scheduledJobs()).map((j) => j.idempotency_key)).toEqual([
      'schedule:test.hourly-report:2020-01-01T10:00:00.000Z',
      'schedule:test.hourly-report:2020-01-01T11:00:00.000Z',
    ]);
  });

  it('keeps the next run of an unchanged schedule on sync and recomputes it when the cron changes', async () => {
    await due('2999-01-01T10:00:00Z');
    await syncSchedules(database.db);
    expect(new Date((await schedule()).next_run_at).toISOString()).toBe('2999-01-01T10:00:00.000Z');
    defineSchedule({ name: 'test.hourly-report', cron: '30 * * * *', job: tick, payload: { report: 'pipeline' } });
    await syncSchedules(database.db);
    const s = await schedule();
    expect(s.cron).toBe('30 * * * *');
    expect(new Date(s.next_run_at).getUTCMinutes()).toBe(30);
    expect(new Date(s.next_run_at).getUTCFullYear()).toBeLessThan(2999);
  });

  it('rejects an invalid cron expression or payload when the schedule is declared', () => {
    expect(() => defineSchedule({ name: 'test.bad', cron: 'every day', job: tick, payload: { report: 'x' } })).toThrow(
      /Invalid cron expression/,
    );
    expect(() => defineSchedule({ name: 'test.bad', cron: '* * * * *', job: tick, payload: { report: 1 } as never })).toThrow(
      /invalid payload/,
    );
  });

  it('computes the next run in the schedule time zone', () => {
    const next = nextRun('0 9 * * *', 'Europe/Berlin', new Date('2024-01-15T12:00:00Z'));
    expect(next.toISOString()).toBe('2024-01-16T08:00:00.000Z');
  });
});
