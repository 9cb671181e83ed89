import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { leadAssigner, leadRoutingOn } from '../../../contacts/index.ts';

/**
 * Runs lead routing for the contacts a batch created without an owner cell, inside the batch's
 * transaction, when routing is on (asked once per batch): the rules see each contact with its emails and
 * company link and start the SLA clock as for a contact created through the API. Owners are written as
 * they are picked, so round robin and least-loaded see the previous pick. Returns how many were routed.
 */
export async function routeImportedLeads(ctx: Ctx, created: { id: string; defaultOwner: string | null }[]) {
  const assign = leadAssigner();
  if (!assign || !created.length || !(await leadRoutingOn(ctx))) return 0;
  let routed = 0;
  for (const c of created) {
    const owner = await assign(ctx, c.id);
    if (owner === undefined) continue;
    routed++;
    if (owner !== c.defaultOwner)
      await ctx.db.execute(sql`update contacts set owner_id = ${owner} where workspace_id = ${ctx.workspaceId} and id = ${c.id}`);
  }
  return routed;
}
