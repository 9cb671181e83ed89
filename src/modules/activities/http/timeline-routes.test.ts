import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { systemActor } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { addCompany, addContact } from '../testing/records.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;
interface Item {
  id: string;
  kind: string;
  at: string;
  actor: string;
  summary: string;
  data: Record<string, unknown>;
}

async function log(ws: TestWorkspace, body: object, links: [string, string][]) {
  const res = await ws.admin.api.post('/api/activities', {
    ...body,
    links: links.map(([entityType, entityId]) => ({ entityType, entityId })),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function stage(wsId: string, contactId: string, from: string | null, to: string, at: string) {
  await db().execute(sql`insert into lifecycle_history (id, workspace_id, contact_id, from_stage, to_stage, changed_at, actor_type, rule)
    values (${newId()}, ${wsId}, ${contactId}, ${from}, ${to}, ${at}, 'system', 'deal won')`);
}

async function fieldChange(ws: TestWorkspace, contactId: string, before: object, after: object, at: string) {
  await recordAudit(ws.admin.ctx, { action: 'contact.updated', entityType: 'contact', entityId: contactId, before, after });
  await db().execute(
    sql`update audit_log set created_at = ${at} where id = (select id from audit_log where entity_id = ${contactId} order by id desc limit 1)`,
  );
}

async function timeline(ws: TestWorkspace, path: string, limit = 50) {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await ws.admin.api.get(
      `/api/timeline/${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    items.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return items;
}

/** A contact with one of everything on its timeline, at known times. */
async function contactWithHistory() {
  const ws = await createTestWorkspace(t);
  const contactId = await addContact(db(), ws.workspaceId);
  const otherId = await addContact(db(), ws.workspaceId, { name: 'Not Me' });
  await log(ws, { type: 'note', body: 'First met at the fair.\nMore later.', occurredAt: '2024-01-01T10:00:00Z' }, [
    ['contact', contactId],
  ]);
  await log(
    ws,
    {
      type: 'call',
      direction: 'outbound',
      outcome: 'connected',
      durationSeconds: 300,
      subject: 'Pricing',
      occurredAt: '2024-03-01T10:00:00Z',
    },
    [['contact', contactId]],
  );
  await log(ws, { type: 'note', body: 'someone else', occurredAt: '2024-02-15T10:00:00Z' }, [['contact', otherId]]);
  const task = (await ws.admin.api.post('/api/tasks', { title: 'Send proposal', entityType: 'contact', entityId: contactId })).json();
  await ws.admin.api.post(`/api/tasks/${task.id}/complete`);
  await db().execute(
    sql`update tasks set created_at = '2024-02-01T10:00:00Z', completed_at = '2024-04-01T10:00:00Z' where id = ${task.id}`,
  );
  await stage(ws.workspaceId, contactId, null, 'lead', '2024-01-15T10:00:00Z');
  await stage(ws.workspaceId, contactId, 'lead', 'customer', '2024-05-01T10:00:00Z');
  await fieldChange(
    ws,
    contactId,
    { email: 'jane@old.example', passwordHash: 'a', updatedAt: '2024-01-01', custom: { tier: 'silver', region: 'EU' } },
    { email: 'jane@new.example', passwordHash: 'b', updatedAt: '2024-06-01', custom: { tier: 'gold', region: 'EU' } },
    '2024-06-01T10:00:00Z',
  );
  await fieldChange(ws, contactId, { updatedAt: '2024-06-01' }, { updatedAt: '2024-06-02' }, '2024-06-02T10:00:00Z');
  return { ws, contactId, task };
}

describe('record timeline', () => {
  it('merges activities, tasks, stage changes and field changes of one record, newest first', async () => {
    const { ws, contactId, task } = await contactWithHistory();
    const items = await timeline(ws, `contact/${contactId}`);
    expect(items.map((i) => [i.at, i.kind, i.summary])).toEqual([
      ['2024-06-01T10:00:00.000Z', 'field_change', 'Changed custom.tier, email'],
      ['2024-05-01T10:00:00.000Z', 'stage_change', 'Lifecycle stage: lead → customer'],
      ['2024-04-01T10:00:00.000Z', 'task', 'Task completed: Send proposal'],
      ['2024-03-01T10:00:00.000Z', 'activity', 'Outbound call (connected, 5 min): Pricing'],
      ['2024-02-01T10:00:00.000Z', 'task', 'Task created: Send proposal'],
      ['2024-01-15T10:00:00.000Z', 'stage_change', 'Lifecycle stage set to lead'],
      ['2024-01-01T10:00:00.000Z', 'activity', 'Note: First met at the fair.'],
    ]);
    expect(items[0]!.data.changes).toEqual([
      { field: 'custom.tier', before: 'silver', after: 'gold' },
      { field: 'email', before: 'jane@old.example', after: 'jane@new.example' },
    ]);
    expect(items[0]!.actor).toBe('Ada Admin');
    expect(items[1]!.actor).toBe('Rule: deal won');
    expect(items[2]).toMatchObject({ id: `${task.id}:completed`, actor: 'Ada Admin', data: { taskId: task.id, event: 'completed' } });
    expect(items[3]!.data).toMatchObject({
      type: 'call',
      details: { outcome: 'connected' },
      links: [{ entityType: 'contact', entityId: contactId }],
    });
  });

  it('pages through the same items with a small page size, even when items share a time', async () => {
    const { ws, contactId } = await contactWithHistory();
    for (let i = 0; i < 3; i++)
      await log(ws, { type: 'note', body: `tie ${i}`, occurredAt: '2024-03-01T10:00:00Z' }, [['contact', contactId]]);
    const all = await timeline(ws, `contact/${contactId}`);
    expect(all).toHaveLength(10);
    for (const size of [1, 2, 3]) expect((await timeline(ws, `contact/${contactId}`, size)).map((i) => i.id)).toEqual(all.map((i) => i.id));
  });

  it('shows a company its own activities and its contacts’, each once', async () => {
    const ws = await createTestWorkspace(t);
    const companyId = await addCompany(db(), ws.workspaceId);
    const elsewhere = await addCompany(db(), ws.workspaceId, 'Elsewhere Ltd');
    const jane = await addContact(db(), ws.workspaceId, { companyId });
    const max = await addContact(db(), ws.workspaceId, { name: 'Max Mustermann', companyId });
    const stranger = await addContact(db(), ws.workspaceId, { name: 'Sam Stranger', companyId: elsewhere });
    const ids = [
      await log(ws, { type: 'note', body: 'company note', occurredAt: '2024-01-01T00:00:00Z' }, [['company', companyId]]),
      await log(ws, { type: 'note', body: 'jane', occurredAt: '2024-01-02T00:00:00Z' }, [['contact', jane]]),
      await log(ws, { type: 'note', body: 'both', occurredAt: '2024-01-03T00:00:00Z' }, [
        ['contact', max],
        ['company', companyId],
      ]),
      await log(ws, { type: 'note', body: 'jane and max', occurredAt: '2024-01-04T00:00:00Z' }, [
        ['contact', jane],
        ['contact', max],
      ]),
    ];
    await log(ws, { type: 'note', body: 'stranger', occurredAt: '2024-01-05T00:00:00Z' }, [['contact', stranger]]);
    for (const size of [2, 50]) expect((await timeline(ws, `company/${companyId}`, size)).map((i) => i.id)).toEqual([...ids].reverse());
  });

  it('filters by kind or activity type', async () => {
    const { ws, contactId } = await contactWithHistory();
    expect((await timeline(ws, `contact/${contactId}?types=call`)).map((i) => i.summary)).toEqual([
      'Outbound call (connected, 5 min): Pricing',
    ]);
    expect((await timeline(ws, `contact/${contactId}?types=task,stage_change`)).map((i) => i.kind)).toEqual([
      'stage_change',
      'task',
      'task',
      'stage_change',
    ]);
    expect((await timeline(ws, `contact/${contactId}?types=activity`)).map((i) => i.kind)).toEqual(['activity', 'activity']);
    const bad = await ws.admin.api.get(`/api/timeline/contact/${contactId}?types=call,gossip`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.path).toEqual(['query', 'types']);
  });

  it('answers 404 for a record that is not in the caller’s workspace, and 400 for a bad type or cursor', async () => {
    const { ws, contactId } = await contactWithHistory();
    const other = await createTestWorkspace(t);
    const res = await other.admin.api.get(`/api/timeline/contact/${contactId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'record_not_found', details: { path: ['params', 'entityId'] } });
    expect((await ws.admin.api.get(`/api/timeline/company/${contactId}`)).statusCode).toBe(404);
    expect((await ws.admin.api.get(`/api/timeline/lead/${contactId}`)).statusCode).toBe(400);
    expect((await ws.admin.api.get(`/api/timeline/contact/${contactId}?cursor=WyJ4IiwieSJd`)).statusCode).toBe(400);
    await db().execute(sql`update contacts set deleted_at = now() where id = ${contactId}`);
    expect((await ws.admin.api.get(`/api/timeline/contact/${contactId}`)).statusCode).toBe(404);
  });

  it('names a job or import as the actor when no user did it', async () => {
    const ws = await createTestWorkspace(t);
    const contactId = await addContact(db(), ws.workspaceId);
    await recordAudit(
      { db: db(), workspaceId: ws.workspaceId, actor: systemActor('import') },
      { action: 'contact.updated', entityType: 'contact', entityId: contactId, before: { title: null }, after: { title: 'CTO' } },
    );
    expect(await timeline(ws, `contact/${contactId}`)).toMatchObject([{ kind: 'field_change', actor: 'import', summary: 'Changed title' }]);
  });
});
