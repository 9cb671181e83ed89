import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { addCompany, addContact, lastActivity } from '../testing/records.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setup(): Promise<{ ws: TestWorkspace; contactId: string; companyId: string }> {
  const ws = await createTestWorkspace(t);
  const companyId = await addCompany(t.database.db, ws.workspaceId);
  const contactId = await addContact(t.database.db, ws.workspaceId, { companyId });
  return { ws, contactId, companyId };
}
const on = (entityId: string, entityType = 'contact') => [{ entityType, entityId }];
const issue = (res: { json(): { error: { code: string; details: { path: unknown[] } } } }) => res.json().error;
const events = (wsId: string, type: string) =>
  rows<{ entity_id: string; data: Record<string, unknown> }>(
    t.database.db,
    sql`select entity_id, data from outbox_events where workspace_id = ${wsId} and type = ${type}`,
  );

describe('logging activities', () => {
  it('logs a note on a contact and lists it on that contact', async () => {
    const { ws, contactId } = await setup();
    const res = await ws.admin.api.post('/api/activities', { type: 'note', body: 'Prefers email.', links: on(contactId) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ type: 'note', body: 'Prefers email.', links: on(contactId), ownerId: ws.admin.userId });
    const list = await ws.admin.api.get(`/api/activities?entityType=contact&entityId=${contactId}`);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([res.json().id]);
    expect(await events(ws.workspaceId, 'activity.logged')).toMatchObject([
      { entity_id: res.json().id, data: { type: 'note', links: on(contactId) } },
    ]);
  });

  it('logs a call with its direction, duration, outcome and recording, returned as flat fields', async () => {
    const { ws, contactId } = await setup();
    const call = {
      type: 'call',
      subject: 'Pricing',
      direction: 'outbound',
      durationSeconds: 300,
      outcome: 'connected',
      recordingUrl: 'https://rec.example.com/1',
      links: on(contactId),
    };
    const id = (await ws.admin.api.post('/api/activities', call)).json().id;
    expect((await ws.admin.api.get(`/api/activities/${id}`)).json()).toMatchObject({ ...call, links: on(contactId) });
  });

  it('logs a meeting at its start time and an email with its recipients', async () => {
    const { ws, contactId, companyId } = await setup();
    const meeting = await ws.admin.api.post('/api/activities', {
      type: 'meeting',
      subject: 'Demo',
      startsAt: '2024-05-01T09:00:00+02:00',
      endsAt: '2024-05-01T10:00:00+02:00',
      attendees: [{ email: 'jane@example.com', name: 'Jane' }],
      location: 'Zoom',
      links: [...on(contactId), ...on(companyId, 'company')],
    });
    expect(meeting.json()).toMatchObject({
      occurredAt: '2024-05-01T07:00:00.000Z',
      startsAt: '2024-05-01T07:00:00.000Z',
      attendees: [{ email: 'jane@example.com' }],
    });
    const email = await ws.admin.api.post('/api/activities', {
      type: 'email',
      direction: 'inbound',
      from: 'jane@example.com',
      to: ['me@example.com'],
      subject: 'Re: quote',
      links: on(contactId),
    });
    expect(email.json()).toMatchObject({ direction: 'inbound', to: ['me@example.com'], cc: [], subject: 'Re: quote' });
  });

  it('rejects bad input with the path of the bad field', async () => {
    const { ws, contactId } = await setup();
    const post = (body: object) => ws.admin.api.post('/api/activities', { links: on(contactId), ...body });
    // The HTTP layer gives array indexes in paths as strings.
    const cases: [object, unknown[]][] = [
      [{ type: 'fax', body: 'x' }, ['body', 'type']],
      [{ type: 'meeting', subject: 'M', startsAt: '2024-05-01T10:00:00Z', endsAt: '2024-05-01T09:00:00Z' }, ['body', 'endsAt']],
      [{ type: 'call', direction: 'outbound', durationSeconds: -5 }, ['body', 'durationSeconds']],
      [{ type: 'call', direction: 'sideways' }, ['body', 'direction']],
      [{ type: 'note', body: 'x', color: 'red' }, ['body', 'color']],
      [{ type: 'note', body: 'x', durationSeconds: 5 }, ['body', 'durationSeconds']],
      [{ type: 'note', body: 'x', occurredAt: 'yesterday' }, ['body', 'occurredAt']],
      [{ type: 'note', body: 'x', links: [] }, ['body', 'links']],
      [{ type: 'note', body: 'x', links: [{ entityType: 'lead', entityId: contactId }] }, ['body', 'links', '0', 'entityType']],
    ];
    for (const [body, path] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.issues[0].path, JSON.stringify(body)).toEqual(path);
    }
  });

  it('answers 404 record_not_found for a contact of another workspace or a deleted one', async () => {
    const { ws, contactId } = await setup();
    const other = await setup();
    const res = await ws.admin.api.post('/api/activities', { type: 'note', body: 'x', links: [...on(contactId), ...on(other.contactId)] });
    expect(res.statusCode).toBe(404);
    expect(issue(res)).toMatchObject({ code: 'record_not_found', details: { path: ['body', 'links', 1, 'entityId'] } });
    await t.database.db.execute(sql`update contacts set deleted_at = now() where id = ${contactId}`);
    expect((await ws.admin.api.post('/api/activities', { type: 'note', body: 'x', links: on(contactId) })).statusCode).toBe(404);
    expect(await rows(t.database.db, sql`select 1 from activities where workspace_id = ${ws.workspaceId}`)).toEqual([]);
  });

  it('moves the last activity time of the contact and its company forward, never back', async () => {
    const { ws, contactId, companyId } = await setup();
    await ws.admin.api.post('/api/activities', { type: 'note', body: 'new', occurredAt: '2024-06-01T12:00:00Z', links: on(contactId) });
    await ws.admin.api.post('/api/activities', { type: 'note', body: 'old', occurredAt: '2024-01-01T12:00:00Z', links: on(contactId) });
    expect(await lastActivity(t.database.db, 'contacts', contactId)).toBe(Date.parse('2024-06-01T12:00:00Z'));
    expect(await lastActivity(t.database.db, 'companies', companyId)).toBe(Date.parse('2024-06-01T12:00:00Z'));
  });

  it('lets viewers read activities but not log them', async () => {
    const { ws, contactId } = await setup();
    const viewer = await ws.member('viewer');
    expect((await viewer.api.post('/api/activities', { type: 'note', body: 'x', links: on(contactId) })).statusCode).toBe(403);
    expect((await viewer.api.get('/api/activities')).statusCode).toBe(200);
  });

  it('pages through activities newest first without repeating ones logged at the same moment', async () => {
    const { ws, contactId } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (
          await ws.admin.api.post('/api/activities', {
            type: 'note',
            body: `n${i}`,
            occurredAt: i < 3 ? '2024-03-01T00:00:00Z' : `2024-03-0${i}T00:00:00Z`,
            links: on(contactId),
          })
        ).json().id,
      );
    for (const base of ['/api/activities?limit=2', `/api/activities?limit=2&entityType=contact&entityId=${contactId}`]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await ws.admin.api.get(`${base}${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
    }
    expect((await ws.admin.api.get('/api/activities?cursor=bogus')).statusCode).toBe(400);
  });
});
