import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../db/index.ts';
import type { TestPlatform } from '../../testing/index.ts';
import { defineJob, enqueue } from '../index.ts';

// Enqueued only: no worker runs in the test app, so jobs stay where the test puts them.
const exportJob = defineJob({ id: 'test.routes.export', version: 1, payload: z.object({ file: z.string() }), handler: async () => null });
const otherJob = defineJob({ id: 'test.routes.other', version: 1, payload: z.object({}), handler: async () => null });

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const addJob = (workspaceId: string | null, file = 'a.csv') => enqueue(t.database.db, exportJob, { file }, { workspaceId });
const finished = new Set(['succeeded', 'failed', 'dead', 'cancelled']);
const setStatus = (id: string, status: string) =>
  t.database.db.execute(
    sql`update jobs set status = ${status}, attempts = 3, last_error = 'boom', finished_at = ${finished.has(status) ? sql`now()` : null} where id = ${id}`,
  );
/** Every job of the workspace, newest first: what the API should list (creating a workspace enqueues event jobs too). */
const workspaceJobIds = async (workspaceId: string) =>
  (await rows<{ id: string }>(t.database.db, sql`select id from jobs where workspace_id = ${workspaceId} order by id desc`)).map(
    (r) => r.id,
  );
const auditOf = (id: string) =>
  rows<{ action: string; actor_id: string; before: { status: string } }>(
    t.database.db,
    sql`select action, actor_id, before from audit_log where entity_type = 'job' and entity_id = ${id}`,
  );

describe('listing jobs', () => {
  let ws: TestWorkspace;
  let ids: string[];
  beforeAll(async () => {
    ws = await createTestWorkspace(t);
    ids = [];
    for (let i = 0; i < 5; i++) ids.push(await addJob(ws.workspaceId, `${i}.csv`));
    ids.push(await enqueue(t.database.db, otherJob, {}, { workspaceId: ws.workspaceId }));
    await setStatus(ids[1]!, 'dead');
  });

  it('lists the workspace jobs newest first, without jobs of other workspaces or of no workspace', async () => {
    const other = await createTestWorkspace(t, 'Other');
    const foreign = [await addJob(other.workspaceId), await addJob(null)];
    const res = await ws.admin.api.get('/api/jobs');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const listed = body.items.map((j: { id: string }) => j.id);
    expect(listed).toEqual(await workspaceJobIds(ws.workspaceId));
    expect(listed.slice(0, ids.length)).toEqual([...ids].reverse());
    for (const id of foreign) expect(listed).not.toContain(id);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({ name: 'test.routes.other', status: 'queued', attempts: 0, maxAttempts: 5 });
    expect(body.items[0].payload).toBeUndefined();
  });

  it('filters by status and by name', async () => {
    const dead = (await ws.admin.api.get('/api/jobs?status=dead')).json();
    expect(dead.items.map((j: { id: string }) => j.id)).toEqual([ids[1]]);
    expect(dead.items[0]).toMatchObject({ status: 'dead', lastError: 'boom' });
    const named = (await ws.admin.api.get('/api/jobs?name=test.routes.other')).json();
    expect(named.items.map((j: { id: string }) => j.id)).toEqual([ids[5]]);
    const bad = await ws.admin.api.get('/api/jobs?status=exploded');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('pages through the list with the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await ws.admin.api.get(`/api/jobs?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(await workspaceJobIds(ws.workspaceId));
    const bad = await ws.admin.api.get('/api/jobs?cursor=bm9wZQ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.path).toEqual(['query', 'cursor']);
  });

  it('shows one job with its payload, and answers 404 for a job of another workspace', async () => {
    const res = await ws.admin.api.get(`/api/jobs/${ids[0]}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids[0], payload: { file: '0.csv' }, result: null, idempotencyKey: null });
    const other = await createTestWorkspace(t, 'Other');
    const foreign = await other.admin.api.get(`/api/jobs/${ids[0]}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('job_not_found');
  });
});

describe('retrying and cancelling', () => {
  it('retries a dead job: back to queued with fresh attempts, audited', async () => {
    const ws = await createTestWorkspace(t);
    const id = await addJob(ws.workspaceId);
    await setStatus(id, 'dead');
    const res = await ws.admin.web.post(`/api/jobs/${id}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'queued', attempts: 0, finishedAt: null, lastError: 'boom' });
    expect(await auditOf(id)).toEqual([
      { action: 'job.retried', actor_id: ws.admin.userId, before: expect.objectContaining({ status: 'dead', attempts: 3 }) },
    ]);
  });

  it('retries failed and cancelled jobs but answers 409 job_not_retryable for others', async () => {
    const ws = await createTestWorkspace(t);
    for (const status of ['failed', 'cancelled']) {
      const id = await addJob(ws.workspaceId);
      await setStatus(id, status);
      expect((await ws.admin.api.post(`/api/jobs/${id}/retry`)).statusCode).toBe(200);
    }
    for (const status of ['queued', 'running', 'succeeded']) {
      const id = await addJob(ws.workspaceId);
      await setStatus(id, status);
      const res = await ws.admin.api.post(`/api/jobs/${id}/retry`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'job_not_retryable', details: { status } });
    }
  });

  it('cancels queued and running jobs, audited, and answers 409 job_not_cancellable for finished ones', async () => {
    const ws = await createTestWorkspace(t);
    for (const status of ['queued', 'running']) {
      const id = await addJob(ws.workspaceId);
      await setStatus(id, status);
      const res = await ws.admin.api.post(`/api/jobs/${id}/cancel`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id, status: 'cancelled' });
      expect(res.json().finishedAt).not.toBeNull();
      expect((await auditOf(id)).map((a) => [a.action, a.before.status])).toEqual([['job.cancelled', status]]);
    }
    for (const status of ['succeeded', 'dead', 'failed', 'cancelled']) {
      const id = await addJob(ws.workspaceId);
      await setStatus(id, status);
      const res = await ws.admin.api.post(`/api/jobs/${id}/cancel`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('job_not_cancellable');
    }
  });

  it('answers 404 when retrying or cancelling a job of another workspace, and changes nothing', async () => {
    const ws = await createTestWorkspace(t);
    const other = await createTestWorkspace(t, 'Other');
    const id = await addJob(other.workspaceId);
    await setStatus(id, 'dead');
    for (const action of ['retry', 'cancel']) {
      const res = await ws.admin.api.post(`/api/jobs/${id}/${action}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('job_not_found');
    }
    const [row] = await rows<{ status: string }>(t.database.db, sql`select status from jobs where id = ${id}`);
    expect(row?.status).toBe('dead');
    expect(await auditOf(id)).toEqual([]);
  });
});

describe('access', () => {
  it('forbids a sales rep to see or manage jobs', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    const id = await addJob(ws.workspaceId);
    for (const res of [
      await rep.api.get('/api/jobs'),
      await rep.api.get(`/api/jobs/${id}`),
      await rep.api.post(`/api/jobs/${id}/cancel`),
      await rep.web.post(`/api/jobs/${id}/retry`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('requires sign-in', async () => {
    const { caller } = await import('../../testing/index.ts');
    expect((await caller(t.app).get('/api/jobs')).statusCode).toBe(401);
  });
});
