import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import { startWorker, type Worker } from '../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { closeSmtpPools } from './index.ts';
import { startSmtpSink } from './testing/smtp-sink.ts';
import { verifyDkim } from './testing/verify-dkim.ts';

let t: TestPlatform;
let worker: Worker;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink({ rejectRcpt: (to) => (to.startsWith('reject') ? 'No such user here' : undefined) });
  worker = startWorker({ database: t.database, concurrency: 2, leaseSeconds: 30, pollMs: 20, backoffSeconds: 0.05 });
});
afterAll(async () => {
  await worker.stop();
  closeSmtpPools();
  await sink.close();
  await t.close();
});

const mjml = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hello {{ contact.first_name }} from {{ company.name | default: "your company" }}</mj-text>
<mj-button href="https://example.org/pricing?plan=pro&amp;ref=mail">See pricing</mj-button>
</mj-column></mj-section></mj-body></mjml>`;

async function contact(ws: TestWorkspace, firstName: string, email: string, extra: Record<string, unknown> = {}) {
  const r = await ws.admin.api.post('/api/contacts', { firstName, lastName: 'Test', emails: [{ email }], ...extra });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

async function setUp(withTransport = true) {
  const ws = await createTestWorkspace(t);
  let transportId: string | undefined;
  if (withTransport) {
    const tr = await ws.admin.api.post('/api/email/transports', {
      name: 'Sink',
      host: '127.0.0.1',
      port: sink.port,
      password: 'hunter2',
      isDefault: true,
    });
    expect(tr.statusCode, tr.body).toBe(201);
    expect(tr.json()).toMatchObject({ hasPassword: true });
    expect(tr.body).not.toContain('hunter2');
    transportId = tr.json().id;
  }
  const domain = (await ws.admin.api.post('/api/email/domains', { domain: 'example.com', selector: 'mail' })).json();
  const sender = (
    await ws.admin.api.post('/api/email/senders', {
      fromName: 'Acme News',
      fromEmail: 'news@example.com',
      postalAddress: '1 Main St, Springfield',
      isDefault: true,
    })
  ).json();
  const type = (await ws.admin.api.post('/api/email/subscription-types', { key: 'newsletter', name: 'Newsletter' })).json();
  const template = await ws.admin.api.post('/api/email/templates', {
    name: 'Monthly',
    format: 'mjml',
    subject: 'News for {{ contact.first_name }}',
    body: mjml,
  });
  expect(template.statusCode, template.body).toBe(201);
  return { ws, domain, sender, type, template: template.json(), transportId };
}

/** A header's raw value, unfolded (mailparser turns the List-* ones into objects). */
const header = (mail: { headerLines: readonly { key: string; line: string }[] }, key: string) => {
  const line = mail.headerLines.find((h) => h.key === key)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
};

const t0 = Date.now();
const step = (what: string) => process.env.EMAIL_TEST_STEPS && console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s ${what}`);

const dkimKey = (domain: { records: { purpose: string; value: string }[] }) =>
  domain.records.find((r) => r.purpose === 'DKIM')!.value.split('p=')[1]!;

