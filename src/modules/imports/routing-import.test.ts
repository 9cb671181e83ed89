import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { createTeam } from '../identity/index.ts';
import { importer } from './testing/importer.ts';
import { importTestEnv } from './testing/test-app.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp(importTestEnv());
});
afterAll(() => t.close());

const ownersOf = (workspaceId: string) =>
  rows<{ email: string; owner_id: string | null; routed: boolean }>(
    t.database.db,
    sql`select c.email, c.owner_id, exists(select 1 from lead_assignments a where a.workspace_id = c.workspace_id and a.contact_id = c.id) as routed
        from contacts c where c.workspace_id = ${workspaceId} order by c.email`,
  );

/** Two sales reps in a team. */
async function routingWorkspace(ws: TestWorkspace) {
  const members = [await ws.member('sales_rep'), await ws.member('sales_rep')];
  const team = await createTeam(ws.admin.ctx, { name: 'Team', memberIds: members.map((m) => m.userId) });
  return { members, teamId: team.id };
}

describe('imported leads and routing', () => {
  it('routes leads created without an owner by the rules (round robin), leaves named owners and non-leads alone', async () => {
    const ws = await createTestWorkspace(t);
    const { teamId, members } = await routingWorkspace(ws);
    await ws.admin.api.post('/api/routing/rules', { name: 'Everyone', strategy: 'round_robin', teamId });
    expect((await ws.admin.api.patch('/api/routing/settings', { enabled: true })).statusCode).toBe(200);
    const owner = (await rows<{ email: string }>(t.database.db, sql`select email from users where id = ${ws.admin.userId}`))[0]!.email;
    const csv = [
      'Email,First Name,Lifecycle Stage,Contact owner',
      'a@lead.example,A,lead,',
      'b@lead.example,B,lead,',
      'c@lead.example,C,,',
      'd@lead.example,D,customer,',
      `e@lead.example,E,lead,${owner}`,
    ].join('\n');
    const r = await importer(t, ws).run(csv);
    expect(r.import.counts.created).toBe(5);
    const list = await ownersOf(ws.workspaceId);
    const team = new Set(members.map((m) => m.userId));
    const [a, b, c, d, e] = list;
    // Three leads go round the two-member team; both members get one.
    expect([a, b, c].every((x) => x!.routed && team.has(x!.owner_id!))).toBe(true);
    expect(new Set([a, b, c].map((x) => x!.owner_id)).size).toBe(2);
    // A customer is no lead: the importer stays owner, no SLA clock. A named owner wins over the rules.
    expect(d).toMatchObject({ owner_id: ws.admin.userId, routed: false });
    expect(e).toMatchObject({ owner_id: ws.admin.userId, routed: false });
    const events = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from outbox_events where workspace_id = ${ws.workspaceId} and type = 'lead.assigned'`,
    );
    expect(events[0]!.n).toBe(3);
  });

  it('leaves owners to the importer when routing is off', async () => {
    const ws = await createTestWorkspace(t);
    const { teamId } = await routingWorkspace(ws);
    await ws.admin.api.post('/api/routing/rules', { name: 'Everyone', strategy: 'round_robin', teamId });
    await importer(t, ws).run('Email,First Name\nx@off.example,X\n');
    expect(await ownersOf(ws.workspaceId)).toEqual([{ email: 'x@off.example', owner_id: ws.admin.userId, routed: false }]);
  });
});
