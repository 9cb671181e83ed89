import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { signToken } from '../../kernel/auth/index.ts';
import { rows } from '../../kernel/db/index.ts';
import { startWorker, type Worker } from '../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { renderToken } from '../capture/index.ts';

let t: TestPlatform;
let worker: Worker;
beforeAll(async () => {
  t = await createTestApp();
  worker = startWorker({ database: t.database, concurrency: 2, leaseSeconds: 30, pollMs: 20, backoffSeconds: 0.05 });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

async function withSender(ws: TestWorkspace) {
  const r = await ws.admin.api.post('/api/email/senders', {
    fromName: 'Acme',
    fromEmail: 'news@example.com',
    postalAddress: '1 Main St',
    isDefault: true,
  });
  expect(r.statusCode, r.body).toBe(201);
}

const consentOf = async (ws: TestWorkspace, email: string) =>
  (
    await rows<{ id: string; email_consent: string }>(
      t.database.db,
      sql`select c.id, c.email_consent from contacts c join contact_emails e on e.workspace_id = c.workspace_id and e.contact_id = c.id
          where c.workspace_id = ${ws.workspaceId} and e.email = ${email}`,
    )
  )[0]!;

const history = (ws: TestWorkspace, contactId: string) =>
  rows<{ status: string; source: string; ip: string | null; text_version: string | null }>(
    t.database.db,
    sql`select status, source, ip, text_version from consent_history where workspace_id = ${ws.workspaceId} and contact_id = ${contactId}
        order by recorded_at, id`,
  );

/** The confirmation link in the latest mail to an address (the outbox keeps mail when no SMTP relay is set). */
async function confirmLink(ws: TestWorkspace, to: string) {
  await worker.idle();
  const [m] = await rows<{ eml: string }>(
    t.database.db,
    sql`select eml from email_outbox where workspace_id = ${ws.workspaceId} and to_email = ${to} order by created_at desc limit 1`,
  );
  expect(m, `no mail to ${to}`).toBeDefined();
  const mail = await simpleParser(m!.eml);
  expect(mail.subject).toContain('Please confirm your subscription');
  const url = /https?:\/\/\S+?\/e\/confirm\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  expect(url, mail.text).not.toBeNull();
  return `/e/confirm/${url![1]}`;
}

const page = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, remoteAddress: '198.51.100.7' });

