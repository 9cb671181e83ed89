import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

export interface AnalyticsBasis {
  timezone: string;
  currency: string;
  grossMargin: number;
  /** The workspace's own targets by KPI id (null: explicitly none). */
  targets: Map<string, number | null>;
}

/** The workspace's time zone, reporting currency, gross margin and KPI targets. */
export async function getAnalyticsBasis(ctx: Ctx): Promise<AnalyticsBasis> {
  const [w] = await rows<{ timezone: string; currency: string; gross_margin: number | null }>(
    ctx.db,
    sql`select w.timezone, w.currency, s.gross_margin from workspaces w
        left join analytics_settings s on s.workspace_id = w.id where w.id = ${ctx.workspaceId}`,
  );
  const targets = await rows<{ kpi: string; target: number | null }>(
    ctx.db,
    sql`select kpi, target from kpi_targets where workspace_id = ${ctx.workspaceId}`,
  );
  return {
    timezone: w!.timezone,
    currency: w!.currency,
    grossMargin: w!.gross_margin ?? 0.8,
    targets: new Map(targets.map((t) => [t.kpi, t.target])),
  };
}
