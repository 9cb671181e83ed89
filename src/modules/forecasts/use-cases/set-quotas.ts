import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { parsePeriod } from '../periods.ts';
import { type Quota, toQuota } from '../queries/get-quotas.ts';
import { type QuotaSubject, quotas } from '../schema.ts';
import { workspaceInfo } from '../workspace-info.ts';

export interface QuotaInput {
  subjectType: QuotaSubject;
  subjectId: string;
  /** "YYYY-MM" or "YYYY-Qn". */
  period: string;
  /** Minor units of the reporting currency; null removes the quota. */
  amount: number | null;
}

export const maxQuotaItems = 2000;

/**
 * Sets (or, with amount null, removes) many quotas in one transaction: all or nothing. Every subject must be
 * a member or a team of the workspace; amounts are whole minor units, never negative.
 */
export async function setQuotas(ctx: Ctx, items: QuotaInput[]): Promise<{ set: Quota[]; removed: number }> {
  if (items.length > maxQuotaItems)
    throw new AppError('validation_failed', `Send at most ${maxQuotaItems} quotas at once.`, { path: ['body', 'items'] });
  const parsed = items.map((it, i) => {
    const path = ['body', 'items', i];
    const period = parsePeriod(it.period, [...path, 'period']);
    if (it.amount !== null && (!Number.isSafeInteger(it.amount) || it.amount < 0))
      throw new AppError('validation_failed', 'A quota is a whole number of minor units (cents), 0 or more.', {
        path: [...path, 'amount'],
      });
    return { ...it, period, path };
  });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const { currency } = await workspaceInfo(c);
    const users = parsed.filter((p) => p.subjectType === 'user').map((p) => p.subjectId);
    const teams = parsed.filter((p) => p.subjectType === 'team').map((p) => p.subjectId);
    const known = new Set(
      (
        await rows<{ id: string }>(
          tx,
          sql`select user_id as id from memberships where workspace_id = ${ctx.workspaceId} and user_id = any(${`{${users.join(',')}}`}::uuid[])
              union all select id from teams where workspace_id = ${ctx.workspaceId} and id = any(${`{${teams.join(',')}}`}::uuid[])`,
        )
      ).map((r) => r.id),
    );
    const unknown = parsed.find((p) => !known.has(p.subjectId));
    if (unknown)
      throw new AppError(
        unknown.subjectType === 'user' ? 'member_not_found' : 'team_not_found',
        `No ${unknown.subjectType === 'user' ? 'member' : 'team'} with id ${unknown.subjectId} in this workspace.`,
        { path: [...unknown.path, 'subjectId'] },
      );
    const set: Quota[] = [];
    let removed = 0;
    for (const p of parsed) {
      const key = and(eq(quotas.subjectType, p.subjectType), eq(quotas.subjectId, p.subjectId), eq(quotas.period, p.period.key));
      if (p.amount === null) {
        const gone = await tx
          .delete(quotas)
          .where(inWorkspace(quotas.workspaceId, c, key))
          .returning();
        removed += gone.length;
        continue;
      }
      const [row] = await tx
        .insert(quotas)
        .values({
          workspaceId: ctx.workspaceId,
          subjectType: p.subjectType,
          subjectId: p.subjectId,
          period: p.period.key,
          periodStart: p.period.start,
          amount: p.amount,
          currency,
        })
        .onConflictDoUpdate({
          target: [quotas.workspaceId, quotas.subjectType, quotas.subjectId, quotas.period],
          set: { amount: p.amount, currency, updatedAt: sql`now()` },
        })
        .returning();
      set.push(toQuota(row!));
    }
    await recordAudit(c, { action: 'quotas.set', entityType: 'quota', entityId: null, after: { set, removed } });
    await emitEvent(c, { type: 'quotas.set', entityType: 'quota', data: { count: set.length, removed } });
    return { set, removed };
  });
}

/** Removes one quota by id. */
export async function deleteQuota(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [row] = await tx
      .delete(quotas)
      .where(inWorkspace(quotas.workspaceId, c, eq(quotas.id, id)))
      .returning();
    if (!row) throw new AppError('quota_not_found', `No quota with id ${id} in this workspace.`, { id });
    await recordAudit(c, { action: 'quota.deleted', entityType: 'quota', entityId: id, before: toQuota(row) });
    await emitEvent(c, { type: 'quota.deleted', entityType: 'quota', entityId: id, data: { ...toQuota(row) } });
  });
}
