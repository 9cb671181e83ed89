import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import { startWorker, type Worker } from '../../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { closeSmtpPools } from '../index.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import { startBounceReceiver } from './smtp-receiver.ts';

const corpus = join(import.meta.dirname, '../../../../../shared/data/bounces');
const bounceDomain = 'bounces.tandem.test';

let t: TestPlatform;
let worker: Worker;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let receiver: Awaited<ReturnType<typeof startBounceReceiver>>;
beforeAll(async () => {
  t = await createTestApp({ BOUNCE_DOMAIN: bounceDomain });
  sink = await startSmtpSink();
  receiver = await startBounceReceiver({ db: t.database.db, port: 0, host: '127.0.0.1', domain: bounceDomain, maxBytes: 256 * 1024 });
  worker = startWorker({ database: t.database, concurrency: 2, leaseSeconds: 30, pollMs: 20, backoffSeconds: 0.05 });
});
afterAll(async () => {
  await worker.stop();
  closeSmtpPools();
  await receiver.close();
  await sink.close();
  await t.close();
});

/** One real SMTP conversation with the bounce receiver; resolves with the final reply or rejects with the SMTP error. */
async function smtpSend(from: string, to: string[], raw: Buffer | string) {
  const conn = new SMTPConnection({ host: '127.0.0.1', port: receiver.port, ignoreTLS: true });
  await new Promise<void>((res, rej) => conn.connect((e?: Error) => (e ? rej(e) : res())));
  try {
    return await new Promise<{ response: string }>((res, rej) =>
      conn.send({ from, to }, raw, (err, info) => (err ? rej(err) : res(info as unknown as { response: string }))),
    );
  } finally {
    conn.quit();
  }
}

async function setUp() {
  const ws = await createTestWorkspace(t);
  await ws.admin.api.post('/api/email/transports', { name: 'Sink', host: '127.0.0.1', port: sink.port, isDefault: true });
  const sender = (
    await ws.admin.api.post('/api/email/senders', {
      fromName: 'Acme',
      fromEmail: 'news@example.com',
      postalAddress: '1 Main St',
      isDefault: true,
    })
  ).json();
  const template = (
    await ws.admin.api.post('/api/email/templates', {
      name: 'Hi',
      format: 'html',
      subject: 'Hello {{ contact.first_name }}',
      body: '<p>Hi</p>',
    })
  ).json();
  return { ws, sender, template };
}

