import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { runFollowUps } from '../routing/index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('deal follow-ups', () => {
  it('gives the owner of an open deal quiet for N days one follow-up task; closed, busy and unowned deals get none', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    const db = t.database.db;
    await ws.admin.api.post('/api/pipelines', { name: 'Sales' });
    const deal = async (name: string, ownerId: string | null = rep.userId) =>
      (await ws.admin.api.post('/api/deals', { name, ownerId, amount: 1000 })).json().id as string;
    const quiet = await deal('Quiet deal');
    const busy = await deal('Busy deal');
    const unowned = await deal('Nobody’s deal', null);
    const lost = await deal('Lost deal');
    const stages = (await ws.admin.api.get('/api/pipelines')).json().items[0].stages as { id: string; type: string }[];
    await ws.admin.api.post(`/api/deals/${lost}/move`, { stageId: stages.find((s) => s.type === 'lost')!.id, lossReason: 'Timing' });
    await db.execute(sql`update deals set created_at = ${daysAgo(20)} where workspace_id = ${ws.workspaceId}`);
    const logged = await ws.admin.api.post('/api/activities', {
      type: 'note',
      body: 'Check-in',
      links: [{ entityType: 'deal', entityId: busy }],
    });
    expect(logged.statusCode, logged.body).toBe(201);
    await ws.admin.api.patch('/api/routing/settings', { followUpDays: 14, digestHour: 0 });
    expect((await runFollowUps(db, new Date(), ws.workspaceId)).tasks).toBe(1);
    const tasks = (await rep.api.get('/api/tasks?assignee=me&status=open')).json().items;
    expect(tasks.map((x: { title: string; entityType: string; entityId: string }) => [x.title, x.entityType, x.entityId])).toEqual([
      ['Follow up: Quiet deal', 'deal', quiet],
    ]);
    expect(unowned).toBeTruthy();
    await db.execute(sql`update routing_settings set last_digest_date = null where workspace_id = ${ws.workspaceId}`);
    expect((await runFollowUps(db, new Date(), ws.workspaceId)).tasks).toBe(0);
  });
});
