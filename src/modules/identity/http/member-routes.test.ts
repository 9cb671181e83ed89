import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import { startWorker } from '../../../kernel/jobs/index.ts';
import { caller, type TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tokenOf = (url: string) => url.split('/invite/')[1]!;

describe('invites', () => {
  it('invites a new person by link; they set a password, join with the role and can sign in', async () => {
    const ws = await createTestWorkspace(t);
    const res = await ws.admin.web.post('/api/invites', { email: 'New.Rep@Example.com', role: 'sales_rep' });
    expect(res.statusCode).toBe(201);
    const { url } = res.json();
    expect(url).toMatch(/^http:\/\/tandem\.test\/invite\//);
    const anon = caller(t.app);
    const peek = await anon.get(`/api/invites/by-token/${tokenOf(url)}`);
    expect(peek.json()).toEqual({
      email: 'new.rep@example.com',
      workspaceId: ws.workspaceId,
      workspaceName: 'Acme',
      role: 'sales_rep',
      hasAccount: false,
    });
    const accept = await anon.post(`/api/invites/by-token/${tokenOf(url)}/accept`, {
      name: 'Rita Rep',
      password: 'a long enough password',
    });
    expect(accept.statusCode).toBe(200);
    const login = await anon.post('/api/auth/login', { email: 'new.rep@example.com', password: 'a long enough password' });
    expect(login.statusCode).toBe(200);
    const members = (await ws.admin.api.get('/api/users')).json().items;
    expect(members.find((m: { email: string }) => m.email === 'new.rep@example.com')).toMatchObject({
      role: 'sales_rep',
      name: 'Rita Rep',
    });
    const again = await anon.post(`/api/invites/by-token/${tokenOf(url)}/accept`, { name: 'Rita', password: 'a long enough password' });
    expect(again.json().error.code).toBe('invite_not_found');
  });

  it('mails the invite through the transactional send: a message record, and the accept link in the outbox', async () => {
    const ws = await createTestWorkspace(t);
    const bare = (await ws.admin.api.post('/api/invites', { email: 'early@example.com', role: 'viewer' })).json();
    expect(bare.emailId).toBeNull(); // no sender yet: the link is only in the answer
    const sender = await ws.admin.api.post('/api/email/senders', {
      fromName: 'Acme Team',
      fromEmail: 'team@acme.example',
      postalAddress: '1 Main St',
      isDefault: true,
    });
    expect(sender.statusCode, sender.body).toBe(201);
    const contact = await ws.admin.api.post('/api/contacts', { firstName: 'Mailed', emails: [{ email: 'mailed.rep@example.com' }] });
    expect(contact.statusCode, contact.body).toBe(201);
    const res = await ws.admin.api.post('/api/invites', { email: 'Mailed.Rep@Example.com', role: 'sales_rep' });
    expect(res.statusCode, res.body).toBe(201);
    const { url, emailId } = res.json();
    const [message] = await rows<{ to_email: string; status: string; data: Record<string, string>; subject: string }>(
      t.database.db,
      sql`select to_email, status, data, subject from email_messages where workspace_id = ${ws.workspaceId} and id = ${emailId}`,
    );
    expect(message).toMatchObject({ to_email: 'mailed.rep@example.com', data: { invite_url: url, workspace_name: 'Acme' } });
    expect(message!.subject).toContain('invited you to Acme');
    const worker = startWorker({ database: t.database, concurrency: 1, leaseSeconds: 30, pollMs: 20, backoffSeconds: 0.05 });
    try {
      await worker.idle();
    } finally {
      await worker.stop();
    }
    const [out] = await rows<{ id: string; eml: string }>(
      t.database.db,
      sql`select id, eml from email_outbox where workspace_id = ${ws.workspaceId} and message_id = ${emailId}`,
    );
    expect(out, 'the invite is in the outbox (no SMTP relay in tests)').toBeDefined();
    const mail = await simpleParser(out!.eml);
    expect(mail.from?.value[0]).toMatchObject({ name: 'Acme Team', address: 'team@acme.example' });
    expect(mail.text).toContain(url);
    // The link makes its holder a member: only those who may invite see the mail in the outbox, and it is not logged on
    // the invitee's contact timeline (which every rep can read).
    const viewer = await ws.member('viewer');
    expect((await viewer.api.get('/api/email/outbox')).json().items.map((i: { id: string }) => i.id)).not.toContain(out!.id);
    expect((await viewer.api.get(`/api/email/outbox/${out!.id}`)).statusCode).toBe(404);
    expect((await viewer.api.get(`/api/email/outbox/${out!.id}.eml`)).statusCode).toBe(404);
    expect((await ws.admin.api.get(`/api/email/outbox/${out!.id}`)).statusCode).toBe(200);
    const logged = await rows(
      t.database.db,
      sql`select 1 from activity_links where workspace_id = ${ws.workspaceId} and entity_id = ${contact.json().id}`,
    );
    expect(logged).toHaveLength(0);
    // The emailed link is the working one.
    const accept = await caller(t.app).post(`/api/invites/by-token/${tokenOf(url)}/accept`, {
      name: 'Mailed Rep',
      password: 'a long enough password',
    });
    expect(accept.statusCode).toBe(200);
  });

  it('lets an existing user join another workspace with their current password only', async () => {
    const a = await createTestWorkspace(t, 'Alpha');
    const b = await createTestWorkspace(t, 'Beta');
    const { url } = (await b.admin.api.post('/api/invites', { email: a.admin.email, role: 'marketing' })).json();
    const anon = caller(t.app);
    expect((await anon.get(`/api/invites/by-token/${tokenOf(url)}`)).json().hasAccount).toBe(true);
    const wrong = await anon.post(`/api/invites/by-token/${tokenOf(url)}/accept`, { password: 'not my password' });
    expect(wrong.json().error).toMatchObject({ code: 'invalid_credentials', details: { path: ['body', 'password'] } });
    expect((await anon.post(`/api/invites/by-token/${tokenOf(url)}/accept`, { password: a.admin.password })).statusCode).toBe(200);
    const me = (await a.admin.web.get('/api/me')).json();
    expect(me.workspaces.map((w: { name: string }) => w.name).sort()).toEqual(['Alpha', 'Beta']);
    expect((await a.admin.web.post('/api/auth/switch-workspace', { workspaceId: b.workspaceId })).statusCode).toBe(200);
    expect((await a.admin.web.get('/api/me')).json()).toMatchObject({ workspace: { id: b.workspaceId }, role: 'marketing' });
  });

  it('rejects expired and revoked invites, and a weak password, without creating anyone', async () => {
    const ws = await createTestWorkspace(t);
    const anon = caller(t.app);
    const expired = (await ws.admin.api.post('/api/invites', { email: 'late@example.com', role: 'viewer' })).json();
    await t.database.db.execute(sql`update invites set expires_at = now() - interval '1 second' where id = ${expired.id}`);
    expect((await anon.get(`/api/invites/by-token/${tokenOf(expired.url)}`)).json().error.code).toBe('invite_expired');
    const revoked = (await ws.admin.api.post('/api/invites', { email: 'gone@example.com', role: 'viewer' })).json();
    expect((await ws.admin.api.delete(`/api/invites/${revoked.id}`)).statusCode).toBe(200);
    expect((await anon.get(`/api/invites/by-token/${tokenOf(revoked.url)}`)).statusCode).toBe(404);
    const weak = (await ws.admin.api.post('/api/invites', { email: 'weak@example.com', role: 'viewer' })).json();
    const res = await anon.post(`/api/invites/by-token/${tokenOf(weak.url)}/accept`, { name: 'W', password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('at least 10 characters');
    expect(
      await rows(t.database.db, sql`select 1 from users where email in ('late@example.com', 'gone@example.com', 'weak@example.com')`),
    ).toHaveLength(0);
  });

  it('refuses to invite someone who is already a member', async () => {
    const ws = await createTestWorkspace(t);
    const res = await ws.admin.api.post('/api/invites', { email: ws.admin.email, role: 'viewer' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_member');
  });
});

describe('members', () => {
  it('changes a role, which takes effect on the member’s next request', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    expect((await rep.api.get('/api/api-keys')).statusCode).toBe(403);
    expect((await ws.admin.api.patch(`/api/users/${rep.userId}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await rep.api.get('/api/me')).json().role).toBe('admin');
  });

  it('never leaves a workspace without an admin', async () => {
    const ws = await createTestWorkspace(t);
    const demote = await ws.admin.api.patch(`/api/users/${ws.admin.userId}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_admin');
    expect((await ws.admin.api.delete(`/api/users/${ws.admin.userId}`)).json().error.code).toBe('last_admin');
  });

  it('removing a member ends their sessions and keys in this workspace', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    expect((await ws.admin.api.delete(`/api/users/${rep.userId}`)).statusCode).toBe(200);
    expect((await rep.web.get('/api/me')).statusCode).toBe(401);
    expect((await rep.api.get('/api/me')).json().error.code).toBe('api_key_revoked');
  });

  it('records every change in the audit log', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    await ws.admin.api.patch(`/api/users/${rep.userId}`, { role: 'marketing' });
    const [row] = await rows<{ actor_id: string; before: unknown; after: unknown }>(
      t.database.db,
      sql`select actor_id, before, after from audit_log where workspace_id = ${ws.workspaceId} and action = 'member.role_changed'`,
    );
    expect(row).toEqual({ actor_id: ws.admin.userId, before: { role: 'sales_rep' }, after: { role: 'marketing' } });
  });
});

describe('profile', () => {
  it('changes the password only with the current one, and ends other sessions', async () => {
    const ws = await createTestWorkspace(t);
    const wrong = await ws.admin.web.patch('/api/me', { currentPassword: 'nope nope nope', newPassword: 'brand new password' });
    expect(wrong.json().error).toMatchObject({ code: 'invalid_credentials', details: { path: ['body', 'currentPassword'] } });
    const other = await caller(t.app).post('/api/auth/login', { email: ws.admin.email, password: ws.admin.password });
    const otherCookie = `tandem_session=${other.cookies[0]!.value}`;
    expect(
      (await ws.admin.web.patch('/api/me', { currentPassword: ws.admin.password, newPassword: 'brand new password' })).statusCode,
    ).toBe(200);
    expect((await caller(t.app, { cookie: otherCookie }).get('/api/me')).statusCode).toBe(401);
    expect((await ws.admin.web.get('/api/me')).statusCode).toBe(200);
    expect((await caller(t.app).post('/api/auth/login', { email: ws.admin.email, password: 'brand new password' })).statusCode).toBe(200);
  });
});
