import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { convertMinor } from '../currency.ts';

interface RateRow {
  currency: string;
  valid_from: string;
  rate: string;
}

/** The rate valid on `day` (YYYY-MM-DD) from a currency's rates sorted by valid_from, or null before the first. */
function rateOn(list: RateRow[] | undefined, day: string): number | null {
  if (!list?.length) return null;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.valid_from <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : Number(list[found]!.rate);
}

/** Converts minor units into the reporting currency with the workspace's dated rates (read once). */
export interface ReportingRates {
  currency: string;
  /**
   * `amount` minor units of `from` on `day` (YYYY-MM-DD; null or 'infinity' = today, UTC) in the reporting
   * currency, or null when no rate of `from` is valid that day.
   */
  convert(amount: number, from: string, day: string | null): number | null;
}

/**
 * The workspace's rates into `quote`, for reports: open deals convert at today's (UTC) rate, closed ones at
 * the rate of their UTC close day. Skips the query when every amount is already in `quote`.
 */
export async function reportingRates(ctx: Ctx, quote: string, needed = true): Promise<ReportingRates> {
  const today = new Date().toISOString().slice(0, 10);
  const rates = new Map<string, RateRow[]>();
  if (needed)
    for (const r of await rows<RateRow>(
      ctx.db,
      sql`select currency, valid_from::text as valid_from, rate::text as rate from exchange_rates
          where workspace_id = ${ctx.workspaceId} and quote = ${quote} order by currency, valid_from`,
    ))
      rates.set(r.currency, [...(rates.get(r.currency) ?? []), r]);
  return {
    currency: quote,
    convert(amount, from, day) {
      if (from === quote) return amount;
      const rate = rateOn(rates.get(from), !day || day === 'infinity' ? today : day);
      return rate === null ? null : convertMinor(amount, rate, from, quote);
    },
  };
}
