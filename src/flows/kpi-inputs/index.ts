import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { type Period, periodsRelation, registerKpiInputs } from '../../modules/analytics/index.ts';
import { getAttributedTotals } from '../../modules/campaigns/index.ts';

/** The period's last local day (attribution takes inclusive local days). */
const lastDay = (p: Period) => new Date(new Date(`${p.endDay}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);

/**
 * Campaign spend and revenue attributed to campaigns (linear model; every model credits the same total) in each
 * period, in the reporting currency: the campaigns module's attribution totals, all periods in one pass.
 */
export async function campaignInputs(ctx: Ctx, periods: Period[]) {
  // One call per period, side by side: on several cores the periods' reads share out.
  const parts = await Promise.all(periods.map((p) => getAttributedTotals(ctx, [{ key: p.label, from: p.firstDay, to: lastDay(p) }])));
  const totals = new Map(parts.flatMap((m) => [...m]));
  return new Map(
    periods.map((p) => {
      const t = totals.get(p.label)!;
      return [p.label, { marketingSpend: t.spend, attributedRevenue: t.revenue }];
    }),
  );
}

/**
 * Emails delivered and emails clicked (at least once) among those sent in each period: the click rate as the email
 * module's reports define it (clicked ÷ delivered), so the board and a broadcast's report agree. Counted from the
 * (workspace, sent_at) index alone, one range per period, side by side.
 */
export async function emailInputs(ctx: Ctx, periods: Period[]) {
  const one = (group: Period[]) =>
    rows<{ label: string; delivered: number; clicked: number }>(
      ctx.db,
      sql`select p.label, e.delivered, e.clicked from ${periodsRelation(group)}
          cross join lateral (select count(*) filter (where m.bounced_at is null)::int as delivered,
              count(*) filter (where m.clicked_at is not null)::int as clicked
            from email_messages m where m.workspace_id = ${ctx.workspaceId} and m.sent_at >= p.s and m.sent_at < p.e) e`,
    );
  const list = (await Promise.all(periods.map((p) => one([p])))).flat();
  const byLabel = new Map(list.map((r) => [r.label, { emailDelivered: r.delivered, emailClicked: r.clicked }]));
  return new Map(periods.map((p) => [p.label, byLabel.get(p.label) ?? { emailDelivered: 0, emailClicked: 0 }]));
}

/** The KPI board's marketing and email inputs come from the campaigns and email modules. */
export function registerKpiSources() {
  registerKpiInputs('campaigns', campaignInputs);
  registerKpiInputs('email', emailInputs);
}
