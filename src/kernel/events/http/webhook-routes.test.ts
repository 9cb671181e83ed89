import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { caller, type TestPlatform } from '../../testing/index.ts';
import { registerEventTypes } from '../event-types.ts';
import { deliverWebhook } from '../webhooks/deliver-webhook.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = 'https://hooks.example.com/tandem';

describe('webhook subscriptions', () => {
  it('creates a webhook with a whsec_ secret shown once, then lists, changes and deletes it', async () => {
    const ws = await createTestWorkspace(t);
    const created = await ws.admin.api.post('/api/webhooks', {
      url,
      description: ' CRM sync ',
      eventTypes: ['member.*', 'workspace.updated', 'member.*'],
    });
    expect(created.statusCode).toBe(201);
    const { webhook, secret } = created.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(webhook).toMatchObject({
      url,
      description: 'CRM sync',
      eventTypes: ['member.*', 'workspace.updated'],
      active: true,
      createdBy: ws.admin.userId,
    });

    const list = await ws.admin.api.get('/api/webhooks');
    expect(list.json().items.map((w: { id: string }) => w.id)).toEqual([webhook.id]);
    expect(list.body).not.toContain(secret);
    expect((await ws.admin.api.get(`/api/webhooks/${webhook.id}`)).body).not.toContain(secret);

    const patched = await ws.admin.api.patch(`/api/webhooks/${webhook.id}`, {
      url: 'http://other.example.com/in',
      eventTypes: ['*'],
      active: false,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ url: 'http://other.example.com/in', eventTypes: ['*'], active: false, description: 'CRM sync' });

    expect((await ws.admin.api.delete(`/api/webhooks/${webhook.id}`)).statusCode).toBe(200);
    expect((await ws.admin.api.get(`/api/webhooks/${webhook.id}`)).json().error.code).toBe('webhook_not_found');
  });

  it('rejects URLs that are not absolute http(s), with the path of the field', async () => {
    const ws = await createTestWorkspace(t);
    for (const bad of ['ftp://example.com/x', 'example.com/hook', 'javascript:alert(1)', 'file:///etc/passwd']) {
      const res = await ws.admin.api.post('/api/webhooks', { url: bad, eventTypes: ['*'] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'url'] } });
      expect(res.json().error.message).toContain('https://');
    }
    const { webhook } = (await ws.admin.api.post('/api/webhooks', { url, eventTypes: ['*'] })).json();
    const patch = await ws.admin.api.patch(`/api/webhooks/${webhook.id}`, { url: 'mailto:ops@example.com' });
    expect(patch.json().error.details.path).toEqual(['body', 'url']);
  });

  it('rejects unknown event types and groups, naming the bad entry', async () => {
    const ws = await createTestWorkspace(t);
    const unknown = await ws.admin.api.post('/api/webhooks', { url, eventTypes: ['member.joined', 'member.teleported'] });
    expect(unknown.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'eventTypes', 1] } });
    expect(unknown.json().error.message).toContain('/api/events/types');
    const group = await ws.admin.api.post('/api/webhooks', { url, eventTypes: ['nothing.*'] });
    expect(group.json().error.details.path).toEqual(['body', 'eventTypes', 0]);
    expect((await ws.admin.api.post('/api/webhooks', { url, eventTypes: [] })).statusCode).toBe(400);
  });

  it('lists the event types one can subscribe to, including those modules register', async () => {
    const ws = await createTestWorkspace(t);
    registerEventTypes([{ type: 'gadget.polished', description: 'A gadget shone' }]);
    const types = (await ws.admin.api.get('/api/events/types')).json().items.map((i: { type: string }) => i.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'workspace.updated',
        'member.role_changed',
        'invite.created',
        'api_key.revoked',
        'webhook.test',
        'gadget.polished',
      ]),
    );
    expect((await ws.admin.api.post('/api/webhooks', { url, eventTypes: ['gadget.polished'] })).statusCode).toBe(201);
  });

  it('reveals and rotates the secret for admins only, and audits each change without the secret', async () => {
    const ws = await createTestWorkspace(t);
    const { webhook, secret } = (await ws.admin.api.post('/api/webhooks', { url, eventTypes: ['*'] })).json();
    expect((await ws.admin.web.get(`/api/webhooks/${webhook.id}/secret`)).json()).toEqual({ secret });
    const rotated = (await ws.admin.web.post(`/api/webhooks/${webhook.id}/rotate-secret`)).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(new Date(rotated.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect((await ws.admin.api.get(`/api/webhooks/${webhook.id}/secret`)).json().secret).toBe(rotated.secret);

    const marketing = await ws.member('marketing');
    expect((await marketing.api.get(`/api/webhooks/${webhook.id}/secret`)).statusCode).toBe(403);
    expect((await marketing.api.get('/api/webhooks')).statusCode).toBe(403);
    const readKey = (await ws.admin.api.post('/api/api-keys', { name: 'read only', scope: 'read' })).json().key;
    const reader = caller(t.app, { apiKey: readKey });
    expect((await reader.get('/api/webhooks')).statusCode).toBe(200);
    expect((await reader.get(`/api/webhooks/${webhook.id}/secret`)).statusCode).toBe(403);

    await ws.admin.api.patch(`/api/webhooks/${webhook.id}`, { description: 'renamed' });
    await ws.admin.api.delete(`/api/webhooks/${webhook.id}`);
    const audit = await ws.admin.api.get(`/api/audit-log?entityType=webhook&entityId=${webhook.id}`);
    expect(audit.json().items.map((i: { action: string }) => i.action)).toEqual([
      'webhook.deleted',
      'webhook.updated',
      'webhook.secret_revealed',
      'webhook.secret_rotated',
      'webhook.secret_revealed',
      'webhook.created',
    ]);
    expect(audit.body).not.toContain(secret);
    expect(audit.body).not.toContain(rotated.secret);
  });

  it('refuses test pings to an inactive webhook and resends of a delivery still in progress', async () => {
    const ws = await createTestWorkspace(t);
    const { webhook } = (await ws.admin.api.post('/api/webhooks', { url, eventTypes: ['*'] })).json();
    const ping = await ws.admin.api.post(`/api/webhooks/${webhook.id}/test`);
    expect(ping.statusCode).toBe(202);
    const resend = await ws.admin.api.post(`/api/webhook-deliveries/${ping.json().deliveryId}/resend`);
    expect(resend.statusCode).toBe(409);
    expect(resend.json().error.code).toBe('delivery_in_progress');
    await ws.admin.api.patch(`/api/webhooks/${webhook.id}`, { active: false });
    const off = await ws.admin.api.post(`/api/webhooks/${webhook.id}/test`);
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('webhook_inactive');
  });

  it('cancels a queued delivery when its webhook is deactivated before it runs', async () => {
    const ws = await createTestWorkspace(t);
    const { webhook } = (await ws.admin.api.post('/api/webhooks', { url, eventTypes: ['*'] })).json();
    const { deliveryId } = (await ws.admin.api.post(`/api/webhooks/${webhook.id}/test`)).json();
    await ws.admin.api.patch(`/api/webhooks/${webhook.id}`, { active: false });
    // No worker runs in this file: run the queued job's handler the way a worker would.
    const job = {
      jobId: deliveryId,
      attempt: 1,
      workspaceId: ws.workspaceId,
      database: t.database,
      progress: async () => {},
      cancelled: async () => false,
    };
    expect(await deliverWebhook(deliveryId, job)).toEqual({ skipped: 'cancelled' });
    const [d] = (await ws.admin.api.get(`/api/webhooks/${webhook.id}/deliveries`)).json().items;
    expect(d).toMatchObject({ id: deliveryId, status: 'cancelled', attempts: 0, error: 'The webhook was deactivated before delivery' });
  });

  it("answers 404 for another workspace's webhooks and deliveries, and never lists them", async () => {
    const mine = await createTestWorkspace(t);
    const theirs = await createTestWorkspace(t, 'Other Co');
    const { webhook } = (await theirs.admin.api.post('/api/webhooks', { url, eventTypes: ['*'] })).json();
    const { deliveryId } = (await theirs.admin.api.post(`/api/webhooks/${webhook.id}/test`)).json();
    const api = mine.admin.api;
    const answers = [
      await api.get(`/api/webhooks/${webhook.id}`),
      await api.patch(`/api/webhooks/${webhook.id}`, { active: false }),
      await api.get(`/api/webhooks/${webhook.id}/secret`),
      await api.post(`/api/webhooks/${webhook.id}/rotate-secret`),
      await api.get(`/api/webhooks/${webhook.id}/deliveries`),
      await api.post(`/api/webhooks/${webhook.id}/test`),
      await api.delete(`/api/webhooks/${webhook.id}`),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('webhook_not_found');
    }
    const resend = await api.post(`/api/webhook-deliveries/${deliveryId}/resend`);
    expect(resend.json().error.code).toBe('delivery_not_found');
    expect((await api.get('/api/webhooks')).json().items).toEqual([]);
    expect((await theirs.admin.api.get(`/api/webhooks/${webhook.id}`)).json()).toMatchObject({ active: true });
  });

  it('pages the delivery log newest first', async () => {
    const ws = await createTestWorkspace(t);
    const { webhook } = (await ws.admin.api.post('/api/webhooks', { url, eventTypes: ['*'] })).json();
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await ws.admin.api.post(`/api/webhooks/${webhook.id}/test`)).json().deliveryId);
    const first = (await ws.admin.api.get(`/api/webhooks/${webhook.id}/deliveries?limit=3`)).json();
    const second = (await ws.admin.api.get(`/api/webhooks/${webhook.id}/deliveries?limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((d: { id: string }) => d.id)).toEqual(sent.reverse());
    expect(second.nextCursor).toBeNull();
    expect((await ws.admin.api.get(`/api/webhooks/${webhook.id}/deliveries?status=succeeded`)).json().items).toEqual([]);
    const bad = await ws.admin.api.get(`/api/webhooks/${webhook.id}/deliveries?cursor=WyJub3BlIl0`);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['query', 'cursor'] } });
  });
});
