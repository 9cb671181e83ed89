import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { addContact } from '../testing/records.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const eventTypes = async (taskId: string) =>
  (await rows<{ type: string }>(t.database.db, sql`select type from outbox_events where entity_id = ${taskId} order by id`)).map(
    (e) => e.type,
  );
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('tasks', () => {
  it('creates a task assigned to the caller by default, on a record, and lists it', async () => {
    const ws = await createTestWorkspace(t);
    const contactId = await addContact(t.database.db, ws.workspaceId);
    const res = await ws.admin.api.post('/api/tasks', {
      title: 'Call Jane back',
      priority: 'high',
      dueAt: days(1),
      entityType: 'contact',
      entityId: contactId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Call Jane back',
      status: 'open',
      priority: 'high',
      assigneeId: ws.admin.userId,
      entityId: contactId,
    });
    const mine = (await ws.admin.api.get('/api/tasks?assignee=me&status=open')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([res.json().id]);
    expect((await ws.admin.api.get(`/api/tasks?entityType=contact&entityId=${contactId}`)).json().items).toHaveLength(1);
    expect((await ws.admin.api.get('/api/tasks?status=completed')).json().items).toEqual([]);
    expect(await eventTypes(res.json().id)).toEqual(['task.created']);
  });

  it('notifies a member who is given a task by someone else, but not someone who takes one themselves', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    await ws.admin.api.post('/api/tasks', { title: 'Send the proposal', assigneeId: rep.userId });
    await rep.api.post('/api/tasks', { title: 'My own task' });
    const inbox = (await rep.api.get('/api/notifications')).json().items;
    expect(inbox).toMatchObject([{ kind: 'task_assigned', title: expect.stringContaining('Send the proposal') }]);
    expect((await ws.admin.api.get('/api/notifications')).json().items).toEqual([]);
  });

  it('rejects an unknown assignee, a record of another workspace and half a record link, with paths', async () => {
    const ws = await createTestWorkspace(t);
    const other = await createTestWorkspace(t);
    const foreign = await addContact(t.database.db, other.workspaceId);
    const stranger = await ws.admin.api.post('/api/tasks', { title: 'x', assigneeId: other.admin.userId });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error).toMatchObject({ code: 'assignee_not_member', details: { path: ['body', 'assigneeId'] } });
    const elsewhere = await ws.admin.api.post('/api/tasks', { title: 'x', entityType: 'contact', entityId: foreign });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error).toMatchObject({ code: 'record_not_found', details: { path: ['body', 'entityId'] } });
    const cases: [object, unknown[]][] = [
      [{ title: 'x', entityType: 'contact' }, ['body', 'entityId']],
      [{ title: '' }, ['body', 'title']],
      [{ title: 'x', priority: 'urgent' }, ['body', 'priority']],
      [{ title: 'x', dueAt: 'tomorrow' }, ['body', 'dueAt']],
      [{ title: 'x', owner: 'me' }, ['body', 'owner']],
    ];
    for (const [body, path] of cases) {
      const res = await ws.admin.api.post('/api/tasks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.issues[0].path).toEqual(path);
    }
    expect((await ws.admin.api.get('/api/tasks?entityType=contact')).json().error.details.path).toEqual(['query', 'entityId']);
  });

  it('completes and reopens a task, once each even when repeated', async () => {
    const ws = await createTestWorkspace(t);
    const task = (await ws.admin.api.post('/api/tasks', { title: 'Follow up' })).json();
    const done = await ws.admin.api.post(`/api/tasks/${task.id}/complete`);
    expect(done.json()).toMatchObject({ status: 'completed', completedBy: ws.admin.userId });
    expect(done.json().completedAt).not.toBeNull();
    await ws.admin.api.post(`/api/tasks/${task.id}/complete`);
    const reopened = await ws.admin.api.post(`/api/tasks/${task.id}/reopen`);
    expect(reopened.json()).toMatchObject({ status: 'open', completedAt: null, completedBy: null });
    expect(await eventTypes(task.id)).toEqual(['task.created', 'task.completed', 'task.reopened']);
  });

  it('reassigns a task with a notification and task.assigned, and re-arms a changed reminder', async () => {
    const ws = await createTestWorkspace(t);
    const manager = await ws.member('sales_manager');
    const task = (await ws.admin.api.post('/api/tasks', { title: 'Prepare QBR', reminderAt: days(-1) })).json();
    await t.database.db.execute(sql`update tasks set reminded_at = now() where id = ${task.id}`);
    const res = await ws.admin.api.patch(`/api/tasks/${task.id}`, { assigneeId: manager.userId, reminderAt: days(1), dueAt: null });
    expect(res.json()).toMatchObject({ assigneeId: manager.userId, remindedAt: null, dueAt: null });
    expect((await manager.api.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
    expect(await eventTypes(task.id)).toEqual(['task.created', 'task.updated', 'task.assigned']);
    const bad = await ws.admin.api.patch(`/api/tasks/${task.id}`, { assigneeId: '01a2046c-2fe0-736a-9afc-6fa2c261295f' });
    expect(bad.json().error.code).toBe('assignee_not_member');
  });

  it('deletes a task, keeping a copy in the audit log', async () => {
    const ws = await createTestWorkspace(t);
    const task = (await ws.admin.api.post('/api/tasks', { title: 'Obsolete' })).json();
    expect((await ws.admin.api.delete(`/api/tasks/${task.id}`)).statusCode).toBe(200);
    expect((await ws.admin.api.get(`/api/tasks/${task.id}`)).json().error.code).toBe('task_not_found');
    const [entry] = await rows<{ before: { title: string } }>(
      t.database.db,
      sql`select before from audit_log where entity_id = ${task.id} and action = 'task.deleted'`,
    );
    expect(entry?.before.title).toBe('Obsolete');
  });

  it('lets viewers read tasks but not write them', async () => {
    const ws = await createTestWorkspace(t);
    const viewer = await ws.member('viewer');
    expect((await viewer.api.post('/api/tasks', { title: 'x' })).statusCode).toBe(403);
    expect((await viewer.api.get('/api/tasks/mine')).statusCode).toBe(200);
  });

  it('groups my open tasks into overdue, upcoming and no date, leaving out others’ and completed ones', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    const ids = {
      overdue: (await ws.admin.api.post('/api/tasks', { title: 'late', dueAt: days(-3) })).json().id,
      upcoming: (await ws.admin.api.post('/api/tasks', { title: 'soon', dueAt: days(3) })).json().id,
      noDate: (await ws.admin.api.post('/api/tasks', { title: 'whenever' })).json().id,
    };
    await ws.admin.api.post('/api/tasks', { title: 'theirs', assigneeId: rep.userId, dueAt: days(-3) });
    const done = (await ws.admin.api.post('/api/tasks', { title: 'done', dueAt: days(-3) })).json().id;
    await ws.admin.api.post(`/api/tasks/${done}/complete`);
    const res = (await ws.admin.api.get('/api/tasks/mine')).json();
    expect(res.timezone).toBe('UTC');
    for (const [group, id] of Object.entries(ids)) expect(res.groups[group]).toMatchObject({ total: 1, items: [{ id }] });
    expect(res.groups.today).toEqual({ total: 0, items: [] });
  });

  it('pages through tasks newest first', async () => {
    const ws = await createTestWorkspace(t);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await ws.admin.api.post('/api/tasks', { title: `t${i}` })).json().id);
    const first = (await ws.admin.api.get('/api/tasks?limit=3')).json();
    const second = (await ws.admin.api.get(`/api/tasks?limit=3&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((x: { id: string }) => x.id)).toEqual(ids.reverse());
    expect(second.nextCursor).toBeNull();
  });
});
