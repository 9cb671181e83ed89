import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { workspaceCurrency } from '../../companies/index.ts';
import { convertMinor } from '../../sales/index.ts';

/**
 * The workspace's dated exchange rates into its reporting currency (the sales module's `exchange_rates`), to
 * convert amounts at the rate of their day: the pair's latest row with valid_from on or before the day.
 */
export interface RateBook {
  currency: string;
  /** Minor units of `from` on `day` (YYYY-MM-DD) in the reporting currency; null when no rate held that day. */
  convert(amount: number, from: string, day: string): number | null;
}

export async function loadRateBook(ctx: Ctx): Promise<RateBook> {
  const currency = await workspaceCurrency(ctx);
  const list = await rows<{ currency: string; rate: string; valid_from: string }>(
    ctx.db,
    sql`select currency, rate::text as rate, valid_from::text as valid_from from exchange_rates
        where workspace_id = ${ctx.workspaceId} and quote = ${currency} order by currency, valid_from`,
  );
  const byCurrency = new Map<string, { day: string; rate: number }[]>();
  for (const r of list) {
    const l = byCurrency.get(r.currency) ?? [];
    l.push({ day: r.valid_from, rate: Number(r.rate) });
    byCurrency.set(r.currency, l);
  }
  return {
    currency,
    convert(amount, from, day) {
      if (from === currency) return amount;
      const l = byCurrency.get(from);
      if (!l) return null;
      let lo = 0;
      let hi = l.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (l[mid]!.day <= day) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found < 0 ? null : convertMinor(amount, l[found]!.rate, from, currency);
    },
  };
}

/** Today's date (YYYY-MM-DD) in UTC, the day open amounts convert at, like the sales board. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
