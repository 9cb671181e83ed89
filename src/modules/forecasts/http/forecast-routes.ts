import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { App } from '../../../kernel/http/index.ts';
import { localDate, type Period, parsePeriod, periodOf } from '../periods.ts';
import { getForecast } from '../queries/get-forecast.ts';
import { getForecastAccuracy } from '../queries/get-forecast-accuracy.ts';
import { getOverrideHistory } from '../queries/get-overrides.ts';
import { getWinLoss } from '../queries/get-win-loss.ts';
import { overrideForecast } from '../use-cases/override-forecast.ts';
import { takeSnapshot } from '../use-cases/take-snapshot.ts';
import { workspaceInfo } from '../workspace-info.ts';
import * as t from './forecasts.types.ts';

const tags = ['forecasts'];

/** The named period, or the current quarter of the workspace. */
async function periodParam(ctx: Ctx, raw: string | undefined, path: string[]): Promise<Period> {
  if (raw) return parsePeriod(raw, path);
  return periodOf(localDate(new Date(), (await workspaceInfo(ctx)).timeZone), 'quarter');
}

/** The forecast tree, overrides and their history, snapshots and accuracy, and the win/loss report. */
export async function forecastRoutes(app: App) {
  app.get(
    '/api/forecasts',
    { config: { permission: 'forecasts:read' }, schema: { tags, querystring: t.forecastQuery, response: { 200: t.forecastResponse } } },
    async (req) =>
      getForecast(req.ctx, { period: await periodParam(req.ctx, req.query.period, ['query', 'period']), pipelineId: req.query.pipelineId }),
  );
  app.post(
    '/api/forecasts/overrides',
    { config: { permission: 'forecasts:override' }, schema: { tags, body: t.overrideBody, response: { 200: t.overrideSchema } } },
    async (req) => overrideForecast(req.ctx, req.body),
  );
  app.get(
    '/api/forecasts/overrides',
    { config: { permission: 'forecasts:read' }, schema: { tags, querystring: t.overridesQuery, response: { 200: t.overridesResponse } } },
    async (req) => ({
      items: await getOverrideHistory(req.ctx, {
        ...req.query,
        period: (await periodParam(req.ctx, req.query.period, ['query', 'period'])).key,
      }),
    }),
  );
  app.post(
    '/api/forecasts/snapshots',
    { config: { permission: 'forecasts:override' }, schema: { tags, body: t.snapshotBody, response: { 200: t.snapshotResponse } } },
    async (req) => {
      const period = await periodParam(req.ctx, req.body.period, ['body', 'period']);
      return { period: period.key, rows: await takeSnapshot(req.ctx, period) };
    },
  );
  app.get(
    '/api/forecasts/accuracy',
    { config: { permission: 'forecasts:read' }, schema: { tags, querystring: t.accuracyQuery, response: { 200: t.accuracyResponse } } },
    async (req) => getForecastAccuracy(req.ctx, await periodParam(req.ctx, req.query.period, ['query', 'period'])),
  );
  app.get(
    '/api/reports/win-loss',
    {
      config: { permission: 'forecasts:read' },
      schema: { tags: ['reports'], querystring: t.winLossQuery, response: { 200: t.winLossResponse } },
    },
    async (req) => {
      const to = req.query.to ?? localDate(new Date(), (await workspaceInfo(req.ctx)).timeZone);
      const from = req.query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
      if (to < from)
        throw new AppError('validation_failed', 'The range ends before it starts: "to" must be on or after "from".', {
          path: ['query', 'to'],
        });
      return getWinLoss(req.ctx, { from, to, pipelineId: req.query.pipelineId });
    },
  );
}
