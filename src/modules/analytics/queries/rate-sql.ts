import { type SQL, sql } from 'drizzle-orm';

/**
 * The exchange rate from `currency` into the reporting currency valid on `day` (the latest one from on or
 * before it), as a scalar subquery; null when the workspace has none.
 */
export const rateOn = (workspaceId: string, currency: SQL, quote: string, day: SQL) =>
  sql`(select x.rate::text from exchange_rates x where x.workspace_id = ${workspaceId} and x.currency = ${currency}
        and x.quote = ${quote} and x.valid_from <= ${day} order by x.valid_from desc limit 1)`;
