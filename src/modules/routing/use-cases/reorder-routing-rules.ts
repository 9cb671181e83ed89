import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { getRoutingRules } from '../queries/get-routing-rules.ts';
import { routingRules } from '../schema.ts';

/** Puts the rules in the given order; the list must name every rule of the workspace exactly once. */
export async function reorderRoutingRules(ctx: Ctx, ids: string[]) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`routing-rules:${ctx.workspaceId}`}))`);
    const current = await tx
      .select({ id: routingRules.id })
      .from(routingRules)
      .where(inWorkspace(routingRules.workspaceId, ctx))
      .for('update');
    const known = new Set(current.map((r) => r.id));
    ids.forEach((id, i) => {
      if (!known.has(id))
        throw new AppError('routing_rule_not_found', `No routing rule with id ${id} in this workspace.`, { path: ['body', 'ids', i], id });
    });
    if (new Set(ids).size !== ids.length || ids.length !== known.size)
      throw new AppError('validation_failed', `List every rule exactly once (${known.size} rules; got ${ids.length} ids).`, {
        path: ['body', 'ids'],
      });
    for (const [i, id] of ids.entries())
      await tx
        .update(routingRules)
        .set({ position: i + 1 })
        .where(and(eq(routingRules.workspaceId, ctx.workspaceId), eq(routingRules.id, id)));
    await recordAudit(c, { action: 'routing_rule.reordered', entityType: 'routing_rule', entityId: ctx.workspaceId, after: { ids } });
    await emitEvent(c, {
      type: 'routing_rule.changed',
      entityType: 'routing_rule',
      entityId: ctx.workspaceId,
      data: { change: 'reordered' },
    });
    return getRoutingRules(c);
  });
}
