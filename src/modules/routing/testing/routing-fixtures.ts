import { sql } from 'drizzle-orm';
import type { Role } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { subscriberJob } from '../../../kernel/events/index.ts';
import type { Caller, TestPlatform } from '../../../kernel/testing/index.ts';
import { createTeam } from '../../identity/index.ts';

interface Workspace<M extends { userId: string }> {
  admin: { api: Caller; ctx: Ctx };
  member(role: Role): Promise<M>;
}

/** A team of `reps` sales reps, and a maker of companies with a country and a size. */
export async function routingWorkspace<M extends { userId: string }>(ws: Workspace<M>, reps = 3) {
  const members = [];
  for (let i = 0; i < reps; i++) members.push(await ws.member('sales_rep'));
  const team = await createTeam(ws.admin.ctx, { name: 'Team', memberIds: members.map((m) => m.userId) });
  const company = async (name: string, country: string, employees: number) =>
    (await ws.admin.api.post('/api/companies', { name, domain: `${name.toLowerCase()}.example`, country, employeeCount: employees })).json()
      .id as string;
  return { members, teamId: team.id, company };
}

/** Runs one event subscriber over the workspace's outbox events of some types, as the worker would. */
export async function runSubscriber(t: TestPlatform, workspaceId: string, subscriber: string, types: string[]) {
  const events = await rows<{ id: string }>(
    t.database.db,
    sql`select id from outbox_events where workspace_id = ${workspaceId} and type in ${sql`(${sql.join(
      types.map((x) => sql`${x}`),
      sql`, `,
    )})`} order by id`,
  );
  for (const e of events)
    await subscriberJob.handler(
      { eventId: e.id, subscriber },
      { jobId: e.id, attempt: 1, workspaceId, database: t.database, progress: async () => {}, cancelled: async () => false },
    );
}
