import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { recordContactEvents } from '../../engagement/index.ts';
import { powSolves, renderToken } from '../spam.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
async function newForm(ws: TestWorkspace, settings: Record<string, unknown> = {}) {
  const slug = `signup-${ws.workspaceId.slice(-8)}-${n++}`;
  const res = await ws.admin.api.post('/api/forms', {
    name: 'Newsletter',
    slug,
    status: 'published',
    fields: [
      { key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true },
      { key: 'first_name', label: 'First name', type: 'text', mapTo: 'contact.firstName' },
      { key: 'last_name', label: 'Last name', type: 'text', mapTo: 'contact.lastName' },
      { key: 'seats', label: 'Seats', type: 'number', min: 1, max: 500 },
      { key: 'utm_source', label: 'Source', type: 'hidden', mapTo: 'utm.source' },
    ],
    settings: { consent: { text: 'Send me the newsletter.', required: false }, minFillSeconds: 3, ...settings },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; slug: string; consentVersion: { id: string; version: number } };
}

/** A render token from a minute ago, as if a person had filled the form in. */
const token = (formId: string, agoMs = 60_000) => renderToken(t.secretKey, formId, Date.now() - agoMs);
let ipSeq = 0;
const nextIp = () => `203.0.113.${++ipSeq}`;

function postJson(slug: string, body: Record<string, unknown>, ip = nextIp()) {
  return t.app.inject({
    method: 'POST',
    url: `/f/${slug}`,
    payload: body,
    headers: { origin: 'https://elsewhere.example' },
    remoteAddress: ip,
  });
}
function postForm(slug: string, body: Record<string, string>, ip = nextIp()) {
  return t.app.inject({
    method: 'POST',
    url: `/f/${slug}`,
    payload: new URLSearchParams(body).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    remoteAddress: ip,
  });
}
const contactsWith = (ws: TestWorkspace, email: string) =>
  rows<{ id: string; first_name: string; last_name: string; email_consent: string; lifecycle_stage: string | null; first_touch: unknown }>(
    t.database.db,
    sql`select c.id, c.first_name, c.last_name, c.email_consent, c.lifecycle_stage, c.first_touch from contacts c join contact_emails e
        on e.workspace_id = c.workspace_id and e.contact_id = c.id where c.workspace_id = ${ws.workspaceId} and e.email = ${email}`,
  );

describe('public form submissions', () => {
  it('creates a new contact with consent proof, UTM, a form_submit event and a stored submission', async () => {
    const ws = await createTestWorkspace(t);
    const form = await newForm(ws);
    const res = await postJson(form.slug, {
      _t: token(form.id),
      email: ' Nora@Example.org ',
      first_name: 'Nora',
      consent: true,
      _page_url: 'https://www.example.com/pricing?utm_source=linkedin&utm_medium=cpc&utm_campaign=q4',
      _referrer: 'https://www.linkedin.com/',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, message: expect.any(String), redirectUrl: null });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const [c] = await contactsWith(ws, 'nora@example.org');
    expect(c).toMatchObject({ first_name: 'Nora', email_consent: 'subscribed', lifecycle_stage: 'lead' });
    const [proof] = await rows<{ ip: string; text_version: string; source: string; legal_basis: string }>(
      t.database.db,
      sql`select ip, text_version, source, legal_basis from consent_history where workspace_id = ${ws.workspaceId} and contact_id = ${c!.id}`,
    );
    expect(proof).toMatchObject({ text_version: form.consentVersion.id, source: `form:${form.id}`, legal_basis: 'consent' });
    expect(proof!.ip).toMatch(/^203\.0\.113\./);
    const [ev] = await rows<{ kind: string; subject_id: string; props: { utm: Record<string, string>; referrer: string } }>(
      t.database.db,
      sql`select kind, subject_id, props from contact_events where workspace_id = ${ws.workspaceId} and contact_id = ${c!.id}`,
    );
    expect(ev).toMatchObject({
      kind: 'form_submit',
      subject_id: form.id,
      props: { utm: { source: 'linkedin', medium: 'cpc', campaign: 'q4' }, referrer: 'https://www.linkedin.com/' },
    });
    const subs = (await ws.admin.api.get(`/api/forms/${form.id}/submissions`)).json();
    expect(subs.items).toHaveLength(1);
    expect(subs.items[0]).toMatchObject({
      outcome: 'created',
      consentGiven: true,
      consentVersion: 1,
      contactId: c!.id,
      utm: { source: 'linkedin' },
    });
    const notes = await rows(
      t.database.db,
      sql`select 1 from notifications where workspace_id = ${ws.workspaceId} and kind = 'form_submission'`,
    );
    expect(notes.length).toBe(0); // no owner (routing off, system actor) and nobody to notify
  });

  it('answers an existing contact exactly like a new one and fills only empty fields', async () => {
    const ws = await createTestWorkspace(t);
    const form = await newForm(ws, { notifyUserIds: [ws.admin.userId] });
    const existing = (await ws.admin.api.post('/api/contacts', { firstName: 'Kim', emails: [{ email: 'kim@example.org' }] })).json();
    const a = await postJson(form.slug, { _t: token(form.id), email: 'kim@example.org', first_name: 'Kimberly', last_name: 'Lee' });
    const b = await postJson(form.slug, { _t: token(form.id), email: 'brand-new@example.org', first_name: 'Bo' });
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.body).toBe(b.body);
    expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());
    const [kim] = await contactsWith(ws, 'kim@example.org');
    expect(kim).toMatchObject({ id: existing.id, first_name: 'Kim', last_name: 'Lee' });
    const count = await rows(t.database.db, sql`select 1 from contacts where workspace_id = ${ws.workspaceId}`);
    expect(count).toHaveLength(2);
    const notes = await rows<{ user_id: string; link: string }>(
      t.database.db,
      sql`select user_id, link from notifications where workspace_id = ${ws.workspaceId} and kind = 'form_submission' order by created_at`,
    );
    expect(notes.map((x) => x.link)).toContain(`/contacts/${existing.id}`);
  });

  it('discards spam that looks accepted: honeypot, too fast, missing token, rate limit', async () => {
    const ws = await createTestWorkspace(t);
    const form = await newForm(ws);
    const ok = (await postJson(form.slug, { _t: token(form.id), email: 'real@example.org' })).body;
    const honeypot = await postJson(form.slug, { _t: token(form.id), email: 'bot1@example.org', _website: 'http://spam.example' });
    const fast = await postJson(form.slug, { _t: token(form.id, 500), email: 'bot2@example.org' });
    const noToken = await postJson(form.slug, { email: 'bot3@example.org' });
    for (const r of [honeypot, fast, noToken]) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe(ok);
    }
    const ip = '198.18.0.7';
    for (let i = 0; i < 20; i++)
      expect((await postJson(form.slug, { _t: token(form.id), email: `burst${i}@example.org` }, ip)).statusCode).toBe(200);
    const limited = await postJson(form.slug, { _t: token(form.id), email: 'burst-over@example.org' }, ip);
    expect(limited.body).toBe(ok);
    expect(await contactsWith(ws, 'burst-over@example.org')).toHaveLength(0);
    for (const e of ['bot1@example.org', 'bot2@example.org', 'bot3@example.org']) expect(await contactsWith(ws, e)).toHaveLength(0);
    const saved = (await ws.admin.api.get(`/api/forms/${form.id}`)).json();
    expect(saved).toMatchObject({ spamCount: 4, submissionCount: 21 });
  });

  it('requires the proof of work when the form asks for it', async () => {
    const ws = await createTestWorkspace(t);
    const form = await newForm(ws, { proofOfWork: true });
    const tk = token(form.id);
    await postJson(form.slug, { _t: tk, email: 'lazy@example.org', _pow: '1' });
    expect(await contactsWith(ws, 'lazy@example.org')).toHaveLength(0);
    let nonce = 0;
    while (!powSolves(tk, String(nonce))) nonce++;
    await postJson(form.slug, { _t: tk, email: 'worker@example.org', _pow: String(nonce) });
    expect(await contactsWith(ws, 'worker@example.org')).toHaveLength(1);
  });

  it('rejects unknown fields, bad values and non-text values with the path; nothing is written', async () => {
    const ws = await createTestWorkspace(t);
    const form = await newForm(ws);
    const unknown = await postJson(form.slug, { _t: token(form.id), email: 'x@example.org', favourite_color: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'favourite_color'] } });
    const bad = await postJson(form.slug, { _t: token(form.id), email: 'not-an-email', seats: '9000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.path).toEqual(['body', 'email']);
    expect(bad.json().error.details.fields.map((f: { key: string }) => f.key)).toEqual(['email', 'seats']);
    const nested = await postJson(form.slug, { _t: token(form.id), email: { $gt: '' } });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.details.path).toEqual(['body', 'email']);
    const huge = await postJson(form.slug, { _t: token(form.id), email: 'big@example.org', first_name: 'x'.repeat(70_000) });
    expect(huge.statusCode).toBe(413);
    const missing = await postJson('no-such-form-anywhere', { email: 'a@example.org' });
    expect(missing.statusCode).toBe(404);
    expect(await rows(t.database.db, sql`select 1 from form_submissions where workspace_id = ${ws.workspaceId}`)).toHaveLength(0);
  });

  it('works without JavaScript: 303 to the thank-you page, a friendly page for errors', async () => {
    const ws = await createTestWorkspace(t);
    const form = await newForm(ws);
    const page = await t.app.inject({ method: 'GET', url: `/f/${form.slug}?utm_source=newsletter` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(/name="_t" value="([^"]+)"/.exec(page.body)).toBeTruthy();
    const tk = token(form.id); // as if the page had been rendered a minute ago
    expect(page.body).toContain('name="utm_source" id="tdm-');
    expect(page.body).toContain('value="newsletter"');
    const ok = await postForm(form.slug, {
      _t: renderToken(t.secretKey, form.id, Date.now() - 10_000),
      email: 'nojs@example.org',
      utm_source: 'newsletter',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/f/${form.slug}/thanks`);
    expect((await contactsWith(ws, 'nojs@example.org'))[0]).toBeTruthy();
    const thanks = await t.app.inject({ method: 'GET', url: ok.headers.location as string });
    expect(thanks.body).toContain('tdm-thanks');
    const invalid = await postForm(form.slug, { _t: tk, email: 'nope', first_name: '<script>alert(1)</script>' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('must be an email address');
    expect(invalid.body).not.toContain('<script>alert(1)');
    expect(invalid.body).toContain('&lt;script&gt;');
    const unknown = await postForm(form.slug, { _t: tk, email: 'a@example.org', hack: '1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('text/html');
    expect(unknown.body).toContain('has no field');
  });

  it('stitches the tracking visitor’s anonymous history to the contact', async () => {
    const ws = await createTestWorkspace(t);
    const form = await newForm(ws);
    const visitor = '0193a000-0000-7000-8000-00000000abcd';
    await recordContactEvents(t.database.db, ws.workspaceId, [{ kind: 'page_view', visitorId: visitor, url: 'https://www.example.com/' }]);
    await postJson(form.slug, { _t: token(form.id), email: 'visitor@example.org', tandem_visitor: visitor });
    const [c] = await contactsWith(ws, 'visitor@example.org');
    const evs = await rows<{ kind: string; contact_id: string }>(
      t.database.db,
      sql`select kind, contact_id from contact_events where workspace_id = ${ws.workspaceId} and visitor_id = ${visitor} order by occurred_at`,
    );
    expect(evs.map((e) => [e.kind, e.contact_id])).toEqual([
      ['page_view', c!.id],
      ['form_submit', c!.id],
    ]);
  });

  it('routes new leads through the contacts module (routing on: the rule’s owner is notified)', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    await ws.admin.api.patch('/api/routing/settings', { enabled: true });
    await ws.admin.api.post('/api/routing/rules', { name: 'All', strategy: 'owner', ownerId: rep.userId });
    const form = await newForm(ws);
    await postJson(form.slug, { _t: token(form.id), email: 'routed@example.org' });
    const [c] = await rows<{ owner_id: string }>(
      t.database.db,
      sql`select owner_id from contacts where workspace_id = ${ws.workspaceId} and email = 'routed@example.org'`,
    );
    expect(c!.owner_id).toBe(rep.userId);
    const notes = await rows(t.database.db, sql`select 1 from notifications where user_id = ${rep.userId} and kind = 'form_submission'`);
    expect(notes).toHaveLength(1);
  });

  it('keeps consent versions: a changed text is a new version, old submissions keep theirs', async () => {
    const ws = await createTestWorkspace(t);
    const form = await newForm(ws);
    await postJson(form.slug, { _t: token(form.id), email: 'v1@example.org', consent: 'true' });
    const changed = (
      await ws.admin.api.patch(`/api/forms/${form.id}`, { settings: { consent: { text: 'Send me news and offers.', required: false } } })
    ).json();
    expect(changed.consentVersion).toMatchObject({ version: 2, text: 'Send me news and offers.' });
    const same = (await ws.admin.api.patch(`/api/forms/${form.id}`, { name: 'Renamed' })).json();
    expect(same.consentVersion.version).toBe(2);
    await postJson(form.slug, { _t: token(form.id), email: 'v2@example.org', consent: 'true' });
    const subs = (await ws.admin.api.get(`/api/forms/${form.id}/submissions`)).json().items;
    expect(subs.map((s: { consentVersion: number }) => s.consentVersion)).toEqual([2, 1]);
    const csv = await ws.admin.api.get(`/api/forms/${form.id}/submissions.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('submitted_at,outcome,contact_id,email');
    expect(csv.body).toContain('v1@example.org');
  });
});
