import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { workspaceCurrency } from '../../companies/index.ts';
import { checkCurrency } from '../currency.ts';
import { exchangeRates } from '../schema.ts';

export interface ExchangeRateInput {
  currency: string;
  /** Defaults to the workspace (reporting) currency. */
  quote?: string;
  /** 1 currency = rate quote. */
  rate: number;
  /** YYYY-MM-DD; the rate holds from this day until the pair's next row. */
  validFrom: string;
}

export interface ExchangeRate {
  id: string;
  currency: string;
  quote: string;
  rate: number;
  validFrom: string;
}

export const toRate = (r: typeof exchangeRates.$inferSelect): ExchangeRate => ({
  id: r.id,
  currency: r.currency,
  quote: r.quote,
  rate: Number(r.rate),
  validFrom: r.validFrom,
});

/** Records (or replaces) the rate of a currency pair from a day on. */
export async function setExchangeRate(ctx: Ctx, input: ExchangeRateInput): Promise<ExchangeRate> {
  const currency = checkCurrency(input.currency, ['body', 'currency']);
  if (!(input.rate > 0) || !Number.isFinite(input.rate))
    throw new AppError('validation_failed', 'A rate is a positive number: 1 currency = rate quote.', { path: ['body', 'rate'] });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const quote = input.quote ? checkCurrency(input.quote, ['body', 'quote']) : await workspaceCurrency(c);
    if (quote === currency)
      throw new AppError('validation_failed', `A rate converts between two currencies; ${currency} to itself is always 1.`, {
        path: ['body', 'quote'],
      });
    const [row] = await tx
      .insert(exchangeRates)
      .values({ workspaceId: ctx.workspaceId, currency, quote, rate: String(input.rate), validFrom: input.validFrom })
      .onConflictDoUpdate({
        target: [exchangeRates.workspaceId, exchangeRates.currency, exchangeRates.quote, exchangeRates.validFrom],
        set: { rate: String(input.rate), updatedAt: sql`now()` },
      })
      .returning();
    const rate = toRate(row!);
    await recordAudit(c, { action: 'exchange_rate.set', entityType: 'exchange_rate', entityId: rate.id, after: rate });
    await emitEvent(c, { type: 'exchange_rate.set', entityType: 'exchange_rate', entityId: rate.id, data: { ...rate } });
    return rate;
  });
}

/** Removes one dated rate. */
export async function deleteExchangeRate(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(exchangeRates)
      .where(and(inWorkspace(exchangeRates.workspaceId, ctx, eq(exchangeRates.id, id))))
      .returning();
    if (!row) throw new AppError('exchange_rate_not_found', `No exchange rate with id ${id} in this workspace.`, { id });
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'exchange_rate.deleted', entityType: 'exchange_rate', entityId: id, before: toRate(row) },
    );
  });
}
