import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../../apps/test-kit.ts';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../../kernel/testing/index.ts';
import { customersAtFor } from './customers-at.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  ctx = { db: t.database.db, workspaceId: ws.workspaceId, actor: { type: 'system', id: 'test', label: 'test' } } as Ctx;
});
afterAll(() => t.close());

const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);
const contact = async (name: string) => {
  const id = (await ws.admin.api.post('/api/contacts', { firstName: name })).json().id as string;
  await exec(sql`delete from lifecycle_history where workspace_id = ${ws.workspaceId} and contact_id = ${id}`);
  return id;
};
const change = (id: string, stage: string, at: string) =>
  exec(sql`insert into lifecycle_history (id, workspace_id, contact_id, to_stage, changed_at, actor_type)
           values (gen_random_uuid(), ${ws.workspaceId}, ${id}, ${stage}, ${at}, 'user')`);
const milestones = async (id: string) =>
  (
    await rows<{ mql: string | null; sqls: string | null; customer: string | null; deleted: string | null }>(
      t.database.db,
      sql`select became_mql_at::text as mql, last_sql_stage_at::text as sqls, became_customer_at::text as customer,
            contact_deleted_at::text as deleted
          from contact_milestones where workspace_id = ${ws.workspaceId} and contact_id = ${id}`,
    )
  )[0];
const at = (iso: string) => new Date(iso);

describe('contact milestones, kept from the lifecycle history by triggers', () => {
  it('follow every insert, update and delete of history rows, and the contact’s deletion', async () => {
    const a = await contact('Ada');
    await change(a, 'lead', '2026-01-01T00:00:00Z');
    expect(await milestones(a)).toBeUndefined(); // a lead only: no row
    await change(a, 'marketing_qualified', '2026-01-05T00:00:00Z');
    await change(a, 'customer', '2026-02-01T00:00:00Z');
    await change(a, 'lead', '2026-03-01T00:00:00Z'); // churned back
    await change(a, 'customer', '2026-04-01T00:00:00Z');
    expect(await milestones(a)).toMatchObject({
      mql: expect.stringContaining('2026-01-05'),
      customer: expect.stringContaining('2026-02-01'),
    });

    // Customer over (02-01, 03-01] and from 04-01 on: the instant itself belongs to the stage before the change.
    const instants = [
      '2026-02-01T00:00:00Z',
      '2026-02-15T00:00:00Z',
      '2026-03-01T00:00:00Z',
      '2026-03-15T00:00:00Z',
      '2026-05-01T00:00:00Z',
    ];
    const counts = await customersAtFor(ctx, instants.map(at));
    expect(instants.map((i) => counts.get(at(i).toISOString()))).toEqual([0, 1, 1, 0, 1]);

    // History moved to another contact (a merge): the milestones move with it.
    const b = await contact('Bea');
    await exec(sql`update lifecycle_history set contact_id = ${b} where workspace_id = ${ws.workspaceId} and contact_id = ${a}`);
    expect(await milestones(a)).toBeUndefined();
    expect((await milestones(b))?.customer).toContain('2026-02-01');

    // Deleted on 04-15: still counted at 04-10, not at 05-01.
    await exec(sql`update contacts set deleted_at = '2026-04-15T00:00:00Z' where workspace_id = ${ws.workspaceId} and id = ${b}`);
    expect((await milestones(b))?.deleted).toContain('2026-04-15');
    const after = await customersAtFor(ctx, [at('2026-04-10T00:00:00Z'), at('2026-05-01T00:00:00Z')]);
    expect([...after.values()]).toEqual([1, 0]);

    // The history purged: no milestones left.
    await exec(sql`delete from lifecycle_history where workspace_id = ${ws.workspaceId} and contact_id = ${b}`);
    expect(await milestones(b)).toBeUndefined();
  });
});
