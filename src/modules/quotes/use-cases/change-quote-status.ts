import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { getQuote, type Quote } from '../queries/get-quote.ts';
import { quotes } from '../schema.ts';
import { lockQuote, recordQuoteChange, requireLatest, requireStatus } from './quote-parts.ts';

export type QuoteStep = 'ready' | 'sent' | 'accepted' | 'rejected';

/**
 * The customer-facing steps: ready (draft → approved, when no approval is needed), sent (approved, or
 * a draft that needs no approval → sent), accepted / rejected (sent → …; an expired quote cannot be
 * accepted: 409 quote_expired). A discount above the limit blocks ready/sent with 409 approval_required.
 */
export async function changeQuoteStatus(ctx: Ctx, id: string, step: QuoteStep): Promise<Quote> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await lockQuote(c, id);
    requireLatest(before);
    if (before.status === 'accepted') throw new AppError('quote_locked', `${before.displayNumber} was accepted already.`, { id });
    const set: Partial<typeof quotes.$inferInsert> = { updatedAt: new Date() };
    if (step === 'ready' || step === 'sent') {
      requireStatus(before, step === 'ready' ? ['draft'] : ['draft', 'approved'], step === 'ready' ? 'mark ready' : 'send');
      if (before.status === 'draft' && before.needsApproval)
        throw new AppError(
          'approval_required',
          `${before.displayNumber} has a discount of ${before.maxLineDiscountPct}% (more than ${before.approvalLimitPct}%); request approval first.`,
          { maxLineDiscountPct: before.maxLineDiscountPct, approvalLimitPct: before.approvalLimitPct },
        );
      if (!before.lines.length)
        throw new AppError('quote_empty', `${before.displayNumber} has no lines; add at least one.`, { path: ['lines'] });
      set.status = step === 'ready' ? 'approved' : 'sent';
      if (step === 'sent') set.sentAt = new Date();
    } else {
      if (before.status === 'expired')
        throw new AppError(
          'quote_expired',
          `${before.displayNumber} expired on ${before.validUntil}; edit it (a new version) with a later valid-until date.`,
          {
            validUntil: before.validUntil,
          },
        );
      requireStatus(before, ['sent'], step === 'accepted' ? 'accept' : 'mark as rejected');
      set.status = step;
      if (step === 'accepted') set.acceptedAt = new Date();
      else set.rejectedAt = new Date();
    }
    await tx
      .update(quotes)
      .set(set)
      .where(inWorkspace(quotes.workspaceId, ctx, eq(quotes.id, id)));
    const after = await getQuote(c, id);
    const action = { ready: 'quote.ready', sent: 'quote.sent', accepted: 'quote.accepted', rejected: 'quote.rejected' }[step];
    await recordQuoteChange(c, action, before, after);
    return after;
  });
}