async function contact(ws: TestWorkspace, firstName: string, email: string) {
  const r = await ws.admin.api.post('/api/contacts', { firstName, lastName: 'Test', emails: [{ email }] });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

/** Sends a transactional message and returns its id and the raw bytes the relay got (with the envelope). */
async function send(ws: TestWorkspace, templateId: string, contactId: string) {
  const before = sink.messages.length;
  const r = await ws.admin.api.post('/api/email/send', { templateId, contactId });
  expect(r.statusCode, r.body).toBe(202);
  await worker.idle();
  const got = sink.messages.slice(before);
  expect(got).toHaveLength(1);
  return { id: r.json().id as string, relayed: got[0]! };
}

const suppression = async (ws: TestWorkspace, email: string) =>
  (
    await rows<{ reason: string }>(
      t.database.db,
      sql`select reason from email_suppressions where workspace_id = ${ws.workspaceId} and email = ${email}`,
    )
  )[0]?.reason ?? null;

const events = (ws: TestWorkspace, contactId: string, kind: string) =>
  rows<{ props: Record<string, unknown> }>(
    t.database.db,
    sql`select props from contact_events where workspace_id = ${ws.workspaceId} and contact_id = ${contactId} and kind = ${kind}`,
  );

const message = async (id: string) =>
  (
    await rows<{ bounced_at: string | null; bounce_type: string | null; complained_at: string | null }>(
      t.database.db,
      sql`select bounced_at, bounce_type, complained_at from email_messages where id = ${id}`,
    )
  )[0]!;

/** A corpus DSN as the remote MTA would send it back: to the VERP return path of our message. */
const corpusFile = (name: string) => readFileSync(join(corpus, name));

describe('bounce receiver over real SMTP', () => {
  it('sends with a per-message VERP return path, and a corpus DSN sent back to it suppresses the contact once', async () => {
    const { ws, template } = await setUp();
    const ann = await contact(ws, 'Ann', 'ann@client.test');
    const { id, relayed } = await send(ws, template.id, ann);
    expect(relayed.from).toBe(`bounces+${id}@${bounceDomain}`);

    const dsn = corpusFile('lhost-postfix-16.eml'); // 5.1.6 hasmoved: hard
    const reply = await smtpSend('', [relayed.from], dsn);
    expect(reply.response).toMatch(/^250 /);
    await worker.idle();

    expect(await suppression(ws, 'ann@client.test')).toBe('hard_bounce');
    expect(await message(id)).toMatchObject({ bounce_type: 'hard' });
    expect((await message(id)).bounced_at).not.toBeNull();
    const bounce = await events(ws, ann, 'email_bounce');
    expect(bounce).toHaveLength(1);
    expect(bounce[0]!.props).toMatchObject({ messageId: id, type: 'hard', status: '5.1.6' });
    const [inbound] = await rows<{ status: string; kind: string; message_id: string; workspace_id: string }>(
      t.database.db,
      sql`select status, kind, message_id, workspace_id from email_inbound where message_id = ${id}`,
    );
    expect(inbound).toMatchObject({ status: 'processed', kind: 'hard', message_id: id, workspace_id: ws.workspaceId });

    // The same bounce again (the remote MTA retried, or the webhook got it too): nothing changes twice.
    await smtpSend('', [relayed.from], dsn);
    const posted = await ws.admin.api.post('/api/email/inbound', { raw: dsn.toString('utf8'), envelopeTo: [relayed.from] });
    expect(posted.statusCode, posted.body).toBe(202);
    await worker.idle();
    expect(await events(ws, ann, 'email_bounce')).toHaveLength(1);
    const audits = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where workspace_id = ${ws.workspaceId} and action = 'email.suppressed'`,
    );
    expect(audits[0]!.n).toBe(1);

    // A suppressed address gets no more transactional mail.
    const again = await ws.admin.api.post('/api/email/send', { templateId: template.id, contactId: ann });
    await worker.idle();
    expect((await ws.admin.api.get(`/api/email/messages/${again.json().id}`)).json().status).toBe('suppressed');
  });

  it('accepts mail only for the bounce domain and refuses oversized messages', async () => {
    await expect(smtpSend('', ['someone@example.org'], 'Subject: x\r\n\r\nx')).rejects.toMatchObject({ responseCode: 550 });
    const big = `Subject: big\r\n\r\n${'x'.repeat(300 * 1024)}`;
    await expect(smtpSend('', [`bounces@${bounceDomain}`], big)).rejects.toMatchObject({ responseCode: 552 });
  });

  it('suppresses after the third soft bounce within 7 days, not before', async () => {
    const { ws, template } = await setUp();
    const bo = await contact(ws, 'Bo', 'bo@client.test');
    const soft = corpusFile('lhost-amazonses-03.eml'); // 5.2.2 mailbox full: soft
    for (let i = 1; i <= 3; i++) {
      const { relayed } = await send(ws, template.id, bo);
      await smtpSend('', [relayed.from], soft);
      await worker.idle();
      expect(await suppression(ws, 'bo@client.test')).toBe(i < 3 ? null : 'soft_bounces');
    }
    expect(await events(ws, bo, 'email_bounce')).toHaveLength(3);
  });

  it('a complaint (ARF around our own message) suppresses and unsubscribes; a DMARC auth-failure report does not', async () => {
    const { ws, template } = await setUp();
    const cy = await contact(ws, 'Cy', 'cy@client.test');
    const { id, relayed } = await send(ws, template.id, cy);
    const arf = (type: string) =>
      [
        'From: feedback@mailbox.example',
        `To: ${relayed.from}`,
        'Subject: complaint',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=feedback-report; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'This is an email abuse report.',
        '--b1',
        'Content-Type: message/feedback-report',
        '',
        `Feedback-Type: ${type}`,
        'User-Agent: Example/1.0',
        'Version: 1',
        '',
        '--b1',
        'Content-Type: message/rfc822',
        '',
        relayed.raw.toString('utf8'),
        '--b1--',
        '',
      ].join('\r\n');
    // Posted to the webhook without any envelope: the ARF's copy of our message names it.
    const dmarc = await ws.admin.api.post('/api/email/inbound', { raw: arf('auth-failure') });
    expect(dmarc.statusCode, dmarc.body).toBe(202);
    await worker.idle();
    expect(await suppression(ws, 'cy@client.test')).toBeNull();

    const r = await ws.admin.api.post('/api/email/inbound', { raw: arf('abuse') });
    expect(r.statusCode, r.body).toBe(202);
    await worker.idle();
    expect(await suppression(ws, 'cy@client.test')).toBe('complaint');
    expect((await message(id)).complained_at).not.toBeNull();
    expect(await events(ws, cy, 'email_complaint')).toHaveLength(1);
    expect((await ws.admin.api.get(`/api/contacts/${cy}`)).json().emailConsent).toBe('unsubscribed');
  });

  it('puts a person’s reply on the contact’s timeline; an auto-reply is only recorded', async () => {
    const { ws, template } = await setUp();
    const di = await contact(ws, 'Di', 'di@client.test');
    const { id } = await send(ws, template.id, di);
    const host = new URL(t.config.publicUrl!).hostname;
    const mail = (extra: string[], body: string) =>
      [
        'From: Di Test <di@client.test>',
        'To: news@example.com',
        'Subject: Re: Hello Di',
        `In-Reply-To: <${id}@${host}>`,
        ...extra,
        '',
        body,
        '',
      ].join('\r\n');
    await ws.admin.api.post('/api/email/inbound', { raw: mail(['Auto-Submitted: auto-replied'], 'I am away until Monday.') });
    await ws.admin.api.post('/api/email/inbound', { raw: mail([], 'Yes please, send me the pricing.') });
    await worker.idle();
    const acts = await rows<{ subject: string; body: string; direction: string }>(
      t.database.db,
      sql`select a.subject, a.body, a.details->>'direction' as direction from activities a join activity_links l on l.workspace_id = a.workspace_id and l.activity_id = a.id
          where a.workspace_id = ${ws.workspaceId} and a.type = 'email' and l.entity_id = ${di} order by a.created_at`,
    );
    expect(acts.map((a) => a.direction)).toEqual(['outbound', 'inbound']);
    expect(acts[1]).toMatchObject({ subject: 'Re: Hello Di', direction: 'inbound' });
    expect(acts[1]!.body).toContain('send me the pricing');
    const kinds = await rows<{ kind: string }>(
      t.database.db,
      sql`select kind from email_inbound where workspace_id = ${ws.workspaceId} order by received_at`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['auto_reply', 'reply']);
  });

  it('the broadcast report counts hard and soft bounces and complaints, with rates and the complaint alarm', async () => {
    const { ws, sender, template } = await setUp();
    for (const name of ['Ed', 'Fy', 'Gu', 'Hal']) {
      const r = await ws.admin.api.post('/api/contacts', {
        firstName: name,
        emails: [{ email: `${name.toLowerCase()}@client.test` }],
        tags: ['b'],
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const before = sink.messages.length;
    const b = await ws.admin.api.post('/api/email/broadcasts', {
      name: 'Report',
      senderId: sender.id,
      audience: { kind: 'filter', filter: { field: 'tags', op: 'has_any', value: ['b'] } },
      variants: [{ templateId: template.id }],
    });
    expect(b.statusCode, b.body).toBe(201);
    await ws.admin.api.post(`/api/email/broadcasts/${b.json().id}/send`, {});
    await worker.idle();
    const got = sink.messages.slice(before);
    expect(got).toHaveLength(4);
    const to = (who: string) => got.find((m) => m.to[0] === `${who}@client.test`)!;
    await smtpSend('', [to('ed').from], corpusFile('lhost-courier-01.eml')); // 5.1.1: hard
    await smtpSend('', [to('fy').from], corpusFile('rfc3464-07.eml')); // 4.4.0 delayed: soft
    const arf = [
      `To: ${to('gu').from}`,
      'Subject: abuse',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="x"',
      '',
      '--x',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      '',
      '--x',
      'Content-Type: text/rfc822-headers',
      '',
      to('gu').raw.toString('utf8').split('\r\n\r\n')[0],
      '--x--',
      '',
    ].join('\r\n');
    await smtpSend('', [to('gu').from], arf);
    await worker.idle();
    const report = (await ws.admin.api.get(`/api/email/broadcasts/${b.json().id}/report`)).json();
    expect(report.total).toMatchObject({ sent: 4, hard_bounced: 1, soft_bounced: 1, complained: 1, delivered: 2 });
    expect(report.total).toMatchObject({ bounceRate: 0.5, hardBounceRate: 0.25, softBounceRate: 0.25 });
    expect(report.total.complaintRate).toBe(0.5);
    expect(report.complaintAlarm).toBe(true);
  });

  it('the webhook refuses what is not a message, and needs email:manage', async () => {
    const { ws } = await setUp();
    const bad = await ws.admin.api.post('/api/email/inbound', { raw: 'just some words' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'raw'] } });
    const missing = await ws.admin.api.post('/api/email/inbound', { text: 'x' });
    expect(missing.statusCode).toBe(400);
    const rep = await ws.member('sales_rep');
    expect((await rep.api.post('/api/email/inbound', { raw: 'Subject: x\r\n\r\nx' })).statusCode).toBe(403);
  });
});
