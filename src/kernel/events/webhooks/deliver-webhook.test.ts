import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../db/index.ts';
import { startWorker, type Worker } from '../../jobs/index.ts';
import type { TestPlatform } from '../../testing/index.ts';
import { fanOutEvent } from '../fan-out.ts';
import { verifyWebhook } from './signature.ts';
import { startTestReceiver } from './test-receiver.ts';

let t: TestPlatform;
let worker: Worker;
let rx: Awaited<ReturnType<typeof startTestReceiver>>;

beforeAll(async () => {
  t = await createTestApp();
  rx = await startTestReceiver();
  worker = startWorker({ database: t.database, concurrency: 4, leaseSeconds: 30, pollMs: 50, backoffSeconds: 0.01 });
});
afterAll(async () => {
  await worker.stop();
  await rx.close();
  await t.close();
});

/** Waits until no job is queued or running, retries waiting out their backoff included. */
async function settle() {
  const deadline = Date.now() + 25_000;
  for (;;) {
    await worker.idle();
    const [r] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where status in ('queued', 'running')`);
    if (!r?.n) return;
    if (Date.now() > deadline) throw new Error(`${r.n} jobs still queued`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

async function workspace() {
  const ws = await createTestWorkspace(t);
  await settle(); // the set-up's own events must not reach the webhooks made next
  return ws;
}

async function hook(ws: TestWorkspace, path: string, eventTypes: string[]) {
  const res = await ws.admin.api.post('/api/webhooks', { url: rx.url(path), eventTypes });
  expect(res.statusCode).toBe(201);
  const { webhook, secret } = res.json();
  rx.trust(path, secret);
  return { id: webhook.id as string, secret: secret as string };
}

const deliveriesOf = async (ws: TestWorkspace, id: string) => (await ws.admin.api.get(`/api/webhooks/${id}/deliveries`)).json().items;
const renameWorkspace = (ws: TestWorkspace, name: string) => ws.admin.api.patch('/api/workspace', { name });

describe('webhook deliveries', () => {
  it('posts the event signed so that the receiver verifies it, and logs the delivery', async () => {
    const ws = await workspace();
    const w = await hook(ws, '/a', ['workspace.updated']);
    expect((await renameWorkspace(ws, 'Renamed')).statusCode).toBe(200);
    await settle();
    const [got] = rx.at('/a');
    expect(rx.at('/a')).toHaveLength(1);
    expect(got!.verified).toBe('ok');
    expect(got!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({ type: 'workspace.updated', data: { name: 'Renamed', id: ws.workspaceId, entity: 'workspace' } });
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    const [d] = await deliveriesOf(ws, w.id);
    expect(d).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      responseBody: 'thanks',
      eventType: 'workspace.updated',
      error: null,
    });
    expect(got!.headers['webhook-id']).toBe(d.eventId);
    expect(d.deliveredAt).not.toBeNull();
    expect(d.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('retries after a 500 with the same id and body, and records the later success', async () => {
    const ws = await workspace();
    const w = await hook(ws, '/b', ['workspace.updated']);
    rx.answer('/b', 500, 503);
    await renameWorkspace(ws, 'Retry me');
    await settle();
    const got = rx.at('/b');
    expect(got.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    expect(got.every((r) => r.verified === 'ok')).toBe(true);
    expect((await deliveriesOf(ws, w.id))[0]).toMatchObject({ status: 'succeeded', attempts: 3, responseStatus: 200 });
  });

  it('marks the delivery failed after the last of 8 attempts, keeping 2 KB of the last answer', async () => {
    const ws = await workspace();
    const w = await hook(ws, '/c', ['workspace.updated']);
    rx.answer('/c', ...Array(8).fill(500));
    await renameWorkspace(ws, 'Never delivered');
    await settle();
    expect(rx.at('/c')).toHaveLength(8);
    const [d] = await deliveriesOf(ws, w.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 8, responseStatus: 500, deliveredAt: null });
    expect(d.error).toContain('500');
    expect(d.responseBody.startsWith('nope 500')).toBe(true);
    expect(d.responseBody.length).toBe(2048);
    const [job] = await rows<{ status: string }>(
      t.database.db,
      sql`select status from jobs where name = 'webhooks.deliver' and payload->>'deliveryId' = ${d.id}`,
    );
    expect(job!.status).toBe('dead');
  });

  it('resends a failed delivery as a new job with the same webhook-id', async () => {
    const ws = await workspace();
    const w = await hook(ws, '/d', ['workspace.updated']);
    rx.answer('/d', ...Array(8).fill(502));
    await renameWorkspace(ws, 'Second chance');
    await settle();
    const [failed] = await deliveriesOf(ws, w.id);
    expect(failed.status).toBe('failed');
    const res = await ws.admin.api.post(`/api/webhook-deliveries/${failed.id}/resend`);
    expect(res.statusCode).toBe(202);
    await settle();
    const got = rx.at('/d');
    expect(got).toHaveLength(9);
    expect(got[8]!.status).toBe(200);
    expect(got[8]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
    const [d] = await deliveriesOf(ws, w.id);
    expect(d).toMatchObject({ id: failed.id, status: 'succeeded', attempts: 9, error: null });
  });

  it('delivers only to active subscriptions whose event types match, once per event', async () => {
    const ws = await workspace();
    const keys = await hook(ws, '/f-keys', ['api_key.*']);
    const renames = await hook(ws, '/f-ws', ['workspace.updated']);
    const all = await hook(ws, '/f-all', ['*']);
    const off = await hook(ws, '/f-off', ['*']);
    await hook(ws, '/f-members', ['member.removed']);
    await ws.admin.api.patch(`/api/webhooks/${off.id}`, { active: false });
    await renameWorkspace(ws, 'Filtered');
    await ws.admin.api.post('/api/api-keys', { name: 'zapier' });
    await settle();
    const types = (path: string) =>
      rx
        .at(path)
        .map((r) => JSON.parse(r.body).type)
        .sort();
    expect(types('/f-ws')).toEqual(['workspace.updated']);
    expect(types('/f-keys')).toEqual(['api_key.created']);
    expect(types('/f-all')).toEqual(['api_key.created', 'workspace.updated']);
    expect(types('/f-off')).toEqual([]);
    expect(types('/f-members')).toEqual([]);

    // A fan-out that runs again (a retried job) adds no second delivery.
    const [first] = await deliveriesOf(ws, renames.id);
    await fanOutEvent(t.database.db, first.eventId);
    await settle();
    expect(await deliveriesOf(ws, renames.id)).toHaveLength(1);
    expect(await deliveriesOf(ws, all.id)).toHaveLength(2);
    expect(await deliveriesOf(ws, keys.id)).toHaveLength(1);
    expect(rx.at('/f-ws')).toHaveLength(1);
  });

  it('sends a test ping only to the webhook it was asked for', async () => {
    const ws = await workspace();
    const one = await hook(ws, '/g1', ['*']);
    await hook(ws, '/g2', ['*']);
    const res = await ws.admin.api.post(`/api/webhooks/${one.id}/test`);
    expect(res.statusCode).toBe(202);
    await settle();
    expect(rx.at('/g2')).toHaveLength(0);
    expect(rx.at('/g1')).toHaveLength(1);
    expect(JSON.parse(rx.at('/g1')[0]!.body)).toMatchObject({ type: 'webhook.test', data: { id: one.id, entity: 'webhook' } });
    expect((await deliveriesOf(ws, one.id))[0]).toMatchObject({
      id: res.json().deliveryId,
      eventId: res.json().eventId,
      status: 'succeeded',
    });
  });

  it('signs with the new and the old secret for a day after a rotation', async () => {
    const ws = await workspace();
    const w = await hook(ws, '/h', ['workspace.updated']);
    const rotated = (await ws.admin.api.post(`/api/webhooks/${w.id}/rotate-secret`)).json();
    expect(rotated.secret).not.toBe(w.secret);
    await renameWorkspace(ws, 'Rotated');
    await settle();
    const [got] = rx.at('/h'); // the receiver still holds the old secret
    expect(got!.verified).toBe('ok');
    expect(() => verifyWebhook(rotated.secret, got!.headers, got!.body)).not.toThrow();
    expect((await ws.admin.api.get(`/api/webhooks/${w.id}/secret`)).json().secret).toBe(rotated.secret);
  });
});