describe('broadcasts over real SMTP', () => {
  it('delivers signed, personalized, tracked mail with one-click unsubscribe to everyone eligible and nobody else', async () => {
    const { ws, domain, sender, type, template } = await setUp();
    const ann = await contact(ws, 'Ann', 'ann@client.test', { tags: ['news'] });
    const bob = await contact(ws, 'Bob', 'bob@client.test', { tags: ['news'] });
    await contact(ws, 'Cat', 'cat@client.test', { tags: ['news'] });
    await contact(ws, 'Dan', 'dan@client.test', { tags: ['news'], doNotContact: true });
    await contact(ws, 'Eve', 'eve@client.test', { tags: ['other'] });
    expect((await ws.admin.api.post('/api/email/suppressions', { email: 'CAT@client.test' })).statusCode).toBe(201);
    const audience = { kind: 'filter', filter: { field: 'tags', op: 'has_any', value: ['news'] } };
    const est = await ws.admin.api.post('/api/email/broadcasts/estimate', { audience, subscriptionTypeId: type.id });
    expect(est.json()).toEqual({ audience: 4, suppressed: 2, recipients: 2 });

    const b = await ws.admin.api.post('/api/email/broadcasts', {
      name: 'March news',
      senderId: sender.id,
      subscriptionTypeId: type.id,
      audience,
      variants: [{ templateId: template.id }],
    });
    expect(b.statusCode, b.body).toBe(201);
    const before = sink.messages.length;
    step('send');
    expect((await ws.admin.api.post(`/api/email/broadcasts/${b.json().id}/send`, {})).json().status).toBe('sending');
    await worker.idle();
    const got = sink.messages.slice(before);
    expect(got.map((m) => m.to[0]).sort()).toEqual(['ann@client.test', 'bob@client.test']);
    const status = (await ws.admin.api.get(`/api/email/broadcasts/${b.json().id}`)).json();
    expect(status).toMatchObject({ status: 'sent', recipientCount: 4, progress: { sent: 2, suppressed: 2 } });

    const raw = got.find((m) => m.to[0] === 'ann@client.test')!;
    const mail = await sink.parse(raw);
    expect(mail.subject).toBe('News for Ann');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Acme News', address: 'news@example.com' });
    expect(mail.text).toContain('Hello Ann');
    expect(mail.html).toContain('Hello Ann');
    expect(mail.text).toContain('1 Main St, Springfield');
    const lu = header(mail, 'list-unsubscribe');
    expect(lu).toMatch(/^<http:\/\/tandem\.test\/u\/[^>]+>, <mailto:unsubscribe@tandem\.test\?subject=unsubscribe%20[0-9a-f-]+>$/);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail, 'list-id')).toMatch(/^<newsletter\.[0-9a-f]{8}\.list-id\.tandem\.test>$/);
    expect(verifyDkim(raw.raw, dkimKey(domain))).toMatchObject({ ok: true, tags: { d: 'example.com', s: 'mail' } });
    // Tampering with the body breaks the signature.
    expect(verifyDkim(Buffer.from(String(raw.raw).replace('Hello Ann', 'Hello Bob')), dkimKey(domain)).ok).toBe(false);

    // The pricing link is a signed redirect to exactly that URL; the pixel records an open.
    step('click');
    const click = (mail.html as string).match(/href="http:\/\/tandem\.test(\/e\/c\/[^"]+)"/)![1]!;
    const redirect = await t.app.inject({ method: 'GET', url: click, headers: { 'user-agent': 'Mozilla/5.0 (Macintosh) Firefox/130.0' } });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('https://example.org/pricing?plan=pro&ref=mail');
    const forged = await t.app.inject({ method: 'GET', url: `${click.slice(0, -3)}abc` });
    expect(forged.statusCode).toBe(404);
    const [, body] = click.split('/e/c/')[1]!.split('.');
    const evil = Buffer.from(JSON.stringify({ w: ws.workspaceId, m: 'x', u: 'https://evil.test', p: 'email.click' })).toString('base64url');
    expect((await t.app.inject({ method: 'GET', url: `/e/c/${evil}.${body}` })).statusCode).toBe(404);
    const pixel = (mail.html as string).match(/src="http:\/\/tandem\.test(\/e\/o\/[^"]+)"/)![1]!;
    await new Promise((r) => setTimeout(r, 3100)); // sooner than 3 s after sending counts as a machine prefetch
    const open = await t.app.inject({
      method: 'GET',
      url: pixel,
      headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Thunderbird/128.0' },
    });
    expect(open.headers['content-type']).toBe('image/gif');
    const report = (await ws.admin.api.get(`/api/email/broadcasts/${b.json().id}/report`)).json();
    expect(report.total).toMatchObject({ sent: 2, opened: 1, clicked: 1, suppressed: 2 });
    expect(report.links).toEqual([{ url: 'https://example.org/pricing?plan=pro&ref=mail', clicks: 1, uniqueClicks: 1 }]);
    const events = await rows<{ kind: string; n: number }>(
      t.database.db,
      sql`select kind, count(*)::int as n from contact_events where workspace_id = ${ws.workspaceId} and subject_id = ${b.json().id} group by kind order by kind`,
    );
    expect(events).toEqual([
      { kind: 'email_click', n: 1 },
      { kind: 'email_open', n: 1 },
      { kind: 'email_sent', n: 2 },
    ]);

    // One-click unsubscribe: a bare POST, no cookie, as Gmail sends it. A forged token changes nothing.
    step('unsubscribe');
    const url = new URL(lu.slice(1, lu.indexOf('>')));
    const bad = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}x`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bad.statusCode).toBe(400);
    const one = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(one.statusCode).toBe(200);
    const optOuts = await rows(t.database.db, sql`select contact_id from email_opt_outs where workspace_id = ${ws.workspaceId}`);
    expect(optOuts).toEqual([{ contact_id: ann }]);

    // The next newsletter skips Ann (opted out of the type), still reaches Bob.
    const b2 = (
      await ws.admin.api.post('/api/email/broadcasts', {
        name: 'April news',
        senderId: sender.id,
        subscriptionTypeId: type.id,
        audience,
        variants: [{ templateId: template.id }],
      })
    ).json();
    step('second');
    const before2 = sink.messages.length;
    await ws.admin.api.post(`/api/email/broadcasts/${b2.id}/send`, {});
    await worker.idle();
    expect(sink.messages.slice(before2).map((m) => m.to[0])).toEqual(['bob@client.test']);
    expect(bob).toBeTruthy();
  }, 180_000);

  it('splits A/B variants, holds the rest and sends it the winner', async () => {
    const { ws, sender, template } = await setUp();
    const other = (
      await ws.admin.api.post('/api/email/templates', {
        name: 'B',
        format: 'html',
        subject: 'Other subject',
        body: '<p>Hi {{ contact.first_name }}</p>',
      })
    ).json();
    // Buckets come from the random tail of each contact id: with 40 people, about 20 land in the test split, and the
    // chance that all of them draw the same variant (which would fail the check below) is about one in a million.
    for (let i = 0; i < 40; i++) await contact(ws, `P${i}`, `p${i}@ab.test`);
    const b = (
      await ws.admin.api.post('/api/email/broadcasts', {
        name: 'AB',
        senderId: sender.id,
        audience: { kind: 'filter', filter: { field: 'email', op: 'contains', value: '@ab.test' } },
        variants: [{ templateId: template.id }, { templateId: other.id, subject: 'B for {{ contact.first_name }}' }],
        testFraction: 0.5,
        winnerAfterHours: 0,
      })
    ).json();
    const before = sink.messages.length;
    await ws.admin.api.post(`/api/email/broadcasts/${b.id}/send`, {});
    await worker.idle();
    await worker.idle();
    const got = sink.messages.slice(before);
    expect(new Set(got.map((m) => m.to[0])).size).toBe(40);
    expect(got).toHaveLength(40);
    const final = (await ws.admin.api.get(`/api/email/broadcasts/${b.id}`)).json();
    // On a failure, the jobs' own account of what happened (a retry, an error) says why.
    const jobs = await rows(t.database.db, sql`select name, status, attempts, last_error, run_at::text from jobs order by created_at`);
    expect(final.status, JSON.stringify(jobs)).toBe('sent');
    expect(final.winnerVariantId).toBeTruthy();
    const subjects = await Promise.all(got.map(async (m) => (await sink.parse(m)).subject ?? ''));
    expect(subjects.some((s) => s.startsWith('B for P'))).toBe(true);
    expect(subjects.some((s) => s.startsWith('News for P'))).toBe(true);

    // The list shows both variants; a finished broadcast carries no counts (done by definition), one under way does.
    const listed = async () => (await ws.admin.api.get('/api/email/broadcasts')).json().items.find((x: { id: string }) => x.id === b.id);
    expect((await listed()).variants).toHaveLength(2);
    expect((await listed()).progress).toEqual({});
    await t.database.db.execute(sql`update email_broadcasts set status = 'paused' where id = ${b.id}`);
    expect((await listed()).progress).toEqual({ sent: 40 });
  }, 90_000);
});

describe('transactional send', () => {
  it('renders now, logs on the timeline and goes to the outbox when no SMTP is configured', async () => {
    const { ws, template } = await setUp(false);
    const ann = await contact(ws, 'Ann', 'ann@outbox.test');
    const r = await ws.admin.api.post('/api/email/send', { templateId: template.id, contactId: ann });
    expect(r.statusCode, r.body).toBe(202);
    await worker.idle();
    expect((await ws.admin.api.get(`/api/email/messages/${r.json().id}`)).json()).toMatchObject({ status: 'sent', to: 'ann@outbox.test' });
    const outbox = (await ws.admin.api.get('/api/email/outbox')).json();
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]).toMatchObject({ to: 'ann@outbox.test', subject: 'News for Ann' });
    const eml = await ws.admin.api.get(`/api/email/outbox/${outbox.items[0].id}.eml`);
    expect(eml.headers['content-type']).toContain('message/rfc822');
    expect(eml.body).toContain('Subject: News for Ann');
    expect(eml.body).not.toContain('List-Unsubscribe');
    const timeline = (await ws.admin.api.get(`/api/timeline/contact/${ann}`)).json();
    expect(JSON.stringify(timeline)).toContain('News for Ann');
  });

  it('rejects unknown variables and bad syntax with the line, before anything is saved or sent', async () => {
    const { ws, template } = await setUp(false);
    const bad = await ws.admin.api.post('/api/email/templates', {
      name: 'x',
      subject: 'Hi',
      body: '<p>Hi</p>\n<p>{{ contact.shoe_size }}</p>',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'template_invalid', details: { path: ['body', 'body'], line: 2 } });
    expect(bad.json().error.message).toContain('contact.shoe_size');
    const syntax = await ws.admin.api.patch(`/api/email/templates/${template.id}`, { subject: 'Hi {% if %}' });
    expect(syntax.json().error).toMatchObject({ code: 'template_invalid', details: { path: ['body', 'subject'], line: 1 } });
    const filter = await ws.admin.api.post('/api/email/templates', {
      name: 'x',
      subject: '{{ contact.first_name | shout }}',
      body: '<p>x</p>',
    });
    expect(filter.json().error.message).toContain('undefined filter: shout');
    expect((await ws.admin.api.get(`/api/email/templates/${template.id}`)).json().currentVersion).toBe(1);
    const send = await ws.admin.api.post('/api/email/send', {
      templateId: template.id,
      to: 'x@y.test',
      variables: { a: 1 },
      contactId: template.id,
    });
    expect(send.json().error.code).toBe('validation_failed');
  });

  it('saves a new version on each change and previews with a contact', async () => {
    const { ws, template } = await setUp(false);
    const ann = await contact(ws, 'Ann', 'ann@preview.test');
    const v2 = await ws.admin.api.patch(`/api/email/templates/${template.id}`, { subject: 'Hello {{ contact.first_name }}' });
    expect(v2.json()).toMatchObject({ currentVersion: 2, current: { version: 2, subject: 'Hello {{ contact.first_name }}' } });
    expect(
      (await ws.admin.api.get(`/api/email/templates/${template.id}/versions`)).json().items.map((v: { version: number }) => v.version),
    ).toEqual([2, 1]);
    const p = (await ws.admin.api.post(`/api/email/templates/${template.id}/preview`, { contactId: ann })).json();
    expect(p.subject).toBe('Hello Ann');
    expect(p.html).toContain('Hello Ann');
    expect(p.text).toContain('Unsubscribe');
    const sample = (
      await ws.admin.api.post(`/api/email/templates/${template.id}/preview`, {
        body: '<p>{{ contact.name }} &lt;x&gt; {{ contact.title }}</p>',
        format: 'html',
      })
    ).json();
    expect(sample.html).toContain('Jane Doe');
  });

  it('retries an unreachable relay, then fails the message with the reason', async () => {
    const ws = await createTestWorkspace(t);
    const tr = (await ws.admin.api.post('/api/email/transports', { name: 'Down', host: '127.0.0.1', port: 1, isDefault: true })).json();
    await ws.admin.api.post('/api/email/senders', { fromName: 'X', fromEmail: 'x@example.com' });
    const tpl = (await ws.admin.api.post('/api/email/templates', { name: 'T', subject: 'S', body: '<p>x</p>' })).json();
    const r = (await ws.admin.api.post('/api/email/send', { templateId: tpl.id, to: 'someone@down.test' })).json();
    for (let i = 0; i < 50; i++) {
      await worker.idle();
      const m = (await ws.admin.api.get(`/api/email/messages/${r.id}`)).json();
      if (m.status === 'failed') {
        expect(m.attempts).toBe(3);
        expect(m.error).toMatch(/ECONNREFUSED|connect/i);
        return;
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`still not failed (transport ${tr.id})`);
  }, 30_000);

  it('fails a recipient the relay refuses (5xx) at once', async () => {
    const { ws, template } = await setUp();
    const r = (await ws.admin.api.post('/api/email/send', { templateId: template.id, to: 'reject-me@client.test' })).json();
    await worker.idle();
    const m = (await ws.admin.api.get(`/api/email/messages/${r.id}`)).json();
    expect(m).toMatchObject({ status: 'failed', attempts: 1 });
    expect(m.error).toContain('550');
  });
});
