import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { getDeal } from '../../sales/index.ts';
import type { QuoteBody } from '../http/quotes.types.ts';
import { getQuote, type Quote } from '../queries/get-quote.ts';
import { getQuoteSettings } from '../queries/get-quote-settings.ts';
import { quotes } from '../schema.ts';
import { buildLines, resolvePriceBook } from './build-lines.ts';
import { nextNumber } from './next-number.ts';
import { insertLines, recordQuoteChange } from './quote-parts.ts';

/** The workspace's today + n days, as an ISO date. */
export async function daysFromToday(ctx: Ctx, days: number): Promise<string> {
  const [r] = await rows<{ d: string }>(
    ctx.db,
    sql`select ((now() at time zone timezone)::date + ${days}::int)::text as d from workspaces where id = ${ctx.workspaceId}`,
  );
  return r!.d;
}

/** A draft quote (version 1, next quote number) on a deal, in the deal's currency. */
export async function createQuote(ctx: Ctx, dealId: string, input: QuoteBody): Promise<Quote> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const deal = await getDeal(c, dealId);
    const settings = await getQuoteSettings(c);
    const priceBookId = await resolvePriceBook(c, input.priceBookId);
    const built = await buildLines(c, input.lines, deal.currency, priceBookId);
    const number = await nextNumber(tx, ctx.workspaceId, 'quote');
    const [row] = await tx
      .insert(quotes)
      .values({
        workspaceId: ctx.workspaceId,
        dealId,
        number,
        version: 1,
        currency: deal.currency,
        priceBookId,
        validUntil: input.validUntil ?? (await daysFromToday(c, settings.defaultValidDays)),
        notes: input.notes?.trim() ?? '',
        ...built.totals,
        maxLineDiscountPct: String(built.maxDiscountPct),
        createdBy: ctx.actor.userId ?? null,
      })
      .returning({ id: quotes.id });
    await insertLines(c, row!.id, built.lines);
    const after = await getQuote(c, row!.id);
    await recordQuoteChange(c, 'quote.created', null, after);
    return after;
  });
}
