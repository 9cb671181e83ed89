import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { RuleInput } from '../http/routing.types.ts';
import { toRule } from '../queries/get-routing-rules.ts';
import { routingRules } from '../schema.ts';
import { checkRule } from './check-rule.ts';

/** Adds a rule at the end of the list (reorder to move it up). */
export async function createRoutingRule(ctx: Ctx, input: RuleInput) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const values = await checkRule(c, input);
    // Serialize appends per workspace so two new rules never share a position.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`routing-rules:${ctx.workspaceId}`}))`);
    const [last] = await rows<{ p: number | null }>(
      tx,
      sql`select max(position) as p from routing_rules where workspace_id = ${ctx.workspaceId}`,
    );
    const [row] = await tx
      .insert(routingRules)
      .values({ workspaceId: ctx.workspaceId, ...values, position: (last?.p ?? 0) + 1 })
      .returning();
    const rule = toRule(row!);
    await recordAudit(c, { action: 'routing_rule.created', entityType: 'routing_rule', entityId: rule.id, after: rule });
    await emitEvent(c, {
      type: 'routing_rule.changed',
      entityType: 'routing_rule',
      entityId: rule.id,
      data: { change: 'created', name: rule.name },
    });
    return rule;
  });
}
