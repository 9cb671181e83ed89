import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { caller, type TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API keys', () => {
  it('shows a new key once, stores only its hash, and lists it by prefix', async () => {
    const ws = await createTestWorkspace(t);
    const res = await ws.admin.api.post('/api/api-keys', { name: 'Zapier', scope: 'write' });
    expect(res.statusCode).toBe(201);
    const { key, id } = res.json();
    expect(key).toMatch(/^tdm_[A-Za-z0-9]{8}_/);
    const list = (await ws.admin.api.get('/api/api-keys')).json().items;
    const row = list.find((k: { id: string }) => k.id === id);
    expect(row.prefix).toBe(`${key.slice(0, 12)}_…`);
    expect(JSON.stringify(list)).not.toContain(key);
    const me = await caller(t.app, { apiKey: key }).get('/api/me');
    expect(me.json()).toMatchObject({ actor: { type: 'api_key' }, role: 'admin', workspace: { id: ws.workspaceId } });
  });

  it('refuses writes to a read-only key with forbidden', async () => {
    const ws = await createTestWorkspace(t);
    const { key } = (await ws.admin.api.post('/api/api-keys', { name: 'BI', scope: 'read' })).json();
    const reader = caller(t.app, { apiKey: key });
    expect((await reader.get('/api/workspace')).statusCode).toBe(200);
    const write = await reader.patch('/api/workspace', { name: 'Hacked' });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toContain('read-only');
  });

  it('answers a revoked key with api_key_revoked at once', async () => {
    const ws = await createTestWorkspace(t);
    const { key, id } = (await ws.admin.api.post('/api/api-keys', { name: 'Old', scope: 'write' })).json();
    const k = caller(t.app, { apiKey: key });
    expect((await k.get('/api/me')).statusCode).toBe(200);
    expect((await ws.admin.api.delete(`/api/api-keys/${id}`)).statusCode).toBe(200);
    const after = await k.get('/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('api_key_revoked');
    expect((await ws.admin.api.delete(`/api/api-keys/${id}`)).json().error.code).toBe('api_key_not_found');
  });

  it('rejects malformed and forged keys with api_key_invalid', async () => {
    const ws = await createTestWorkspace(t);
    expect((await caller(t.app, { apiKey: 'nonsense' }).get('/api/me')).json().error.code).toBe('api_key_invalid');
    const forged = `${ws.admin.apiKey.slice(0, 14)}${'x'.repeat(43)}`;
    const res = await caller(t.app, { apiKey: forged }).get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('api_key_invalid');
  });

  it('is for admins only', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    const res = await rep.api.post('/api/api-keys', { name: 'mine', scope: 'write' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'forbidden', details: { permission: 'api_keys:manage' } });
  });
});

describe('workspace settings', () => {
  it('updates name, time zone, currency and rep visibility and audits the change', async () => {
    const ws = await createTestWorkspace(t);
    const res = await ws.admin.api.patch('/api/workspace', {
      name: 'Acme GmbH',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      settings: { repVisibility: 'team' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Acme GmbH',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      settings: { repVisibility: 'team' },
    });
  });

  it('names the bad field of an invalid time zone, currency or unknown key, and changes nothing', async () => {
    const ws = await createTestWorkspace(t);
    const tz = await ws.admin.api.patch('/api/workspace', { timezone: 'Mars/Olympus' });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().error).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: ['body', 'timezone'] }] } });
    const cur = await ws.admin.api.patch('/api/workspace', { currency: 'euro' });
    expect(cur.json().error.details.issues[0].path).toEqual(['body', 'currency']);
    const unknown = await ws.admin.api.patch('/api/workspace', { name: 'X', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toEqual(['body', 'colour']);
    expect((await ws.admin.api.get('/api/workspace')).json()).toMatchObject({ name: 'Acme', timezone: 'UTC', currency: 'USD' });
  });

  it('lets a viewer read but not change the workspace', async () => {
    const ws = await createTestWorkspace(t);
    const viewer = await ws.member('viewer');
    expect((await viewer.api.get('/api/workspace')).statusCode).toBe(200);
    expect((await viewer.api.patch('/api/workspace', { name: 'Mine' })).statusCode).toBe(403);
  });
});
