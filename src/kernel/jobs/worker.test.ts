import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { type Ctx, systemActor } from '../context.ts';
import { type Database, rows } from '../db/index.ts';
import { openTestDatabase } from '../testing/index.ts';
import {
  cancelJob,
  defineJob,
  enqueue,
  PermanentJobError,
  pruneJobs,
  registerJobs,
  requeueExpiredJobs,
  startWorker,
  type Worker,
} from './index.ts';
import { jobRow } from './testing/job-row.ts';

const workspaceId = '0190b8a8-0000-7000-8000-0000000000aa';
const ctx = (db: Database['db']): Ctx => ({ db, workspaceId, actor: systemActor('test') });

/** Lets a test hold a handler until it says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const failing = defineJob({
  id: 'test.worker.failing',
  version: 1,
  maxAttempts: 3,
  backoffSeconds: 100,
  payload: z.object({}),
  async handler(_p, job) {
    throw new Error(`boom on attempt ${job.attempt}`);
  },
});

/** Fails its first attempt and retries a moment later (a deadlock, a dropped connection). */
const flaky = defineJob({
  id: 'test.worker.flaky',
  version: 1,
  backoffSeconds: 0.2,
  payload: z.object({}),
  async handler(_p, job) {
    if (job.attempt === 1) throw new Error('transient');
    return { attempt: job.attempt };
  },
});

const permanent = defineJob({
  id: 'test.worker.permanent',
  version: 1,
  payload: z.object({}),
  async handler() {
    throw new PermanentJobError('the contact was deleted');
  },
});

const reporting = defineJob({
  id: 'test.worker.progress',
  version: 1,
  payload: z.object({ total: z.number() }),
  async handler({ total }, job) {
    await job.progress({ done: total / 2, total });
    await job.progress({ done: total, total });
    return { total };
  },
});

const cancelSeen = new Map<string, boolean>();
const started = new Map<string, ReturnType<typeof gate>>();
const cancellable = defineJob({
  id: 'test.worker.cancellable',
  version: 1,
  payload: z.object({}),
  async handler(_p, job) {
    started.get(job.jobId)?.open();
    for (let i = 0; i < 2000 && !(await job.cancelled()); i++) await new Promise((r) => setTimeout(r, 10));
    cancelSeen.set(job.jobId, await job.cancelled());
    return { stopped: true };
  },
});

// The first attempt blocks until released and then fails; later attempts succeed at once.
const held = new Map<
  string,
  { release: ReturnType<typeof gate>; running: ReturnType<typeof gate>; lost?: boolean; done: ReturnType<typeof gate> }
>();
const leased = defineJob({
  id: 'test.worker.leased',
  version: 1,
  payload: z.object({}),
  async handler(_p, job) {
    const h = held.get(job.jobId)!;
    if (job.attempt > 1) return { attempt: job.attempt };
    h.running.open();
    await h.release.opened;
    h.lost = await job.cancelled();
    h.done.open();
    throw new Error('late failure of the first attempt');
  },
});

let database: Database;
let worker: Worker;
beforeAll(async () => {
  database = await openTestDatabase();
  registerJobs(failing, flaky, permanent, reporting, cancellable, leased);
  worker = startWorker({ database, concurrency: 4, leaseSeconds: 30, pollMs: 20 });
});
afterAll(async () => {
  await worker.stop();
  await database.close();
});

async function runDue() {
  worker.poke();
  await worker.idle();
}

describe('failures', () => {
  it('retries a failing handler with exponential backoff and moves it to dead after maxAttempts, keeping the last error', async () => {
    const id = await enqueue(database.db, failing, {}, { workspaceId });
    await runDue();
    expect(await jobRow(database.db, id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: 'boom on attempt 1',
      wait_seconds: 100,
    });

    await database.db.execute(sql`update jobs set run_at = now() where id = ${id}`); // the backoff has passed
    await runDue();
    expect(await jobRow(database.db, id)).toMatchObject({
      status: 'queued',
      attempts: 2,
      last_error: 'boom on attempt 2',
      wait_seconds: 200,
    });

    await database.db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    await runDue();
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'dead', attempts: 3, last_error: 'boom on attempt 3' });
  });

  it('counts a job that retries within seconds as work still to do, so idle() waits for its retry', async () => {
    const id = await enqueue(database.db, flaky, {}, { workspaceId });
    await runDue();
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { attempt: 2 } });
  });

  it('fails a job at once, without retries, when the handler throws PermanentJobError', async () => {
    const id = await enqueue(database.db, permanent, {}, { workspaceId });
    await runDue();
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'the contact was deleted' });
  });

  it('does not run a job whose stored payload no longer matches the definition', async () => {
    const id = await enqueue(database.db, reporting, { total: 4 }, { workspaceId, delaySeconds: 3600 });
    await database.db.execute(sql`update jobs set payload = '{"total":"four"}'::jsonb, run_at = now() where id = ${id}`);
    await runDue();
    const row = await jobRow(database.db, id);
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('Payload does not match test.worker.progress v1');
  });
});