describe('double opt-in', () => {
  it('a form with double opt-in leaves consent pending until the emailed link is confirmed, with proof', async () => {
    const ws = await createTestWorkspace(t);
    const fields = [{ key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true }];
    const body = (slug: string, settings: Record<string, unknown>) => ({ name: 'Newsletter', slug, status: 'published', fields, settings });
    const consent = { text: 'Send me the newsletter.', required: true };

    const noConsent = await ws.admin.api.post('/api/forms', body(`doi-a-${ws.workspaceId.slice(-8)}`, { doubleOptIn: true }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.details.path).toEqual(['body', 'settings', 'doubleOptIn']);
    const noSender = await ws.admin.api.post('/api/forms', body(`doi-b-${ws.workspaceId.slice(-8)}`, { doubleOptIn: true, consent }));
    expect(noSender.statusCode).toBe(409);
    expect(noSender.json().error).toMatchObject({ code: 'email_sender_missing', details: { path: ['body', 'settings', 'doubleOptIn'] } });

    await withSender(ws);
    const created = await ws.admin.api.post('/api/forms', body(`doi-c-${ws.workspaceId.slice(-8)}`, { doubleOptIn: true, consent }));
    expect(created.statusCode, created.body).toBe(201);
    const form = created.json() as { id: string; slug: string; consentVersion: { id: string } };
    const sub = await t.app.inject({
      method: 'POST',
      url: `/f/${form.slug}`,
      payload: { _t: renderToken(t.secretKey, form.id, Date.now() - 60_000), email: 'ola@client.test', consent: true },
      remoteAddress: '203.0.113.9',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const c = await consentOf(ws, 'ola@client.test');
    expect(c.email_consent).toBe('pending');

    const link = await confirmLink(ws, 'ola@client.test');
    const shown = await page('GET', link);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Confirm subscription');
    expect((await consentOf(ws, 'ola@client.test')).email_consent).toBe('pending'); // a GET (or a link scanner) changes nothing

    const done = await page('POST', link);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('you are subscribed');
    expect((await consentOf(ws, 'ola@client.test')).email_consent).toBe('subscribed');
    const proof = (await history(ws, c.id)).at(-1)!;
    expect(proof).toMatchObject({ status: 'subscribed', ip: '198.51.100.7', text_version: form.consentVersion.id });
    expect(proof.source).toContain(`form:${form.id}`);

    const again = await page('POST', link);
    expect(again.body).toContain('Already confirmed');
    expect((await history(ws, c.id)).filter((h) => h.status === 'subscribed')).toHaveLength(1);
  });

  it('forged and expired links show a clear page and change nothing', async () => {
    const ws = await createTestWorkspace(t);
    const r = await ws.admin.api.post('/api/contacts', { firstName: 'Pia', emails: [{ email: 'pia@client.test' }] });
    const contactId = r.json().id as string;
    const data = { w: ws.workspaceId, c: contactId, k: 'form', s: contactId, n: 'Newsletter', v: null };
    const expired = signToken(t.secretKey, 'email.confirm', data, -60);
    const forged = signToken('not-the-instance-secret-not-the-instance-secret', 'email.confirm', data, 3600);
    for (const token of [forged, `${signToken(t.secretKey, 'email.confirm', data, 3600)}x`]) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await page(method, `/e/confirm/${token}`);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('expired or is not valid');
        expect(res.body).not.toContain('Send me a new confirmation link');
      }
      // Nobody can ask for confirmations to arbitrary people: the resend checks the signature too.
      const resend = await page('POST', `/e/confirm/${token}/resend`);
      expect(resend.statusCode).toBe(400);
      expect(resend.body).toContain('expired or is not valid');
    }
    for (const method of ['GET', 'POST'] as const) {
      const res = await page(method, `/e/confirm/${expired}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('This confirmation link has expired');
      expect(res.body).toContain(`action="/e/confirm/${expired}/resend"`);
    }
    expect((await consentOf(ws, 'pia@client.test')).email_consent).toBe('not_set');
    expect(await history(ws, contactId)).toHaveLength(0);
  });

  it('an expired link offers a fresh one: the resend mails a new link that confirms; then the admin resend refuses', async () => {
    const ws = await createTestWorkspace(t);
    await withSender(ws);
    const fields = [{ key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true }];
    const consent = { text: 'Send me the newsletter.', required: true };
    const created = await ws.admin.api.post('/api/forms', {
      name: 'Newsletter',
      slug: `doi-r-${ws.workspaceId.slice(-8)}`,
      status: 'published',
      fields,
      settings: { doubleOptIn: true, consent },
    });
    expect(created.statusCode, created.body).toBe(201);
    const form = created.json() as { id: string; slug: string };
    const sub = await t.app.inject({
      method: 'POST',
      url: `/f/${form.slug}`,
      payload: { _t: renderToken(t.secretKey, form.id, Date.now() - 60_000), email: 'rosa@client.test', consent: true },
      remoteAddress: '203.0.113.9',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const first = await confirmLink(ws, 'rosa@client.test');
    // The same link seven days later: same signed data, past its expiry.
    const { p: _p, e: _e, ...data } = JSON.parse(Buffer.from(first.split('/').pop()!.split('.')[0]!, 'base64url').toString('utf8'));
    const expired = `/e/confirm/${signToken(t.secretKey, 'email.confirm', data, -60)}`;
    const offer = await page('GET', expired);
    expect(offer.statusCode).toBe(400);
    expect(offer.body).toContain('Send me a new confirmation link');
    expect((await page('POST', expired)).statusCode).toBe(400); // confirming with it still changes nothing
    expect((await consentOf(ws, 'rosa@client.test')).email_consent).toBe('pending');

    const resent = await page('POST', `${expired}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.body).toContain('Check your inbox');
    const fresh = await confirmLink(ws, 'rosa@client.test');
    expect(fresh).not.toBe(first);
    expect((await page('POST', fresh)).body).toContain('you are subscribed');
    expect((await consentOf(ws, 'rosa@client.test')).email_consent).toBe('subscribed');

    // Confirmed: another resend answers the same page but sends nothing; the admin action says why.
    const mails = async () =>
      (
        await rows(
          t.database.db,
          sql`select 1 from email_messages where workspace_id = ${ws.workspaceId} and to_email = 'rosa@client.test'`,
        )
      ).length;
    expect(await mails()).toBe(2);
    expect((await page('POST', `${expired}/resend`)).body).toContain('Check your inbox');
    expect(await mails()).toBe(2);
    const contactId = (await consentOf(ws, 'rosa@client.test')).id;
    const admin = await ws.admin.api.post('/api/email/confirmations/resend', { contactId });
    expect(admin.statusCode).toBe(409);
    expect(admin.json().error.code).toBe('confirmation_not_pending');
  });

  it('the public resend never says whether someone exists, and is rate-limited per person', async () => {
    const ws = await createTestWorkspace(t);
    const nobody = { w: ws.workspaceId, c: crypto.randomUUID(), k: 'form', s: crypto.randomUUID(), n: 'Newsletter', v: null };
    const other = { ...nobody, c: crypto.randomUUID() };
    const url = (d: Record<string, unknown>) => `/e/confirm/${signToken(t.secretKey, 'email.confirm', d, -60)}/resend`;
    for (let i = 0; i < 3; i++) {
      const res = await page('POST', url(nobody));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Check your inbox');
    }
    const limited = await page('POST', url(nobody));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await page('POST', url(other))).statusCode).toBe(200); // the limit is per person
    expect(await rows(t.database.db, sql`select 1 from email_messages where workspace_id = ${ws.workspaceId}`)).toHaveLength(0);
  });

  it('the admin resend sends a pending list confirmation again, and says when there is none', async () => {
    const ws = await createTestWorkspace(t);
    await withSender(ws);
    const list = (await ws.admin.api.post('/api/lists', { name: 'Beta testers', doubleOptIn: true })).json();
    const sam = (await ws.admin.api.post('/api/contacts', { firstName: 'Sam', emails: [{ email: 'sam@client.test' }] })).json().id;
    const none = await ws.admin.api.post('/api/email/confirmations/resend', { contactId: sam });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('confirmation_not_found');
    await ws.admin.api.post(`/api/lists/${list.id}/members`, { contactIds: [sam] });
    expect(await confirmLink(ws, 'sam@client.test')).toMatch(/^\/e\/confirm\//);
    const again = await ws.admin.api.post('/api/email/confirmations/resend', { contactId: sam, sourceId: list.id });
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toMatchObject({ status: 'queued', to: 'sam@client.test' });
    // A second message went out (its link can equal the first's when both are signed in the same second).
    const sent = await rows(
      t.database.db,
      sql`select 1 from email_messages where workspace_id = ${ws.workspaceId} and to_email = 'sam@client.test'`,
    );
    expect(sent).toHaveLength(2);
    const fresh = await confirmLink(ws, 'sam@client.test');
    expect((await page('POST', fresh)).statusCode).toBe(200);
    expect(
      await rows(t.database.db, sql`select 1 from list_members where workspace_id = ${ws.workspaceId} and list_id = ${list.id}`),
    ).toHaveLength(1);
    const rep = await ws.member('viewer');
    expect((await rep.api.post('/api/email/confirmations/resend', { contactId: sam })).statusCode).toBe(403);
  });

  it('a double opt-in list sends confirmations instead of adding; confirming adds the contact once', async () => {
    const ws = await createTestWorkspace(t);
    const refused = await ws.admin.api.post('/api/lists', { name: 'VIP', doubleOptIn: true });
    expect(refused.statusCode).toBe(409);
    await withSender(ws);
    const list = await ws.admin.api.post('/api/lists', { name: 'VIP', doubleOptIn: true });
    expect(list.statusCode, list.body).toBe(201);
    expect(list.json().doubleOptIn).toBe(true);
    const q = await ws.admin.api.post('/api/contacts', { firstName: 'Quinn', emails: [{ email: 'quinn@client.test' }] });
    const quinn = q.json().id as string;
    const add = await ws.admin.api.post(`/api/lists/${list.json().id}/members`, { contactIds: [quinn] });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json()).toMatchObject({ changed: 0, memberCount: 0, confirmationsSent: 1 });
    expect((await consentOf(ws, 'quinn@client.test')).email_consent).toBe('pending');

    const link = await confirmLink(ws, 'quinn@client.test');
    expect((await page('POST', link)).statusCode).toBe(200);
    expect((await page('POST', link)).statusCode).toBe(200);
    const members = await rows<{ contact_id: string; source: string }>(
      t.database.db,
      sql`select contact_id, source from list_members where list_id = ${list.json().id}`,
    );
    expect(members).toEqual([{ contact_id: quinn, source: 'confirmed' }]);
    expect((await ws.admin.api.get(`/api/lists/${list.json().id}`)).json().memberCount).toBe(1);
    expect((await consentOf(ws, 'quinn@client.test')).email_consent).toBe('subscribed');
  });
});
