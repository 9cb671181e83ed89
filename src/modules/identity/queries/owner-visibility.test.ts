import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { ownerVisibility } from './owner-visibility.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep1: TestMember, rep2: TestMember, rep3: TestMember, manager: TestMember, marketer: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  [rep1, rep2, rep3, manager, marketer] = [
    await ws.member('sales_rep'),
    await ws.member('sales_rep'),
    await ws.member('sales_rep'),
    await ws.member('sales_manager'),
    await ws.member('marketing'),
  ];
  // rep1 and rep2 form a team managed by `manager`; rep3 is alone.
  const team = await ws.admin.api.post('/api/teams', { name: 'East', managerId: manager.userId, memberIds: [rep1.userId, rep2.userId] });
  expect(team.statusCode).toBe(201);
  for (const [name, owner] of [
    ['r1', rep1.userId],
    ['r2', rep2.userId],
    ['r3', rep3.userId],
    ['unowned', null],
  ] as const)
    await t.database.db.execute(
      sql`insert into contacts (id, workspace_id, display_name, owner_id) values (gen_random_uuid(), ${ws.workspaceId}, ${name}, ${owner})`,
    );
});
afterAll(() => t.close());

async function visible(member: TestMember) {
  const list = await rows<{ display_name: string }>(
    t.database.db,
    sql`select display_name from contacts where workspace_id = ${ws.workspaceId} and ${ownerVisibility(member.ctx, sql`owner_id`)} order by display_name`,
  );
  return list.map((r) => r.display_name);
}

async function setVisibility(v: 'own' | 'team' | 'all') {
  expect((await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: v } })).statusCode).toBe(200);
}

describe('rep visibility', () => {
  it('shows everyone everything when the setting is all', async () => {
    await setVisibility('all');
    expect(await visible(rep1)).toEqual(['r1', 'r2', 'r3', 'unowned']);
  });

  it('limits reps to their own records under own; managers see their team; other roles see all', async () => {
    await setVisibility('own');
    expect(await visible(rep1)).toEqual(['r1']);
    expect(await visible(rep3)).toEqual(['r3']);
    expect(await visible(manager)).toEqual(['r1', 'r2']);
    expect(await visible(marketer)).toEqual(['r1', 'r2', 'r3', 'unowned']);
    expect(await visible(ws.admin)).toEqual(['r1', 'r2', 'r3', 'unowned']);
  });

  it('lets reps see their teammates’ records under team', async () => {
    await setVisibility('team');
    expect(await visible(rep1)).toEqual(['r1', 'r2']);
    expect(await visible(rep3)).toEqual(['r3']);
  });
});

describe('teams', () => {
  it('rejects a member id from outside the workspace, naming it', async () => {
    const other = await createTestWorkspace(t, 'Other');
    const res = await ws.admin.api.post('/api/teams', { name: 'Bad', memberIds: [other.admin.userId] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'user_not_found', details: { path: ['body', 'memberIds'], ids: [other.admin.userId] } });
  });

  it('updates members and deletes teams; reps may read but not change them', async () => {
    const { id } = (await ws.admin.api.post('/api/teams', { name: 'West', memberIds: [rep3.userId] })).json();
    const patched = await ws.admin.api.patch(`/api/teams/${id}`, { memberIds: [rep3.userId, rep1.userId] });
    expect(patched.json().memberIds.sort()).toEqual([rep3.userId, rep1.userId].sort());
    expect((await rep1.api.get('/api/teams')).statusCode).toBe(200);
    expect((await rep1.api.delete(`/api/teams/${id}`)).statusCode).toBe(403);
    expect((await ws.admin.api.delete(`/api/teams/${id}`)).statusCode).toBe(200);
    expect((await ws.admin.api.get('/api/teams')).json().items.map((x: { name: string }) => x.name)).toEqual(['East']);
  });
});
