import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import { startWorker, type Worker } from '../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';

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

it('changes and deletes senders (admins only; a sender with mail keeps existing)', async () => {
  const ws = await createTestWorkspace(t);
  const a = (
    await ws.admin.api.post('/api/email/senders', {
      fromName: 'News',
      fromEmail: 'news@example.com',
      postalAddress: '1 Main St',
      isDefault: true,
    })
  ).json();
  const b = (await ws.admin.api.post('/api/email/senders', { fromName: 'Sales', fromEmail: 'sales@example.com' })).json();

  // Only the fields given change; making one the default clears the other.
  const changed = await ws.admin.api.patch(`/api/email/senders/${b.id}`, { fromName: 'Sales team', isDefault: true });
  expect(changed.statusCode, changed.body).toBe(200);
  expect(changed.json()).toMatchObject({ fromName: 'Sales team', fromEmail: 'sales@example.com', isDefault: true });
  const list = (await ws.admin.api.get('/api/email/senders')).json().items as { id: string; isDefault: boolean; postalAddress: string }[];
  expect(list.find((s) => s.id === a.id)).toMatchObject({ isDefault: false, postalAddress: '1 Main St' });

  const bad = await ws.admin.api.patch(`/api/email/senders/${b.id}`, { fromEmail: 'not an address' });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.details.issues[0].path).toEqual(['body', 'fromEmail']);
  const noTransport = await ws.admin.api.patch(`/api/email/senders/${b.id}`, { transportId: '00000000-0000-4000-8000-000000000000' });
  expect(noTransport.json().error).toMatchObject({ code: 'email_transport_not_found', details: { path: ['body', 'transportId'] } });

  const marketer = await ws.member('marketing');
  expect((await marketer.api.patch(`/api/email/senders/${b.id}`, { fromName: 'x' })).statusCode).toBe(403);
  expect((await marketer.api.delete(`/api/email/senders/${b.id}`)).statusCode).toBe(403);

  // A sender something was sent from cannot go; an unused one can.
  const template = (await ws.admin.api.post('/api/email/templates', { name: 'T', subject: 'Hi', body: '<p>Hello</p>' })).json();
  const sent = await ws.admin.api.post('/api/email/send', { templateId: template.id, to: 'someone@example.org', senderId: b.id });
  expect(sent.statusCode, sent.body).toBe(202);
  const inUse = await ws.admin.api.delete(`/api/email/senders/${b.id}`);
  expect(inUse.statusCode).toBe(409);
  expect(inUse.json().error.code).toBe('email_sender_in_use');
  expect((await ws.admin.api.delete(`/api/email/senders/${a.id}`)).statusCode).toBe(200);
  expect((await ws.admin.api.delete(`/api/email/senders/${a.id}`)).statusCode).toBe(404);
  const left = (await ws.admin.api.get('/api/email/senders')).json().items as { id: string }[];
  expect(left.map((s) => s.id)).toEqual([b.id]);
});

it('shows an outbox message parsed (headers, HTML, text) and keeps other workspaces out', async () => {
  const ws = await createTestWorkspace(t);
  await ws.admin.api.post('/api/email/senders', { fromName: 'News', fromEmail: 'news@example.com', isDefault: true });
  const template = (
    await ws.admin.api.post('/api/email/templates', {
      name: 'T',
      subject: 'Hello {{ contact.first_name }}',
      body: '<p>Dear <b>{{ contact.first_name }}</b></p>',
    })
  ).json();
  const contact = (await ws.admin.api.post('/api/contacts', { firstName: 'Zoë <3', emails: [{ email: 'x@example.org' }] })).json();
  const sent = await ws.admin.api.post('/api/email/send', { templateId: template.id, contactId: contact.id });
  expect(sent.statusCode, sent.body).toBe(202);
  let items: { id: string; subject: string }[] = [];
  await expect
    .poll(async () => {
      items = (await ws.admin.api.get('/api/email/outbox')).json().items;
      return items.length;
    })
    .toBe(1);
  const r = await ws.admin.api.get(`/api/email/outbox/${items[0]!.id}`);
  expect(r.statusCode, r.body).toBe(200);
  const m = r.json();
  expect(m).toMatchObject({ to: 'x@example.org', subject: 'Hello Zoë <3', dkimSigned: false });
  expect(m.from).toContain('news@example.com');
  expect(m.html).toContain('Dear <b>Zoë &lt;3</b>');
  expect(m.text).toContain('Zoë <3');
  expect(m.headers.some((h: { name: string }) => h.name === 'Message-ID')).toBe(true);
  // The raw file is still served beside it.
  const eml = await ws.admin.api.get(`/api/email/outbox/${items[0]!.id}.eml`);
  expect(eml.statusCode).toBe(200);
  expect(eml.headers['content-type']).toContain('message/rfc822');

  const other = await createTestWorkspace(t, 'Other');
  expect((await other.admin.api.get(`/api/email/outbox/${items[0]!.id}`)).statusCode).toBe(404);
  expect((await ws.admin.api.get('/api/email/outbox/not-a-uuid')).statusCode).toBe(400);
});
