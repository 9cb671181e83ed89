import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../db/index.ts';
import { openTestDatabase } from '../testing/index.ts';
import { defineJob, enqueue, registerJobs, startWorker, type Worker } from './index.ts';
import { jobRow } from './testing/job-row.ts';

const lostLease = new Map<string, boolean>();
const longJob = defineJob({
  id: 'test.lease.long',
  version: 1,
  payload: z.object({ ms: z.number() }),
  async handler({ ms }, job) {
    await sleep(ms);
    lostLease.set(job.jobId, await job.cancelled());
    return { slept: ms };
  },
});

let database: Database;
let worker: Worker;
beforeAll(async () => {
  database = await openTestDatabase();
  registerJobs(longJob);
  // A 1-second lease, checked for expiry every 100 ms: only renewal keeps a longer job with its worker.
  worker = startWorker({ database, concurrency: 2, leaseSeconds: 1, pollMs: 20, maintenanceMs: 100 });
});
afterAll(async () => {
  await worker.stop();
  await database.close();
});

describe('lease renewal', () => {
  it('keeps a job that runs longer than its lease with the live worker that runs it', async () => {
    const id = await enqueue(database.db, longJob, { ms: 2500 });
    worker.poke();
    await worker.idle();
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'succeeded', attempts: 1, result: { slept: 2500 }, last_error: null });
    expect(lostLease.get(id)).toBe(false);
  });

  it('finishes running jobs before stop() returns', async () => {
    const id = await enqueue(database.db, longJob, { ms: 300 });
    worker.poke();
    while ((await jobRow(database.db, id)).status !== 'running') await sleep(10);
    await worker.stop();
    expect(await jobRow(database.db, id)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });
});
