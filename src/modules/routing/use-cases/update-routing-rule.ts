import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { RuleInput } from '../http/routing.types.ts';
import { loadRule, toRule } from '../queries/get-routing-rules.ts';
import { routingRules } from '../schema.ts';
import { checkRule } from './check-rule.ts';

/** Changes some fields of a rule; the merged rule is checked like a new one. */
export async function updateRoutingRule(ctx: Ctx, id: string, input: Partial<RuleInput>) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await loadRule(c, id, true);
    const merged: RuleInput = {
      name: input.name ?? before.name,
      active: input.active ?? before.active,
      conditions: (input.conditions ?? before.conditions) as RuleInput['conditions'],
      strategy: input.strategy ?? before.strategy,
      teamId: input.teamId === undefined ? before.teamId : input.teamId,
      ownerId: input.ownerId === undefined ? before.ownerId : input.ownerId,
      loadMeasure: input.loadMeasure ?? before.loadMeasure,
    };
    const values = await checkRule(c, merged);
    const [row] = await tx
      .update(routingRules)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(routingRules.workspaceId, ctx.workspaceId), eq(routingRules.id, id)))
      .returning();
    const rule = toRule(row!);
    await recordAudit(c, { action: 'routing_rule.updated', entityType: 'routing_rule', entityId: id, before: toRule(before), after: rule });
    await emitEvent(c, {
      type: 'routing_rule.changed',
      entityType: 'routing_rule',
      entityId: id,
      data: { change: 'updated', name: rule.name },
    });
    return rule;
  });
}
