import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { getQuote, type Quote } from '../queries/get-quote.ts';
import { quoteApprovals, quotes } from '../schema.ts';
import { lockQuote, notifyApprovers, recordQuoteChange, requireLatest, requireStatus } from './quote-parts.ts';

/** The lines whose discount is above the limit, as a sentence for the approver. */
export function approvalReason(q: Quote) {
  const lines = q.lines
    .filter((l) => l.discountPct > q.approvalLimitPct)
    .map((l) => `Line ${l.position + 1} (${l.name}): ${l.discountPct}% discount`);
  return `${lines.join('; ')} — above the ${q.approvalLimitPct}% allowed without approval.`;
}

/** Draft → pending_approval for a quote whose discount needs it; admins and sales managers are notified. */
export async function requestQuoteApproval(ctx: Ctx, id: string, comment = ''): Promise<Quote> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await lockQuote(c, id);
    requireLatest(before);
    requireStatus(before, ['draft'], 'request approval for');
    if (!before.needsApproval)
      throw new AppError(
        'approval_not_needed',
        `No line of ${before.displayNumber} is discounted above ${before.approvalLimitPct}%; mark it ready or send it directly.`,
      );
    const reason = approvalReason(before);
    await tx.insert(quoteApprovals).values({
      workspaceId: ctx.workspaceId,
      quoteId: id,
      requestedBy: ctx.actor.userId ?? null,
      reason: comment.trim() ? `${reason}\n${comment.trim()}` : reason,
      maxDiscountPct: String(before.maxLineDiscountPct),
    });
    await tx
      .update(quotes)
      .set({ status: 'pending_approval', updatedAt: new Date() })
      .where(inWorkspace(quotes.workspaceId, ctx, eq(quotes.id, id)));
    const after = await getQuote(c, id);
    await notifyApprovers(c, after, reason);
    await recordQuoteChange(c, 'quote.approval_requested', before, after, { reason });
    return after;
  });
}
