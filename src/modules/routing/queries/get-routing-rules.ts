import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { routingRules } from '../schema.ts';

export type RoutingRule = typeof routingRules.$inferSelect;

/** A rule as the API shows it (the round-robin cursor stays internal). */
export function toRule(r: RoutingRule) {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    active: r.active,
    conditions: r.conditions,
    strategy: r.strategy,
    teamId: r.teamId,
    ownerId: r.ownerId,
    loadMeasure: r.loadMeasure,
    assignedCount: r.assignedCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The workspace's rules in evaluation order. */
export async function getRoutingRules(ctx: Ctx) {
  const list = await ctx.db
    .select()
    .from(routingRules)
    .where(inWorkspace(routingRules.workspaceId, ctx))
    .orderBy(asc(routingRules.position), asc(routingRules.id));
  return list.map(toRule);
}

/** One rule row, or 404 routing_rule_not_found. */
export async function loadRule(ctx: Ctx, id: string, forUpdate = false): Promise<RoutingRule> {
  const q = ctx.db
    .select()
    .from(routingRules)
    .where(inWorkspace(routingRules.workspaceId, ctx, eq(routingRules.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('routing_rule', id);
  return row;
}
