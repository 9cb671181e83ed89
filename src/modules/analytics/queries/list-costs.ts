import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { marketSizes, salesCosts } from '../schema.ts';

/** Sales costs, newest month first, optionally between two months (YYYY-MM). */
export async function listSalesCosts(ctx: Ctx, range: { from?: string; to?: string }) {
  return ctx.db
    .select()
    .from(salesCosts)
    .where(
      and(
        eq(salesCosts.workspaceId, ctx.workspaceId),
        range.from ? gte(salesCosts.month, `${range.from}-01`) : undefined,
        range.to ? lte(salesCosts.month, `${range.to}-01`) : undefined,
      ),
    )
    .orderBy(desc(salesCosts.month), asc(salesCosts.category), asc(salesCosts.id))
    .limit(2000);
}

/** Market sizes by period (newest first) and market. */
export async function listMarketSizes(ctx: Ctx) {
  return ctx.db
    .select()
    .from(marketSizes)
    .where(eq(marketSizes.workspaceId, ctx.workspaceId))
    .orderBy(desc(marketSizes.period), asc(marketSizes.market))
    .limit(2000);
}
