import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { localDateHour, runFollowUps } from './run-follow-ups.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('daily follow-ups and digest', () => {
  it('creates one follow-up task per quiet lead for its owner, once, and one digest per owner and day', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    const db = t.database.db;
    const lead = async (name: string, extra: Record<string, unknown> = {}) =>
      (await ws.admin.api.post('/api/contacts', { firstName: name, lifecycleStage: 'lead', ownerId: rep.userId, ...extra })).json()
        .id as string;
    const quiet = await lead('Quiet');
    const busy = await lead('Busy');
    const fresh = await lead('Fresh');
    const customer = await lead('Customer', { lifecycleStage: 'customer' });
    const planned = await lead('Planned');
    await db.execute(
      sql`update contacts set created_at = ${daysAgo(10)} where workspace_id = ${ws.workspaceId} and id in (${quiet}, ${busy}, ${customer}, ${planned})`,
    );
    await db.execute(sql`update contacts set last_activity_at = ${daysAgo(2)} where workspace_id = ${ws.workspaceId} and id = ${busy}`);
    await rep.api.post('/api/tasks', { title: 'Call next week', entityType: 'contact', entityId: planned });

    // Off until follow-ups are configured.
    expect(await runFollowUps(db, new Date(), ws.workspaceId)).toEqual({ workspaces: 0, tasks: 0 });
    await ws.admin.api.patch('/api/routing/settings', { followUpDays: 7, digestHour: 0 });
    const first = await runFollowUps(db, new Date(), ws.workspaceId);
    expect(first).toEqual({ workspaces: 1, tasks: 1 });
    const tasks = (await rep.api.get('/api/tasks?assignee=me&status=open')).json().items;
    expect(tasks.map((x: { title: string; entityId: string }) => [x.title, x.entityId])).toEqual(
      expect.arrayContaining([['Follow up: Quiet', quiet]]),
    );
    expect(tasks).toHaveLength(2); // the follow-up and the task the rep planned
    const digest = (await rep.api.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'daily_digest');
    expect(digest).toMatchObject([{ title: expect.stringContaining('1 record needs a follow-up') }]);
    // No per-task "assigned you a task" notifications: the digest is the one message.
    expect((await rep.api.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'task_assigned')).toEqual([]);

    // The same day again: nothing new. Even with the digest date reset, the follow-up is not created twice.
    expect(await runFollowUps(db, new Date(), ws.workspaceId)).toEqual({ workspaces: 0, tasks: 0 });
    await db.execute(sql`update routing_settings set last_digest_date = null where workspace_id = ${ws.workspaceId}`);
    expect((await runFollowUps(db, new Date(), ws.workspaceId)).tasks).toBe(0);
    const [count] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from tasks where workspace_id = ${ws.workspaceId} and title like 'Follow up:%'`,
    );
    expect(count!.n).toBe(1);

    // After new activity and another quiet spell, a new follow-up.
    await db.execute(sql`update contacts set last_activity_at = ${daysAgo(8)} where workspace_id = ${ws.workspaceId} and id = ${quiet}`);
    await db.execute(sql`update tasks set status = 'completed' where workspace_id = ${ws.workspaceId} and title = 'Follow up: Quiet'`);
    await db.execute(sql`update routing_settings set last_digest_date = null where workspace_id = ${ws.workspaceId}`);
    expect((await runFollowUps(db, new Date(), ws.workspaceId)).tasks).toBe(1);
    expect(fresh).toBeTruthy();
  });

  it('waits for the digest hour in the workspace time zone', async () => {
    const ws = await createTestWorkspace(t);
    await ws.admin.api.patch('/api/workspace', { timezone: 'Asia/Tokyo' });
    await ws.admin.api.patch('/api/routing/settings', { followUpDays: 3, digestHour: 8 });
    // 22:30 UTC is 07:30 the next morning in Tokyo: too early; 23:30 UTC is 08:30 there.
    expect(localDateHour(new Date('2026-11-20T22:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-11-21', hour: 7 });
    expect((await runFollowUps(t.database.db, new Date('2026-11-20T22:30:00Z'), ws.workspaceId)).workspaces).toBe(0);
    expect((await runFollowUps(t.database.db, new Date('2026-11-20T23:30:00Z'), ws.workspaceId)).workspaces).toBe(1);
    const [s] = await rows<{ d: string }>(
      t.database.db,
      sql`select last_digest_date as d from routing_settings where workspace_id = ${ws.workspaceId}`,
    );
    expect(s!.d).toBe('2026-11-21');
  });
});
