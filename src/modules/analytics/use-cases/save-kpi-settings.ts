import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { kpiById } from '../kpis/definitions.ts';

export interface KpiSettingsInput {
  /** KPI id → target in the KPI's unit (fractions for percentages); null: no target; omitted: unchanged. */
  targets?: Partial<Record<string, number | null>>;
  /** Back to the default target. */
  resetTargets?: string[];
  grossMargin?: number;
}

/** Sets the workspace's KPI targets and gross margin, in one transaction, audited. */
export async function saveKpiSettings(ctx: Ctx, input: KpiSettingsInput): Promise<void> {
  for (const id of [...Object.keys(input.targets ?? {}), ...(input.resetTargets ?? [])])
    if (!kpiById.has(id)) throw new AppError('kpi_not_found', `There is no KPI "${id}".`, { path: ['body', 'targets', id] });
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    for (const [kpi, target] of Object.entries(input.targets ?? {}))
      if (target !== undefined)
        await tx.execute(sql`insert into kpi_targets (workspace_id, kpi, target, updated_by) values (${ctx.workspaceId}, ${kpi}, ${target}, ${ctx.actor.userId ?? null})
        on conflict (workspace_id, kpi) do update set target = excluded.target, updated_at = now(), updated_by = excluded.updated_by`);
    for (const kpi of input.resetTargets ?? [])
      await tx.execute(sql`delete from kpi_targets where workspace_id = ${ctx.workspaceId} and kpi = ${kpi}`);
    if (input.grossMargin !== undefined)
      await tx.execute(sql`insert into analytics_settings (workspace_id, gross_margin) values (${ctx.workspaceId}, ${input.grossMargin})
        on conflict (workspace_id) do update set gross_margin = excluded.gross_margin, updated_at = now()`);
    await recordAudit(c, { action: 'kpi_settings.updated', entityType: 'workspace', entityId: ctx.workspaceId, after: input });
  });
}
