import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { forecastRoutes } from './http/forecast-routes.ts';
import { quotaRoutes } from './http/quota-routes.ts';
import { weeklySnapshotsJob } from './jobs/weekly-snapshots.ts';

export { seedForecastDemo } from './demo/seed-forecast-demo.ts';
export * as forecastTypes from './http/forecasts.types.ts';
export { localDate, type Period, parsePeriod, periodOf, tryPeriod } from './periods.ts';
export { type Forecast, type ForecastNode, getForecast } from './queries/get-forecast.ts';
export { getForecastAccuracy } from './queries/get-forecast-accuracy.ts';
export { getForecastFigures } from './queries/get-forecast-figures.ts';
export { getQuotas, type Quota } from './queries/get-quotas.ts';
export { getWinLoss } from './queries/get-win-loss.ts';
export * from './schema.ts';
export { overrideForecast } from './use-cases/override-forecast.ts';
export { deleteQuota, setQuotas } from './use-cases/set-quotas.ts';
export { takeSnapshot } from './use-cases/take-snapshot.ts';
export { weeklySnapshotsJob };

registerPermissions({
  'forecasts:read': { kind: 'read', roles, description: 'See forecasts, quotas, forecast accuracy and the win/loss report' },
  'forecasts:override': {
    kind: 'write',
    roles: ['admin', 'sales_manager'],
    description: 'Override forecast figures; take forecast snapshots',
  },
  'quotas:manage': { kind: 'write', roles: ['admin', 'sales_manager'], description: 'Set sales quotas of reps and teams' },
});
registerErrorCodes({ quota_not_found: 404, member_not_found: 404 });
registerEventTypes([
  { type: 'quotas.set', description: 'Quotas were set or removed (data.count, data.removed)' },
  { type: 'quota.deleted', description: 'A quota was removed' },
  { type: 'forecast.overridden', description: 'A manager overrode (or cleared) a forecast figure with a comment' },
]);
defineSchedule({ name: 'forecasts.weekly_snapshots', cron: '0 5 * * 1', job: weeklySnapshotsJob, payload: {} });

/** Quotas, forecasts, snapshots and accuracy, the win/loss report. */
export async function forecastsRoutes(app: App) {
  await quotaRoutes(app);
  await forecastRoutes(app);
}
