import { and, asc, gte, lt } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import type { Period } from '../periods.ts';
import { type QuotaSubject, quotas } from '../schema.ts';

export interface Quota {
  id: string;
  subjectType: QuotaSubject;
  subjectId: string;
  period: string;
  /** Minor units of `currency` (the reporting currency when set). */
  amount: number;
  currency: string;
}

export const toQuota = (r: typeof quotas.$inferSelect): Quota => ({
  id: r.id,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  period: r.period,
  amount: r.amount,
  currency: r.currency,
});

/** Quotas (monthly and quarterly) whose period starts in [from.start, to.end). */
export async function getQuotas(ctx: Ctx, range: { from: Period; to: Period }): Promise<Quota[]> {
  const found = await ctx.db
    .select()
    .from(quotas)
    .where(inWorkspace(quotas.workspaceId, ctx, and(gte(quotas.periodStart, range.from.start), lt(quotas.periodStart, range.to.end))))
    .orderBy(asc(quotas.periodStart), asc(quotas.subjectType), asc(quotas.subjectId));
  return found.map(toQuota);
}

/**
 * The quota of each subject for a period: its own row for the period, else (for a quarter) the sum of
 * its monthly rows in it; subjects without either are absent.
 */
export function quotaFor(list: Quota[], period: Period): Map<string, number> {
  const own = new Map<string, number>();
  const months = new Map<string, number>();
  for (const q of list) {
    const key = `${q.subjectType}:${q.subjectId}`;
    if (q.period === period.key) own.set(key, q.amount);
    else if (period.kind === 'quarter' && period.months.includes(q.period)) months.set(key, (months.get(key) ?? 0) + q.amount);
  }
  for (const [k, v] of months) if (!own.has(k)) own.set(k, v);
  return own;
}
