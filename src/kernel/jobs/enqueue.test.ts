import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../db/index.ts';
import { rows } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { openTestDatabase } from '../testing/index.ts';
import { defineJob, enqueue, registerJobs, startWorker, type Worker } from './index.ts';
import { jobRow } from './testing/job-row.ts';

const ran: string[] = [];
const noteJob = defineJob({
  id: 'test.enqueue.note',
  version: 1,
  payload: z.object({ contactId: z.uuid(), label: z.string().default('x') }),
  async handler({ label }) {
    ran.push(label);
    return { label };
  },
});

let database: Database;
let worker: Worker;
beforeAll(async () => {
  database = await openTestDatabase();
  registerJobs(noteJob);
  worker = startWorker({ database, concurrency: 1, leaseSeconds: 30, pollMs: 20 });
});
afterAll(async () => {
  await worker.stop();
  await database.close();
});

const contactId = '0190b8a8-0000-7000-8000-000000000001';

describe('enqueue', () => {
  it('rejects a payload that does not match the definition with validation_failed and the bad path', async () => {
    const err = await enqueue(database.db, noteJob, { contactId: 'not-a-uuid' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('validation_failed');
    expect(err.details.path).toEqual(['payload', 'contactId']);
    expect(err.message).toContain('test.enqueue.note');
  });

  it('stores the payload as parsed by the schema, defaults included', async () => {
    const id = await enqueue(database.db, noteJob, { contactId }, { delaySeconds: 3600 });
    const [r] = await rows<{ payload: unknown; version: number }>(database.db, sql`select payload, version from jobs where id = ${id}`);
    expect(r).toEqual({ payload: { contactId, label: 'x' }, version: 1 });
  });

  it('returns the existing job for a second enqueue with the same idempotency key', async () => {
    const first = await enqueue(database.db, noteJob, { contactId, label: 'once' }, { idempotencyKey: 'test:dedupe', delaySeconds: 3600 });
    const second = await enqueue(
      database.db,
      noteJob,
      { contactId, label: 'twice' },
      { idempotencyKey: 'test:dedupe', delaySeconds: 3600 },
    );
    expect(second).toBe(first);
    const [r] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from jobs where idempotency_key = 'test:dedupe'`);
    expect(r?.n).toBe(1);
  });

  it('dedupes concurrent enqueues with one key in separate transactions', async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        database.db.transaction((tx) =>
          enqueue(tx, noteJob, { contactId, label: `race-${i}` }, { idempotencyKey: 'test:race', delaySeconds: 3600 }),
        ),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    const [r] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from jobs where idempotency_key = 'test:race'`);
    expect(r?.n).toBe(1);
  });

  it('leaves no job behind when the enqueuing transaction rolls back', async () => {
    const rollback = new Error('rollback');
    await expect(
      database.db.transaction(async (tx) => {
        await enqueue(tx, noteJob, { contactId }, { idempotencyKey: 'test:rolled-back' });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const [r] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from jobs where idempotency_key = 'test:rolled-back'`);
    expect(r?.n).toBe(0);
  });
});

describe('delayed jobs', () => {
  it('keeps a job with delaySeconds or runAt in the future waiting until its time comes', async () => {
    const delayed = await enqueue(database.db, noteJob, { contactId, label: 'delayed' }, { delaySeconds: 3600 });
    const scheduled = await enqueue(database.db, noteJob, { contactId, label: 'scheduled' }, { runAt: new Date(Date.now() + 86_400_000) });
    worker.poke();
    await worker.idle();
    for (const id of [delayed, scheduled]) expect(await jobRow(database.db, id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(ran).not.toContain('delayed');

    // Time passes: the job becomes due and runs.
    await database.db.execute(sql`update jobs set run_at = now() where id = ${delayed}`);
    worker.poke();
    await worker.idle();
    expect(await jobRow(database.db, delayed)).toMatchObject({ status: 'succeeded', attempts: 1, result: { label: 'delayed' } });
    expect(await jobRow(database.db, scheduled)).toMatchObject({ status: 'queued' });
  });

  it('runs higher-priority ready jobs first', async () => {
    ran.length = 0;
    await database.db.transaction(async (tx) => {
      await enqueue(tx, noteJob, { contactId, label: 'low' }, { priority: 0 });
      await enqueue(tx, noteJob, { contactId, label: 'high' }, { priority: 10 });
    });
    worker.poke();
    await worker.idle();
    expect(ran).toEqual(['high', 'low']);
  });
});
