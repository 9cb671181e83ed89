import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { caller, type TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('signing in', () => {
  it('logs in with email and password and sets an httpOnly session cookie', async () => {
    const ws = await createTestWorkspace(t);
    const res = await caller(t.app).post('/api/auth/login', { email: ws.admin.email.toUpperCase(), password: ws.admin.password });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tandem_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await caller(t.app, { cookie: `tandem_session=${cookie!.value}` }).get('/api/me');
    expect(me.json()).toMatchObject({ user: { email: ws.admin.email }, role: 'admin', workspace: { id: ws.workspaceId } });
  });

  it('rejects a wrong password with invalid_credentials and the same answer for unknown emails', async () => {
    const ws = await createTestWorkspace(t);
    const wrong = await caller(t.app).post('/api/auth/login', { email: ws.admin.email, password: 'nope nope nope' });
    const unknown = await caller(t.app).post('/api/auth/login', { email: 'nobody@example.com', password: 'nope nope nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json().error).toMatchObject({ code: 'invalid_credentials', message: wrong.json().error.message });
  });

  it('throttles repeated failures on one account with 429 and Retry-After', async () => {
    const ws = await createTestWorkspace(t);
    let last: Awaited<ReturnType<ReturnType<typeof caller>['post']>> | undefined;
    for (let i = 0; i < 11; i++)
      last = await caller(t.app).post(
        '/api/auth/login',
        { email: ws.admin.email, password: `wrong-${i}-password` },
        { 'x-forwarded-for': `1.2.3.${i}` },
      );
    expect(last!.statusCode).toBe(429);
    expect(last!.json().error.code).toBe('rate_limited');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('requires the CSRF header for cookie-authenticated changes but not for API keys', async () => {
    const ws = await createTestWorkspace(t);
    const noCsrf = await caller(t.app, { cookie: ws.admin.cookie }).patch('/api/workspace', { name: 'Renamed' });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_failed');
    expect((await ws.admin.web.patch('/api/workspace', { name: 'Renamed' })).statusCode).toBe(200);
    expect((await ws.admin.api.patch('/api/workspace', { name: 'Renamed again' })).statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const ws = await createTestWorkspace(t);
    expect((await ws.admin.web.post('/api/auth/logout')).statusCode).toBe(200);
    const after = await ws.admin.web.get('/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('answers an expired session with session_expired', async () => {
    const ws = await createTestWorkspace(t);
    await t.database.db.execute(
      (await import('drizzle-orm')).sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${ws.admin.userId}`,
    );
    const { evictPrincipals } = await import('../../../kernel/auth/index.ts');
    await evictPrincipals(t.database);
    const res = await ws.admin.web.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });
});
