import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { notifyUser } from '../../activities/index.ts';
import { getQuote, type Quote } from '../queries/get-quote.ts';
import { quoteApprovals, quotes } from '../schema.ts';
import { lockQuote, recordQuoteChange, requireStatus } from './quote-parts.ts';

/**
 * An admin or sales manager approves (→ approved) or rejects (→ draft, comment required) a pending
 * quote. Nobody decides on a discount they asked for or a quote they wrote (403 cannot_approve_own_quote).
 * The requester is notified either way.
 */
export async function decideQuoteApproval(ctx: Ctx, id: string, decision: 'approved' | 'rejected', comment = ''): Promise<Quote> {
  if (decision === 'rejected' && !comment.trim())
    throw new AppError('validation_failed', 'Say why the discount is rejected, so the rep knows what to change.', {
      path: ['body', 'comment'],
    });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await lockQuote(c, id);
    requireStatus(before, ['pending_approval'], decision === 'approved' ? 'approve' : 'reject');
    const open = before.approvals.find((a) => a.decision === null);
    const me = ctx.actor.userId;
    if (!me || open?.requestedBy === me || before.createdBy === me)
      throw new AppError(
        'cannot_approve_own_quote',
        'You asked for this discount (or wrote the quote); another manager or admin has to decide it.',
        {
          id,
        },
      );
    await tx
      .update(quoteApprovals)
      .set({ decision, decidedBy: me, decidedAt: new Date(), comment: comment.trim(), updatedAt: new Date() })
      .where(inWorkspace(quoteApprovals.workspaceId, ctx, eq(quoteApprovals.quoteId, id), sql`decision is null`));
    await tx
      .update(quotes)
      .set({ status: decision === 'approved' ? 'approved' : 'draft', updatedAt: new Date() })
      .where(inWorkspace(quotes.workspaceId, ctx, eq(quotes.id, id)));
    const after = await getQuote(c, id);
    const to = open?.requestedBy ?? before.createdBy;
    if (to)
      await notifyUser(tx, {
        workspaceId: ctx.workspaceId,
        userId: to,
        kind: decision === 'approved' ? 'quote_approved' : 'quote_rejected',
        title: `${ctx.actor.label} ${decision} the discount on ${after.displayNumber} (${after.dealName})`,
        body: comment.trim(),
        link: `/deals/${after.dealId}?quote=${after.id}`,
      });
    await recordQuoteChange(c, decision === 'approved' ? 'quote.approved' : 'quote.approval_rejected', before, after, {
      comment: comment.trim(),
    });
    return after;
  });
}
