import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { displayNumber } from '../use-cases/next-number.ts';

/** Open approval requests of the workspace, oldest first (the approvals inbox). */
export async function getPendingApprovals(ctx: Ctx) {
  const list = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select a.id, a.quote_id as "quoteId", a.reason, a.max_discount_pct::float8 as "maxDiscountPct", a.requested_by as "requestedBy",
               ru.name as "requestedByName", a.created_at as "requestedAt", a.decision, a.decided_by as "decidedBy", null as "decidedByName",
               a.decided_at as "decidedAt", a.comment, q.number, q.version, q.deal_id as "dealId", d.name as "dealName", q.currency,
               q.total::float8 as total, (a.requested_by = ${ctx.actor.userId ?? null} or q.created_by = ${ctx.actor.userId ?? null}) as "ownRequest"
        from quote_approvals a
        join quotes q on q.id = a.quote_id and q.workspace_id = a.workspace_id
        join deals d on d.id = q.deal_id and d.workspace_id = q.workspace_id and d.deleted_at is null
        left join users ru on ru.id = a.requested_by
        where a.workspace_id = ${ctx.workspaceId} and a.decision is null and q.status = 'pending_approval'
        order by a.created_at limit 500`,
  );
  return list.map((r) => ({
    ...(r as never as { number: number; version: number }),
    ...r,
    ownRequest: r.ownRequest === true,
    displayNumber: displayNumber('Q', Number(r.number)),
    version: Number(r.version),
    requestedAt: new Date(r.requestedAt as string),
    decidedAt: null,
  })) as never[];
}
