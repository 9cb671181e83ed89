import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { notifyUser } from '../use-cases/notify-user.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('notifications', () => {
  it('lists my notifications newest first, page by page, and counts the unread ones', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    for (let i = 0; i < 3; i++)
      await notifyUser(t.database.db, { workspaceId: ws.workspaceId, userId: rep.userId, kind: 'task_reminder', title: `n${i}` });
    await notifyUser(t.database.db, {
      workspaceId: ws.workspaceId,
      userId: ws.admin.userId,
      kind: 'task_reminder',
      title: 'for the admin',
    });
    const first = (await rep.web.get('/api/notifications?limit=2')).json();
    const second = (await rep.web.get(`/api/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((n: { title: string }) => n.title)).toEqual(['n2', 'n1', 'n0']);
    expect(second.nextCursor).toBeNull();
    expect((await rep.api.get('/api/notifications/unread-count')).json()).toEqual({ count: 3 });
  });

  it('marks one read (keeping the first read time), then all, and only ever the caller’s own', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    const mine = await notifyUser(t.database.db, { workspaceId: ws.workspaceId, userId: rep.userId, kind: 'task_assigned', title: 'a' });
    await notifyUser(t.database.db, { workspaceId: ws.workspaceId, userId: rep.userId, kind: 'task_assigned', title: 'b' });
    const admins = await notifyUser(t.database.db, {
      workspaceId: ws.workspaceId,
      userId: ws.admin.userId,
      kind: 'task_assigned',
      title: 'c',
    });
    const read = (await rep.web.post(`/api/notifications/${mine.id}/read`)).json();
    expect((await rep.web.post(`/api/notifications/${mine.id}/read`)).json().readAt).toBe(read.readAt);
    const notMine = await rep.web.post(`/api/notifications/${admins.id}/read`);
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.code).toBe('notification_not_found');
    expect((await rep.web.get('/api/notifications?unread=true')).json().items.map((n: { title: string }) => n.title)).toEqual(['b']);
    expect((await rep.web.post('/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await rep.web.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await ws.admin.api.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it('lets viewers read their notifications', async () => {
    const ws = await createTestWorkspace(t);
    const viewer = await ws.member('viewer');
    expect((await viewer.web.post('/api/notifications/read-all')).statusCode).toBe(200);
  });
});
