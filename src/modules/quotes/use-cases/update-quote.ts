import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { QuoteBody } from '../http/quotes.types.ts';
import { getQuote, type Quote } from '../queries/get-quote.ts';
import { quoteApprovals, quoteLines, quotes } from '../schema.ts';
import { buildLines, resolvePriceBook } from './build-lines.ts';
import { insertLines, lockQuote, recordQuoteChange, requireLatest } from './quote-parts.ts';

/** Statuses whose quote the customer has seen: editing them makes a new version. */
const seen = ['sent', 'rejected', 'expired'];

/**
 * Edits a quote. A draft (or one waiting for or holding an approval) changes in place and goes back
 * to draft, withdrawing an open approval request; a sent, declined or expired quote gets a new
 * version (draft) and the old one stays readable; an accepted quote is locked (409 quote_locked).
 */
export async function updateQuote(ctx: Ctx, id: string, input: Partial<QuoteBody>): Promise<Quote> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await lockQuote(c, id);
    if (before.status === 'accepted')
      throw new AppError('quote_locked', `${before.displayNumber} was accepted and can no longer change; create a new quote instead.`, {
        id,
      });
    requireLatest(before);
    const priceBookId = input.priceBookId !== undefined ? await resolvePriceBook(c, input.priceBookId) : before.priceBookId;
    const lineInput =
      input.lines ??
      before.lines.map((l) => ({
        productId: l.productId ?? undefined,
        name: l.name,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discountPct: l.discountPct,
        taxPct: l.taxPct,
        billing: l.billing,
      }));
    const built = await buildLines(c, lineInput, before.currency, priceBookId ?? (await resolvePriceBook(c, null)));
    const values = {
      priceBookId,
      validUntil: input.validUntil ?? before.validUntil,
      notes: input.notes !== undefined ? input.notes.trim() : before.notes,
      ...built.totals,
      maxLineDiscountPct: String(built.maxDiscountPct),
      status: 'draft' as const,
      updatedAt: new Date(),
    };
    let targetId = id;
    if (seen.includes(before.status)) {
      await tx
        .update(quotes)
        .set({ supersededAt: new Date() })
        .where(inWorkspace(quotes.workspaceId, ctx, eq(quotes.id, id)));
      const [row] = await tx
        .insert(quotes)
        .values({
          workspaceId: ctx.workspaceId,
          dealId: before.dealId,
          number: before.number,
          version: before.version + 1,
          currency: before.currency,
          createdBy: ctx.actor.userId ?? null,
          ...values,
        })
        .returning({ id: quotes.id });
      targetId = row!.id;
    } else {
      await tx
        .update(quotes)
        .set(values)
        .where(inWorkspace(quotes.workspaceId, ctx, eq(quotes.id, id)));
      await tx.delete(quoteLines).where(inWorkspace(quoteLines.workspaceId, ctx, eq(quoteLines.quoteId, id)));
      await tx
        .update(quoteApprovals)
        .set({ decision: 'withdrawn', decidedAt: new Date(), comment: 'The quote was edited.' })
        .where(inWorkspace(quoteApprovals.workspaceId, ctx, eq(quoteApprovals.quoteId, id), sql`decision is null`));
    }
    await insertLines(c, targetId, built.lines);
    const after = await getQuote(c, targetId);
    await recordQuoteChange(c, targetId === id ? 'quote.updated' : 'quote.versioned', before, after, {
      previousVersionId: targetId === id ? undefined : id,
    });
    return after;
  });
}
