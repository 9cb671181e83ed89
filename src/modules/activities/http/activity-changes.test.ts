import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { addCompany, addContact, lastActivity } from '../testing/records.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setup() {
  const ws = await createTestWorkspace(t);
  const companyId = await addCompany(t.database.db, ws.workspaceId);
  const contactId = await addContact(t.database.db, ws.workspaceId, { companyId });
  const otherContactId = await addContact(t.database.db, ws.workspaceId, { name: 'Max Other' });
  const log = async (body: object) =>
    (await ws.admin.api.post('/api/activities', { links: [{ entityType: 'contact', entityId: contactId }], ...body })).json();
  return { ws, contactId, companyId, otherContactId, log };
}
const audit = (wsId: string, action: string) =>
  rows<{ before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    t.database.db,
    sql`select before, after from audit_log where workspace_id = ${wsId} and action = ${action}`,
  );

describe('changing activities', () => {
  it('changes fields of a call, clears one with null, and audits before and after', async () => {
    const { ws, log } = await setup();
    const call = await log({ type: 'call', direction: 'outbound', outcome: 'no_answer', durationSeconds: 10 });
    const res = await ws.admin.api.patch(`/api/activities/${call.id}`, {
      outcome: null,
      durationSeconds: 600,
      body: 'Talked for ten minutes',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ durationSeconds: 600, body: 'Talked for ten minutes', direction: 'outbound' });
    expect(res.json().outcome).toBeUndefined();
    const [entry] = await audit(ws.workspaceId, 'activity.updated');
    expect(entry).toMatchObject({ before: { outcome: 'no_answer', durationSeconds: 10 }, after: { durationSeconds: 600 } });
  });

  it('rejects fields of another type, a meeting end before its start, and unknown fields, each with its path', async () => {
    const { ws, log } = await setup();
    const note = await log({ type: 'note', body: 'hello' });
    const meeting = await log({ type: 'meeting', subject: 'Demo', startsAt: '2024-05-01T09:00:00Z', endsAt: '2024-05-01T10:00:00Z' });
    const cases: [string, object, unknown[]][] = [
      [note.id, { durationSeconds: 5 }, ['body', 'durationSeconds']],
      [note.id, { body: '' }, ['body', 'body']],
      [meeting.id, { endsAt: '2024-05-01T08:00:00Z' }, ['body', 'endsAt']],
      [meeting.id, { type: 'note' }, ['body', 'type']],
    ];
    for (const [id, body, path] of cases) {
      const res = await ws.admin.api.patch(`/api/activities/${id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.path ?? res.json().error.details.issues[0].path).toEqual(path);
    }
  });

  it('moves a meeting logged at its start time along with a new start time', async () => {
    const { ws, log } = await setup();
    const meeting = await log({ type: 'meeting', subject: 'Demo', startsAt: '2024-05-01T09:00:00Z', endsAt: '2024-05-01T10:00:00Z' });
    const res = await ws.admin.api.patch(`/api/activities/${meeting.id}`, {
      startsAt: '2024-05-02T09:00:00Z',
      endsAt: '2024-05-02T10:00:00Z',
    });
    expect(res.json()).toMatchObject({ occurredAt: '2024-05-02T09:00:00.000Z', startsAt: '2024-05-02T09:00:00.000Z' });
  });

  it('replaces the links, checks the new records exist, and lists the activity only on the new record', async () => {
    const { ws, log, contactId, otherContactId } = await setup();
    const other = await createTestWorkspace(t);
    const foreign = await addContact(t.database.db, other.workspaceId);
    const note = await log({ type: 'note', body: 'moved' });
    const bad = await ws.admin.api.patch(`/api/activities/${note.id}`, { links: [{ entityType: 'contact', entityId: foreign }] });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error).toMatchObject({ code: 'record_not_found', details: { path: ['body', 'links', 0, 'entityId'] } });
    await ws.admin.api.patch(`/api/activities/${note.id}`, { links: [{ entityType: 'contact', entityId: otherContactId }] });
    expect((await ws.admin.api.get(`/api/activities?entityType=contact&entityId=${contactId}`)).json().items).toEqual([]);
    expect((await ws.admin.api.get(`/api/activities?entityType=contact&entityId=${otherContactId}`)).json().items).toHaveLength(1);
  });

  it('winds the last activity time back when its activity moves back in time or is deleted', async () => {
    const { ws, log, contactId, companyId } = await setup();
    await log({ type: 'note', body: 'older', occurredAt: '2024-01-01T00:00:00Z' });
    const newer = await log({ type: 'note', body: 'typo in the year', occurredAt: '2030-01-01T00:00:00Z' });
    expect(await lastActivity(t.database.db, 'contacts', contactId)).toBe(Date.parse('2030-01-01T00:00:00Z'));
    await ws.admin.api.patch(`/api/activities/${newer.id}`, { occurredAt: '2024-02-01T00:00:00Z' });
    expect(await lastActivity(t.database.db, 'contacts', contactId)).toBe(Date.parse('2024-02-01T00:00:00Z'));
    expect(await lastActivity(t.database.db, 'companies', companyId)).toBe(Date.parse('2024-02-01T00:00:00Z'));
    expect((await ws.admin.api.delete(`/api/activities/${newer.id}`)).statusCode).toBe(200);
    expect(await lastActivity(t.database.db, 'contacts', contactId)).toBe(Date.parse('2024-01-01T00:00:00Z'));
    expect(await lastActivity(t.database.db, 'companies', companyId)).toBe(Date.parse('2024-01-01T00:00:00Z'));
  });

  it('deletes an activity for good, keeps a copy in the audit log and publishes activity.deleted', async () => {
    const { ws, log } = await setup();
    const note = await log({ type: 'note', body: 'secret plans' });
    expect((await ws.admin.api.delete(`/api/activities/${note.id}`)).statusCode).toBe(200);
    expect((await ws.admin.api.get(`/api/activities/${note.id}`)).statusCode).toBe(404);
    expect((await ws.admin.api.delete(`/api/activities/${note.id}`)).json().error.code).toBe('activity_not_found');
    expect(await audit(ws.workspaceId, 'activity.deleted')).toMatchObject([{ before: { body: 'secret plans' }, after: null }]);
    expect(await rows(t.database.db, sql`select 1 from activity_links where activity_id = ${note.id}`)).toEqual([]);
    expect(
      await rows(t.database.db, sql`select 1 from outbox_events where entity_id = ${note.id} and type = 'activity.deleted'`),
    ).toHaveLength(1);
  });
});
