import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import type { RoutingRule } from '../queries/get-routing-rules.ts';
import type { RoutingSettings } from '../queries/get-routing-settings.ts';
import { matchConditions } from '../queries/match-rules.ts';
import { routingRules } from '../schema.ts';
import { pickOwner } from './pick-owner.ts';

export interface RoutingDecision {
  ownerId: string | null;
  ruleId: string | null;
  ruleName: string | null;
  /** rule: a rule matched and had someone; fallback: the fallback owner; unassigned: nobody. */
  reason: 'rule' | 'fallback' | 'unassigned';
  /** Whether the contact is a lead (routing leaves other contacts alone). */
  isLead: boolean;
  /** For previews: every rule tried, whether it matched, and whom it would pick. */
  trace: { ruleId: string; name: string; matched: boolean; ownerId: string | null }[];
}

export const activeRules = (ctx: Ctx) =>
  ctx.db
    .select()
    .from(routingRules)
    .where(inWorkspace(routingRules.workspaceId, ctx, eq(routingRules.active, true)))
    .orderBy(asc(routingRules.position), asc(routingRules.id));

const lockRule = async (ctx: Ctx, id: string): Promise<RoutingRule | undefined> =>
  (
    await ctx.db
      .select()
      .from(routingRules)
      .where(inWorkspace(routingRules.workspaceId, ctx, eq(routingRules.id, id)))
      .for('update')
  )[0];

async function isMember(ctx: Ctx, userId: string | null) {
  if (!userId) return false;
  return (await rows(ctx.db, sql`select 1 from memberships where workspace_id = ${ctx.workspaceId} and user_id = ${userId}`)).length > 0;
}

/**
 * Runs the rules against a contact: the first matching rule that can pick someone wins, then the
 * fallback owner, else nobody. With `commit`, the winning rule's row is locked while it picks and its
 * cursor moves; without (previews), nothing is written. Null when the contact does not exist.
 */
export async function decideOwner(
  ctx: Ctx,
  contactId: string,
  settings: RoutingSettings,
  opts: { commit: boolean; rules?: RoutingRule[] },
): Promise<RoutingDecision | null> {
  const rules = opts.rules ?? (await activeRules(ctx));
  const match = await matchConditions(
    ctx,
    contactId,
    rules.map((r) => r.conditions),
    settings.timezone,
  );
  if (!match) return null;
  // Creating a non-lead moves no cursor: routing leaves it alone.
  if (opts.commit && !match.isLead) return { ownerId: null, ruleId: null, ruleName: null, reason: 'unassigned', isLead: false, trace: [] };
  const trace: RoutingDecision['trace'] = [];
  for (const [i, rule] of rules.entries()) {
    if (!match.matches[i]) {
      trace.push({ ruleId: rule.id, name: rule.name, matched: false, ownerId: null });
      continue;
    }
    // A rule deleted or switched off since the list was read is passed over, not an error for the create.
    const current = opts.commit ? await lockRule(ctx, rule.id) : rule;
    const ownerId = current && (current.active || !opts.commit) ? await pickOwner(ctx, current) : null;
    trace.push({ ruleId: rule.id, name: rule.name, matched: true, ownerId });
    if (!ownerId) continue;
    if (opts.commit)
      await ctx.db
        .update(routingRules)
        .set({ lastUserId: ownerId, assignedCount: sql`${routingRules.assignedCount} + 1` })
        .where(and(eq(routingRules.workspaceId, ctx.workspaceId), eq(routingRules.id, rule.id)));
    return { ownerId, ruleId: rule.id, ruleName: rule.name, reason: 'rule', isLead: match.isLead, trace };
  }
  if (await isMember(ctx, settings.fallbackOwnerId))
    return { ownerId: settings.fallbackOwnerId, ruleId: null, ruleName: null, reason: 'fallback', isLead: match.isLead, trace };
  return { ownerId: null, ruleId: null, ruleName: null, reason: 'unassigned', isLead: match.isLead, trace };
}
