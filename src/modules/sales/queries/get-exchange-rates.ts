import { asc, desc } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { exchangeRates } from '../schema.ts';
import { type ExchangeRate, toRate } from '../use-cases/set-exchange-rate.ts';

/** Every dated rate of the workspace, by pair, newest first. */
export async function getExchangeRates(ctx: Ctx): Promise<ExchangeRate[]> {
  const list = await ctx.db
    .select()
    .from(exchangeRates)
    .where(inWorkspace(exchangeRates.workspaceId, ctx))
    .orderBy(asc(exchangeRates.currency), asc(exchangeRates.quote), desc(exchangeRates.validFrom))
    .limit(5000);
  return list.map(toRate);
}
