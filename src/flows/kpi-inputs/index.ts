import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { type Period, registerKpiInputs } from '../../modules/analytics/index.ts';
import { getAttribution } from '../../modules/campaigns/index.ts';

/** The period's last local day (attribution takes inclusive local days). */
const lastDay = (p: Period) => new Date(new Date(`${p.endDay}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);

/** Campaign spend and revenue attributed to campaigns (linear model) in the period, in the reporting currency. */
export async function campaignInputs(ctx: Ctx, p: Period) {
  const a = await getAttribution(ctx, { model: 'linear', groupBy: 'campaign', from: p.firstDay, to: lastDay(p), funnel: false });
  return { marketingSpend: a.totals.spend, attributedRevenue: a.rows.reduce((sum, r) => sum + r.revenue, 0) };
}

/** Contacts delivered to and contacts who clicked, emails sent in the period. */
export async function emailInputs(ctx: Ctx, p: Period) {
  const [r] = await rows<{ delivered: number; clicked: number }>(
    ctx.db,
    sql`select count(distinct contact_id) filter (where bounced_at is null)::int as delivered,
          count(distinct contact_id) filter (where clicked_at is not null)::int as clicked
        from email_messages where workspace_id = ${ctx.workspaceId} and sent_at >= ${p.start.toISOString()} and sent_at < ${p.end.toISOString()}`,
  );
  return { emailDelivered: r?.delivered ?? 0, emailClicked: r?.clicked ?? 0 };
}

/** The KPI board's marketing and email inputs come from the campaigns and email modules. */
export function registerKpiSources() {
  registerKpiInputs('campaigns', campaignInputs);
  registerKpiInputs('email', emailInputs);
}
