import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import type { App } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { analyticsRoutes as routes } from './http/analytics-routes.ts';
import { reportRoutes } from './http/report-routes.ts';
import { weeklyDigestJob } from './jobs/weekly-digest.ts';

/**
 * Measurement: the Market-and-Sell KPIs (pure formulas over SQL inputs, in the workspace's time zone and reporting
 * currency), their targets, the costs and market sizes they need, and the records behind each number.
 */
export { seedAnalyticsDemo } from './demo.ts';
export * as analyticsTypes from './http/analytics.types.ts';
export { type KpiDefinition, type KpiInputs, kpiDefinitions, kpiStatus } from './kpis/definitions.ts';
export * as kpiFormulas from './kpis/formulas.ts';
export { elapsedShare, monthsOf, type Period, parsePeriod, periodAt, previousPeriod, sameLastYear, shiftPeriod } from './periods.ts';
export { getKpiBoard, type KpiBoard } from './queries/get-kpi-board.ts';
export { getKpiRecords } from './queries/get-kpi-records.ts';
export { distinctPeriods, periodsRelation } from './queries/inputs/periods-sql.ts';
export { type KpiInputProvider, registerKpiInputs } from './queries/kpi-inputs.ts';
export { type MoneyGroup, sumConverted } from './queries/money.ts';
export { rateOn } from './queries/rate-sql.ts';
export * from './schema.ts';
export { saveMarketSize, saveSalesCost } from './use-cases/save-cost.ts';
export { saveKpiSettings } from './use-cases/save-kpi-settings.ts';
export { weeklyDigestJob };

registerPermissions({
  'analytics:read': { kind: 'read', roles, description: 'See the KPI board, reports, costs and market sizes' },
  'analytics:manage': {
    kind: 'write',
    roles: ['admin', 'sales_manager', 'marketing'],
    description: 'Set KPI targets and gross margin; enter sales costs and market sizes',
  },
});
// Hourly, so each workspace's Monday 07:00 is met in its own time zone; subscribers get one email a week.
defineSchedule({ name: 'analytics.weekly_digest', cron: '0 * * * *', job: weeklyDigestJob, payload: {} });
registerErrorCodes({ kpi_not_found: 404, invalid_period: 400, sales_cost_not_found: 404, market_size_not_found: 404 });

/** GET /api/analytics/kpis(.csv), GET /api/analytics/kpis/:kpi/records, settings, sales costs, market sizes. */
export async function analyticsRoutes(app: App) {
  await routes(app);
  await reportRoutes(app);
}
