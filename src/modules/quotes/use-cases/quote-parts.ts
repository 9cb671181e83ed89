import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { notifyUser } from '../../activities/index.ts';
import { getQuote, type Quote, quoteNotFound } from '../queries/get-quote.ts';
import { quoteLines } from '../schema.ts';
import type { BuiltLine } from './build-lines.ts';

/** The quote row locked for the rest of the transaction, then read in full (404 when its deal is not visible). */
export async function lockQuote(ctx: Ctx, id: string): Promise<Quote> {
  const [r] = await rows(ctx.db, sql`select id from quotes where workspace_id = ${ctx.workspaceId} and id = ${id} for update`);
  if (!r) throw quoteNotFound(id);
  return getQuote(ctx, id);
}

export async function insertLines(ctx: Ctx, quoteId: string, lines: BuiltLine[]) {
  if (lines.length) await ctx.db.insert(quoteLines).values(lines.map((l) => ({ ...l, workspaceId: ctx.workspaceId, quoteId })));
}

/** Later versions replace a quote: only the newest is edited or moved on. */
export function requireLatest(q: Quote) {
  if (!q.latest) {
    const newest = q.versions.at(-1)!;
    throw new AppError('quote_superseded', `${q.displayNumber} v${q.version} was replaced by v${newest.version}; work on that one.`, {
      latestId: newest.id,
    });
  }
}

/** 409 quote_wrong_status unless the quote is in one of `allowed`. */
export function requireStatus(q: Quote, allowed: string[], doing: string) {
  if (!allowed.includes(q.status))
    throw new AppError(
      'quote_wrong_status',
      `Cannot ${doing} ${q.displayNumber}: it is ${q.status.replace('_', ' ')} (needs ${allowed.join(' or ')}).`,
      {
        status: q.status,
        allowed,
      },
    );
}

/** Audit entry and outbox event for a quote change, in the caller's transaction. */
export async function recordQuoteChange(ctx: Ctx, action: string, before: Quote | null, after: Quote, data: Record<string, unknown> = {}) {
  await recordAudit(ctx, { action, entityType: 'quote', entityId: after.id, before, after });
  await emitEvent(ctx, {
    type: action,
    entityType: 'quote',
    entityId: after.id,
    data: {
      number: after.displayNumber,
      version: after.version,
      dealId: after.dealId,
      status: after.status,
      total: after.total,
      currency: after.currency,
      ...data,
    },
  });
}

/** In-app notifications to the workspace's admins and sales managers (not the requester). */
export async function notifyApprovers(ctx: Ctx, q: Quote, reason: string) {
  const approvers = await rows<{ user_id: string }>(
    ctx.db,
    sql`select user_id from memberships where workspace_id = ${ctx.workspaceId} and role in ('admin', 'sales_manager')
        and user_id is distinct from ${ctx.actor.userId ?? null}`,
  );
  for (const a of approvers)
    await notifyUser(ctx.db, {
      workspaceId: ctx.workspaceId,
      userId: a.user_id,
      kind: 'quote_approval_requested',
      title: `${ctx.actor.label} asks you to approve ${q.displayNumber} (${q.dealName})`,
      body: reason,
      link: '/approvals',
    });
}
