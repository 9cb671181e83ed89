import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { loadRule, toRule } from '../queries/get-routing-rules.ts';
import { routingRules } from '../schema.ts';

/** Deletes a rule. Past assignments keep its name (lead_assignments.rule_name). */
export async function deleteRoutingRule(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await loadRule(c, id, true);
    await tx.delete(routingRules).where(and(eq(routingRules.workspaceId, ctx.workspaceId), eq(routingRules.id, id)));
    await recordAudit(c, { action: 'routing_rule.deleted', entityType: 'routing_rule', entityId: id, before: toRule(before) });
    await emitEvent(c, {
      type: 'routing_rule.changed',
      entityType: 'routing_rule',
      entityId: id,
      data: { change: 'deleted', name: before.name },
    });
  });
}