describe('progress', () => {
  it('stores what the handler reports with progress()', async () => {
    const id = await enqueue(database.db, reporting, { total: 10 }, { workspaceId });
    await runDue();
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'succeeded', progress: { done: 10, total: 10 }, result: { total: 10 } });
  });
});

describe('cancelling', () => {
  it('stops a queued job before it runs', async () => {
    const id = await enqueue(database.db, cancellable, {}, { workspaceId, delaySeconds: 3600 });
    const view = await cancelJob(ctx(database.db), id);
    expect(view.status).toBe('cancelled');
    await database.db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    await runDue();
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(cancelSeen.has(id)).toBe(false);
  });

  it('lets a running handler see cancelled() and keeps the job cancelled when it returns', async () => {
    const id = await enqueue(database.db, cancellable, {}, { workspaceId, delaySeconds: 3600 });
    started.set(id, gate());
    await database.db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    worker.poke();
    await started.get(id)!.opened;
    await cancelJob(ctx(database.db), id);
    await vi.waitFor(() => expect(cancelSeen.get(id)).toBe(true), { timeout: 10_000 });
    await worker.idle();
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'cancelled', attempts: 1, result: null });
  });
});

describe('leases', () => {
  it('claims a job again once its lease expired, and ignores the late outcome of the worker that lost it', async () => {
    const id = await enqueue(database.db, leased, {}, { workspaceId, delaySeconds: 3600 });
    const h: { release: ReturnType<typeof gate>; running: ReturnType<typeof gate>; done: ReturnType<typeof gate>; lost?: boolean } = {
      release: gate(),
      running: gate(),
      done: gate(),
    };
    held.set(id, h);
    await database.db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    worker.poke();
    await h.running.opened;
    const firstClaim = (await jobRow(database.db, id)).locked_by;

    // The first worker stops renewing (as if frozen): its lease runs out and the job is requeued.
    const requeued = await database.db.transaction(async (tx) => {
      await tx.execute(sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`);
      return requeueExpiredJobs(tx);
    });
    expect(requeued).toEqual([{ id, status: 'queued' }]);
    expect((await jobRow(database.db, id)).last_error).toContain('Lease expired');

    await vi.waitFor(async () => expect((await jobRow(database.db, id)).status).toBe('succeeded'), { timeout: 10_000 });
    const after = await jobRow(database.db, id);
    expect(after).toMatchObject({ attempts: 2, result: { attempt: 2 }, last_error: null });
    expect(after.locked_by).not.toBe(firstClaim);

    // Now the first attempt finishes late, with a failure: it must not touch the outcome.
    h.release.open();
    await h.done.opened;
    await worker.idle();
    expect(h.lost).toBe(true);
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { attempt: 2 }, last_error: null });
  });

  it('moves a job to dead when its lease expires on the last attempt', async () => {
    const id = await enqueue(database.db, leased, {}, { workspaceId, delaySeconds: 3600, maxAttempts: 1 });
    await database.db.execute(
      sql`update jobs set status = 'running', attempts = 1, locked_by = 'gone-worker#1', locked_until = now() - interval '1 second' where id = ${id}`,
    );
    await database.db.transaction((tx) => requeueExpiredJobs(tx));
    const row = await jobRow(database.db, id);
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.last_error).toContain('gone-worker#1');
    const [r] = await rows<{ finished: boolean }>(database.db, sql`select finished_at is not null as finished from jobs where id = ${id}`);
    expect(r?.finished).toBe(true);
  });
});

describe('retention', () => {
  it('deletes finished jobs after the retention period and keeps dead letters longer', async () => {
    const age = (id: string, days: number, status: string) =>
      database.db.execute(sql`update jobs set status = ${status}, finished_at = now() - make_interval(days => ${days}) where id = ${id}`);
    const make = () => enqueue(database.db, reporting, { total: 1 }, { workspaceId, delaySeconds: 3600 });
    const [oldDone, newDone, oldCancelled, oldDead, olderDead, queued] = await Promise.all([
      make(),
      make(),
      make(),
      make(),
      make(),
      make(),
    ]);
    await age(oldDone!, 8, 'succeeded');
    await age(newDone!, 1, 'succeeded');
    await age(oldCancelled!, 8, 'cancelled');
    await age(oldDead!, 8, 'dead');
    await age(olderDead!, 31, 'dead');
    expect(await pruneJobs(database.db, { finishedDays: 7, deadDays: 30 })).toBeGreaterThanOrEqual(3);
    const left = await rows<{ id: string }>(
      database.db,
      sql`select id from jobs where id in (${sql.join(
        [oldDone, newDone, oldCancelled, oldDead, olderDead, queued].map((i) => sql`${i}`),
        sql`, `,
      )})`,
    );
    expect(left.map((r) => r.id).sort()).toEqual([newDone, oldDead, queued].sort());
  });
});
