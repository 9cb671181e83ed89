import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { getDeal } from '../../sales/index.ts';
import { getQuoteSettings } from './get-quote-settings.ts';
import { type QuoteRow, quoteColumns, quoteJoins, toQuoteRow } from './quote-shape.ts';

/** Every quote version of a deal, newest quote and version first (404 deal_not_found when the deal is not visible). */
export async function getDealQuotes(ctx: Ctx, dealId: string): Promise<QuoteRow[]> {
  await getDeal(ctx, dealId);
  const settings = await getQuoteSettings(ctx);
  const list = await rows(
    ctx.db,
    sql`select ${quoteColumns(settings.maxDiscountPct)} ${quoteJoins}
        where q.workspace_id = ${ctx.workspaceId} and q.deal_id = ${dealId} order by q.number desc, q.version desc limit 500`,
  );
  return list.map(toQuoteRow);
}
