import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, type TestPlatform } from '../kernel/testing/index.ts';
import { createTestApp, createTestWorkspace } from './test-kit.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp({ TANDEM_BODY_LIMIT_BYTES: '4096' });
});
afterAll(() => t.close());

describe('the HTTP contract', () => {
  it('answers malformed JSON with invalid_json and changes nothing', async () => {
    const ws = await createTestWorkspace(t);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/workspace',
      headers: { authorization: `Bearer ${ws.admin.apiKey}`, 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect((await ws.admin.api.get('/api/workspace')).json().name).toBe('Acme');
  });

  it('answers an oversize body with 413 payload_too_large', async () => {
    const ws = await createTestWorkspace(t);
    const res = await ws.admin.api.patch('/api/workspace', { name: 'x'.repeat(10_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers a non-JSON body with 415', async () => {
    const ws = await createTestWorkspace(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { authorization: `Bearer ${ws.admin.apiKey}`, 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('answers unknown routes with the error envelope and a request id', async () => {
    const res = await caller(t.app).get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'route_not_found' });
    expect(res.headers['x-request-id']).toBe(res.json().error.requestId);
  });

  it('keeps a caller-supplied request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  it('sends security headers', async () => {
    const res = await caller(t.app).get('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends the API header set on JSON API responses: no sniffing, no framing, no caching', async () => {
    const res = await caller(t.app).get('/api/setup');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    const docs = await caller(t.app).get('/api/docs/');
    expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('replays a POST with the same Idempotency-Key instead of running it twice', async () => {
    const ws = await createTestWorkspace(t);
    const first = await ws.admin.api.post('/api/api-keys', { name: 'once', scope: 'read' }, { 'idempotency-key': 'k-1' });
    const second = await ws.admin.api.post('/api/api-keys', { name: 'once', scope: 'read' }, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const keys = (await ws.admin.api.get('/api/api-keys')).json().items.filter((k: { name: string }) => k.name === 'once');
    expect(keys).toHaveLength(1);
    const reused = await ws.admin.api.post('/api/api-keys', { name: 'different', scope: 'read' }, { 'idempotency-key': 'k-1' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
  });

  it('reports readiness with the database kind', async () => {
    const res = await caller(t.app).get('/readyz');
    expect(res.json()).toEqual({ ok: true, database: t.database.kind });
  });

  it('serves /metrics to loopback only when no token is configured', async () => {
    const local = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain('tandem_http_request_duration_seconds');
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const after = (await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).body;
    const series = 'method="GET",route="/healthz",status="200"';
    const count = Number(new RegExp(`tandem_http_request_duration_seconds_count\\{${series}\\} (\\d+)`).exec(after)?.[1]);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(after).toContain(`tandem_http_request_duration_seconds_bucket{${series},le="+Inf"} ${count}`);
    expect(after).toMatch(new RegExp(`tandem_http_request_duration_seconds_bucket\\{${series},le="0.005"\\} \\d+`));
    const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);
  });

  it('describes every API route in OpenAPI 3.1', async () => {
    const doc = (await caller(t.app).get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const r of t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
    )) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    expect((await caller(t.app).get('/api/docs/')).statusCode).toBe(200);
  });
});

describe('first-run setup', () => {
  it('creates the first admin once, with the console token only', async () => {
    const fresh = await createTestApp();
    try {
      const { ensureSetupToken } = await import('../modules/identity/index.ts');
      const token = await ensureSetupToken(fresh.database.db, 'the-one-time-setup-token');
      const anon = caller(fresh.app);
      expect((await anon.get('/api/setup')).json()).toEqual({ needed: true });
      const body = { workspaceName: 'Initech', name: 'Bill', email: 'bill@initech.test', password: 'tps reports forever' };
      const bad = await anon.post('/api/setup', { ...body, token: 'guess' });
      expect(bad.statusCode).toBe(403);
      expect(bad.json().error.code).toBe('setup_token_invalid');
      const ok = await anon.post('/api/setup', { ...body, token });
      expect(ok.statusCode).toBe(201);
      expect(ok.cookies.find((c) => c.name === 'tandem_session')).toBeDefined();
      expect((await anon.get('/api/setup')).json()).toEqual({ needed: false });
      expect((await anon.post('/api/setup', { ...body, token })).json().error.code).toBe('already_set_up');
    } finally {
      await fresh.close();
    }
  });
});
