import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { checkCurrency } from '../../sales/index.ts';
import { parsePeriod } from '../periods.ts';
import { marketSizes, type SalesCostCategory, salesCosts } from '../schema.ts';

export interface SalesCostInput {
  month: string;
  category: SalesCostCategory;
  amount: number;
  currency: string;
  note?: string | null;
}

export interface MarketSizeInput {
  market: string;
  period: string;
  amount: number;
  currency: string;
  note?: string | null;
}

const monthStart = (raw: string) => {
  const m = /^(\d{4})-(\d{2})(-01)?$/.exec(raw.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new AppError('validation_failed', `"${raw}" is not a month; use YYYY-MM.`, { path: ['body', 'month'] });
  return `${m[1]}-${m[2]}-01`;
};

type Kind = 'sales_cost' | 'market_size';
const tables = { sales_cost: salesCosts, market_size: marketSizes } as const;
type Row<K extends Kind> = (typeof tables)[K]['$inferSelect'];

async function save<K extends Kind>(ctx: Ctx, kind: K, id: string | null, values: Record<string, unknown>): Promise<Row<K>> {
  // Both tables share the id/workspace/timestamp columns; one code path writes either.
  const table = tables[kind] as unknown as typeof salesCosts;
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const where = (rowId: string) => inWorkspace(table.workspaceId, ctx, eq(table.id, rowId));
    const before = id ? (await tx.select().from(table).where(where(id)))[0] : undefined;
    if (id && !before)
      throw new AppError(`${kind}_not_found`, `No ${kind.replace('_', ' ')} ${id} in this workspace.`, { path: ['params', 'id'] });
    const [row] = id
      ? await tx
          .update(table)
          .set({ ...values, updatedAt: new Date() })
          .where(where(id))
          .returning()
      : await tx
          .insert(table)
          .values({ workspaceId: ctx.workspaceId, ...values } as typeof salesCosts.$inferInsert)
          .returning();
    await recordAudit(c, { action: `${kind}.${id ? 'updated' : 'created'}`, entityType: kind, entityId: row!.id, before, after: row });
    return row as unknown as Row<K>;
  });
}

/** Records (or corrects) a month's sales cost. */
export function saveSalesCost(ctx: Ctx, id: string | null, input: SalesCostInput) {
  return save(ctx, 'sales_cost', id, {
    month: monthStart(input.month),
    category: input.category,
    amount: input.amount,
    currency: checkCurrency(input.currency, ['body', 'currency']),
    note: input.note?.trim() || null,
    ...(id ? {} : { createdBy: ctx.actor.userId ?? null }),
  });
}

/** Records (or corrects) the size of a market for a year or quarter. */
export function saveMarketSize(ctx: Ctx, id: string | null, input: MarketSizeInput) {
  const p = parsePeriod(input.period, 'UTC', ['body', 'period']);
  if (p.kind === 'month')
    throw new AppError('validation_failed', 'Enter a market size for a year (2026) or a quarter (2026-Q4).', { path: ['body', 'period'] });
  const market = input.market.trim();
  if (!market) throw new AppError('validation_failed', 'Name the market, e.g. "DACH mid-market CRM".', { path: ['body', 'market'] });
  return save(ctx, 'market_size', id, {
    market,
    period: p.label,
    amount: input.amount,
    currency: checkCurrency(input.currency, ['body', 'currency']),
    note: input.note?.trim() || null,
  });
}

/** Deletes a sales cost or market size row of the workspace. */
export async function deleteAnalyticsRow(ctx: Ctx, kind: Kind, id: string) {
  const table = tables[kind] as unknown as typeof salesCosts;
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(table)
      .where(and(eq(table.workspaceId, ctx.workspaceId), eq(table.id, id)))
      .returning();
    if (!gone) throw new AppError(`${kind}_not_found`, `No ${kind.replace('_', ' ')} ${id} in this workspace.`, { path: ['params', 'id'] });
    await recordAudit({ ...ctx, db: tx }, { action: `${kind}.deleted`, entityType: kind, entityId: id, before: gone });
  });
}
