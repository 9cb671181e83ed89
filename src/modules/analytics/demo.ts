import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { type Database, rows } from '../../kernel/db/index.ts';
import { saveMarketSize, saveSalesCost } from './use-cases/save-cost.ts';
import { saveKpiSettings } from './use-cases/save-kpi-settings.ts';

/**
 * Two years of monthly sales costs (salaries growing with the team, tools, and commissions at 10 % of what was won
 * that month, so CAC follows the demo deals), market sizes for the years, and a few targets of the workspace's own.
 */
export async function seedAnalyticsDemo(p: { database: Database }, workspaceId: string, adminId: string) {
  const ctx: Ctx = { db: p.database.db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'demo', role: 'admin' } };
  const now = new Date();
  const won = new Map(
    (
      await rows<{ month: string; total: string }>(
        ctx.db,
        sql`select to_char(date_trunc('month', closed_at), 'YYYY-MM') as month, sum(amount)::text as total from deals
            where workspace_id = ${workspaceId} and status = 'won' and currency = 'USD' and deleted_at is null group by 1`,
      )
    ).map((r) => [r.month, Number(r.total)]),
  );
  for (let i = 23; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const month = d.toISOString().slice(0, 7);
    const team = 6 + Math.floor((23 - i) / 6); // a rep more every half year
    await saveSalesCost(ctx, null, {
      month,
      category: 'salaries',
      amount: team * 12_000_00, // loaded cost: salary, benefits, payroll taxes
      currency: 'USD',
      note: `${team} people in sales`,
    });
    await saveSalesCost(ctx, null, { month, category: 'tools', amount: 2_400_00 + team * 90_00, currency: 'USD' });
    const commission = Math.round((won.get(month) ?? 0) * 0.1);
    if (commission > 0)
      await saveSalesCost(ctx, null, { month, category: 'commissions', amount: commission, currency: 'USD', note: '10 % of won' });
  }
  for (const year of [now.getUTCFullYear() - 1, now.getUTCFullYear()]) {
    await saveMarketSize(ctx, null, {
      market: 'Mid-market CRM, North America',
      period: String(year),
      amount: 180_000_000_00,
      currency: 'USD',
    });
    await saveMarketSize(ctx, null, { market: 'Mid-market CRM, Europe', period: String(year), amount: 120_000_000_00, currency: 'USD' });
  }
  await saveKpiSettings(ctx, { targets: { customer_acquisition_cost: 12_000_00, market_share: 0.05 }, grossMargin: 0.78 });
}
