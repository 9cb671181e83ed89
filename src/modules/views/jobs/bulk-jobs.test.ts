import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import { type JobContext, type JobDefinition, startWorker } from '../../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { insertContacts, traces } from '../testing/records.ts';
import { startBulkAction } from '../use-cases/start-bulk-action.ts';
import { undoBulkAction } from '../use-cases/undo-bulk-action.ts';
import { runBulkJob, undoBulkJob } from './bulk-jobs.ts';

let t: TestPlatform;
let ws: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const db = () => t.database.db;
const small = { inlineLimit: 10, batchSize: 7 };
const tagged = (tag: string) => ({ filter: { field: 'tags', op: 'has_any', value: [tag] } });
const tagCount = async (tag: string) =>
  (
    await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId} and ${tag} = any(tags)`,
    )
  )[0]!.n;

/**
 * Runs a queued job's handler in this process, as a worker would, with hooks on progress and cancelled():
 * the tests need to act at an exact point between batches, which a background worker cannot promise.
 */
async function runHandler(
  def: JobDefinition,
  jobId: string,
  hooks: {
    onProgress?: (value: Record<string, unknown>, n: number) => Promise<void>;
    cancelled?: () => Promise<boolean>;
    attempt?: number;
  } = {},
) {
  const [job] = await rows<{ payload: unknown }>(db(), sql`select payload from jobs where id = ${jobId}`);
  const seen: Record<string, unknown>[] = [];
  const ctx: JobContext = {
    jobId,
    attempt: hooks.attempt ?? 1,
    workspaceId: ws.workspaceId,
    database: t.database,
    progress: async (value) => {
      seen.push(value);
      await hooks.onProgress?.(value, seen.length);
    },
    cancelled: hooks.cancelled ?? (async () => false),
  };
  const result = await def.handler(def.payload.parse(job!.payload), ctx);
  return { result, progress: seen };
}

describe('bulk actions above the inline limit run as a job', () => {
  it('queues the operation and applies it in batches, reporting progress after each', async () => {
    await insertContacts(db(), ws.workspaceId, 30, { tag: 'batch' });
    const { operation, queued } = await startBulkAction(
      ws.admin.ctx,
      'contact',
      { selection: tagged('batch'), action: 'add_tags', params: { tags: ['done'] } },
      small,
    );
    expect(queued).toBe(true);
    expect(operation).toMatchObject({ status: 'pending', total: 30, done: 0 });
    expect(await tagCount('done')).toBe(0);
    const { progress } = await runHandler(runBulkJob, operation.jobId!);
    expect(progress.map((p) => p.done)).toEqual([7, 14, 21, 28, 30, 30]);
    expect(progress.every((p) => p.total === 30)).toBe(true);
    expect(await tagCount('done')).toBe(30);
    const after = (await ws.admin.api.get(`/api/bulk/${operation.id}`)).json();
    expect(after).toMatchObject({ status: 'completed', done: 30, total: 30, result: { changed: 30 }, undoable: true });
    const { audit, events } = await traces(db(), operation.id);
    expect(audit.map((a) => a.action)).toEqual(['bulk.add_tags']);
    expect(events.map((e) => e.type)).toEqual(['bulk.completed']);
  });

  it('resumes after the last committed batch when a run dies half-way, changing each record once', async () => {
    await insertContacts(db(), ws.workspaceId, 30, { tag: 'crash' });
    const { operation } = await startBulkAction(
      ws.admin.ctx,
      'contact',
      { selection: tagged('crash'), action: 'add_tags', params: { tags: ['once'] } },
      small,
    );
    const crash = runHandler(runBulkJob, operation.jobId!, {
      onProgress: async (_v, n) => {
        if (n === 2) throw new Error('worker lost');
      },
    });
    await expect(crash).rejects.toThrow('worker lost');
    const [half] = await rows<{ done: number; status: string }>(
      db(),
      sql`select done, status from bulk_operations where id = ${operation.id}`,
    );
    expect(half).toEqual({ done: 14, status: 'running' });
    await runHandler(runBulkJob, operation.jobId!, { attempt: 2 });
    await runHandler(runBulkJob, operation.jobId!, { attempt: 3 });
    const items = await rows(db(), sql`select 1 from bulk_operation_items where operation_id = ${operation.id}`);
    expect(items.length).toBe(30);
    expect((await ws.admin.api.get(`/api/bulk/${operation.id}`)).json()).toMatchObject({ status: 'completed', result: { changed: 30 } });
    expect((await traces(db(), operation.id)).audit).toHaveLength(1);
  });

  it('stops between batches when cancelled, keeps what is done, and undo restores that part', async () => {
    const ids = await insertContacts(db(), ws.workspaceId, 30, { tag: 'stop' });
    const { operation } = await startBulkAction(
      ws.admin.ctx,
      'contact',
      { selection: { ids }, action: 'change_owner', params: { ownerId: ws.admin.userId } },
      small,
    );
    const { progress } = await runHandler(runBulkJob, operation.jobId!, {
      onProgress: async (_v, n) => {
        if (n === 2) expect((await ws.admin.api.post(`/api/bulk/${operation.id}/cancel`)).json().status).toBe('cancelled');
      },
    });
    expect(progress).toHaveLength(2);
    const owned = await rows<{ id: string }>(
      db(),
      sql`select id from contacts where id = any(${sql.param(ids)}::uuid[]) and owner_id is not null order by id`,
    );
    expect(owned.map((r) => r.id)).toEqual(ids.slice(0, 14));
    const op = (await ws.admin.api.get(`/api/bulk/${operation.id}`)).json();
    expect(op).toMatchObject({ status: 'cancelled', done: 14, result: { changed: 14 }, undoable: true });
    expect((await traces(db(), operation.id)).audit[0]!.after).toMatchObject({ status: 'cancelled', count: 14 });
    expect((await ws.admin.api.post(`/api/bulk/${operation.id}/cancel`)).statusCode).toBe(409);
    const undo = await ws.admin.api.post(`/api/bulk/${operation.id}/undo`);
    expect(undo.json()).toMatchObject({ status: 'undone', result: { undo: { restored: 14 } } });
    expect((await rows(db(), sql`select 1 from contacts where id = any(${sql.param(ids)}::uuid[]) and owner_id is not null`)).length).toBe(
      0,
    );
  });

  it('stops and marks the operation cancelled when its job is cancelled in the jobs admin', async () => {
    await insertContacts(db(), ws.workspaceId, 30, { tag: 'admin-stop' });
    const { operation } = await startBulkAction(ws.admin.ctx, 'contact', { selection: tagged('admin-stop'), action: 'delete' }, small);
    let cancelled = false;
    await runHandler(runBulkJob, operation.jobId!, {
      onProgress: async (_v, n) => {
        if (n === 1) cancelled = (await ws.admin.api.post(`/api/jobs/${operation.jobId}/cancel`)).statusCode === 200;
      },
      cancelled: async () => cancelled,
    });
    expect((await ws.admin.api.get(`/api/bulk/${operation.id}`)).json()).toMatchObject({ status: 'cancelled', done: 7 });
  });

  it('undoes a large operation as a job too', async () => {
    await insertContacts(db(), ws.workspaceId, 30, { tag: 'big-undo' });
    const { operation } = await startBulkAction(
      ws.admin.ctx,
      'contact',
      { selection: tagged('big-undo'), action: 'remove_tags', params: { tags: ['big-undo'] } },
      small,
    );
    await runHandler(runBulkJob, operation.jobId!);
    expect(await tagCount('big-undo')).toBe(0);
    const undo = await undoBulkAction(ws.admin.ctx, operation.id, small);
    expect(undo).toMatchObject({ queued: true, operation: { status: 'undoing' } });
    const { progress } = await runHandler(undoBulkJob, undo.operation.jobId!);
    expect(progress.at(-1)).toEqual({ done: 30, total: 30 });
    expect(await tagCount('big-undo')).toBe(30);
    expect((await ws.admin.api.get(`/api/bulk/${operation.id}`)).json()).toMatchObject({
      status: 'undone',
      result: { undo: { restored: 30 } },
    });
    expect((await traces(db(), operation.id)).audit.map((a) => a.action)).toEqual(['bulk.remove_tags', 'bulk.undo']);
  });

  it('an undo job cancelled half-way can be asked for again and finishes the rest', async () => {
    await insertContacts(db(), ws.workspaceId, 20, { tag: 'redo' });
    const { operation } = await startBulkAction(
      ws.admin.ctx,
      'contact',
      { selection: tagged('redo'), action: 'add_tags', params: { tags: ['extra'] } },
      small,
    );
    await runHandler(runBulkJob, operation.jobId!);
    const first = await undoBulkAction(ws.admin.ctx, operation.id, small);
    let cancelled = false;
    await runHandler(undoBulkJob, first.operation.jobId!, {
      onProgress: async (_v, n) => {
        if (n === 1) cancelled = (await ws.admin.api.post(`/api/jobs/${first.operation.jobId}/cancel`)).statusCode === 200;
      },
      cancelled: async () => cancelled,
    });
    const stopped = (await ws.admin.api.get(`/api/bulk/${operation.id}`)).json();
    expect(stopped).toMatchObject({ status: 'undo_failed', undoable: true, result: { undo: { total: 20, restored: 7 } } });
    const again = await undoBulkAction(ws.admin.ctx, operation.id, small);
    expect(again.queued).toBe(true);
    await runHandler(undoBulkJob, again.operation.jobId!);
    expect((await ws.admin.api.get(`/api/bulk/${operation.id}`)).json()).toMatchObject({
      status: 'undone',
      result: { undo: { total: 20, restored: 20 } },
    });
    expect(await tagCount('extra')).toBe(0);
  });

  it('runs more than 1,000 selected records through the real limit on a worker, then undoes them', { timeout: 180_000 }, async () => {
    await insertContacts(db(), ws.workspaceId, 1_050, { tag: 'thousand' });
    const worker = startWorker({ database: t.database, concurrency: 2, leaseSeconds: 30, pollMs: 20 });
    try {
      const res = await ws.admin.api.post('/api/bulk/contacts', {
        selection: tagged('thousand'),
        action: 'set_lifecycle',
        params: { stage: 'customer' },
      });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ status: 'pending', total: 1_050 });
      await worker.idle();
      const op = (await ws.admin.api.get(`/api/bulk/${res.json().id}`)).json();
      expect(op).toMatchObject({ status: 'completed', done: 1_050, result: { changed: 1_050 } });
      const job = (await ws.admin.api.get(`/api/jobs/${op.jobId}`)).json();
      expect(job).toMatchObject({ status: 'succeeded', progress: { done: 1_050, total: 1_050 } });
      const [history] = await rows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from lifecycle_history where workspace_id = ${ws.workspaceId} and to_stage = 'customer'`,
      );
      expect(history!.n).toBeGreaterThanOrEqual(1_050);

      const undo = await ws.admin.api.post(`/api/bulk/${op.id}/undo`);
      expect(undo.statusCode).toBe(202);
      await worker.idle();
      expect((await ws.admin.api.get(`/api/bulk/${op.id}`)).json()).toMatchObject({
        status: 'undone',
        result: { undo: { restored: 1_050 } },
      });
      const [leads] = await rows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId} and 'thousand' = any(tags) and lifecycle_stage = 'lead'`,
      );
      expect(leads!.n).toBe(1_050);
    } finally {
      await worker.stop();
    }
  });
});
