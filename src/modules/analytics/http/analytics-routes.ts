import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Ctx } from '../../../kernel/context.ts';
import type { App } from '../../../kernel/http/index.ts';
import { kpiDefinitions } from '../kpis/definitions.ts';
import { getKpiBoard } from '../queries/get-kpi-board.ts';
import { getKpiRecords } from '../queries/get-kpi-records.ts';
import { listMarketSizes, listSalesCosts } from '../queries/list-costs.ts';
import { getAnalyticsBasis } from '../queries/workspace-basis.ts';
import { deleteAnalyticsRow, saveMarketSize, saveSalesCost } from '../use-cases/save-cost.ts';
import { saveKpiSettings } from '../use-cases/save-kpi-settings.ts';
import * as t from './analytics.types.ts';

const tags = ['analytics'];

/** The KPI board, its drill-downs and CSV export; KPI targets; sales costs and market sizes. */
export async function analyticsRoutes(app: App) {
  app.get(
    '/api/analytics/kpis',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        description: 'The Market-and-Sell KPI board for a period beside a comparison period, each KPI with target, status and trend.',
        querystring: t.boardQuery,
        response: { 200: t.boardSchema },
      },
    },
    async (req) => getKpiBoard(req.ctx, req.query),
  );
  app.get(
    '/api/analytics/kpis.csv',
    {
      config: { permission: 'analytics:read' },
      schema: { tags, description: 'The KPI board as CSV (values in the KPI’s unit; money in minor units).', querystring: t.boardQuery },
    },
    async (req, reply) => {
      const board = await getKpiBoard(req.ctx, req.query);
      const csv = stringify([
        ['kpi', 'name', 'unit', 'period', 'value', 'target', 'status', 'comparison_period', 'comparison_value', 'reason', 'currency'],
        ...board.kpis.map((k) => [
          k.id,
          k.name,
          k.unit,
          board.period.label,
          k.value ?? '',
          k.target ?? '',
          k.status,
          board.comparison.label,
          k.comparisonValue ?? '',
          k.reason ?? '',
          board.currency,
        ]),
      ]);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kpis-${board.period.label}.csv"`)
        .send(csv);
    },
  );
  app.get(
    '/api/analytics/kpis/:kpi/records',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        description: 'The records a KPI counted in a period (deals or contacts), newest first, at most 500 with the total.',
        params: t.recordsParams,
        querystring: t.recordsQuery,
        response: { 200: t.recordsSchema },
      },
    },
    async (req) => getKpiRecords(req.ctx, req.params.kpi, req.query.period),
  );
  app.get(
    '/api/analytics/settings',
    { config: { permission: 'analytics:read' }, schema: { tags, response: { 200: t.settingsSchema } } },
    async (req) => {
      const basis = await getAnalyticsBasis(req.ctx);
      return {
        grossMargin: basis.grossMargin,
        targets: kpiDefinitions.map((k) => ({
          kpi: k.id,
          name: k.name,
          unit: k.unit,
          target: basis.targets.has(k.id) ? basis.targets.get(k.id)! : k.defaultTarget,
          isDefault: !basis.targets.has(k.id),
        })),
      };
    },
  );
  app.patch(
    '/api/analytics/settings',
    { config: { permission: 'analytics:manage' }, schema: { tags, body: t.settingsBody, response: { 200: t.okSchema } } },
    async (req) => {
      await saveKpiSettings(req.ctx, req.body);
      return { ok: true as const };
    },
  );

  rowRoutes(app, {
    path: 'sales-costs',
    kind: 'sales_cost',
    query: t.costsQuery,
    list: listSalesCosts,
    body: t.salesCostBody,
    schema: t.salesCostSchema,
    save: saveSalesCost,
  });
  rowRoutes(app, {
    path: 'market-sizes',
    kind: 'market_size',
    query: z.object({}),
    list: listMarketSizes,
    body: t.marketSizeBody,
    schema: t.marketSizeSchema,
    save: saveMarketSize,
  });
}

interface RowRoutes {
  path: string;
  kind: 'sales_cost' | 'market_size';
  query: z.ZodType;
  list: (ctx: Ctx, q: never) => Promise<unknown[]>;
  body: z.ZodType;
  schema: z.ZodType;
  save: (ctx: Ctx, id: string | null, input: never) => Promise<unknown>;
}

/** List, create, change and delete rows of one kind (sales costs, market sizes). */
function rowRoutes(app: App, r: RowRoutes) {
  const base = `/api/analytics/${r.path}`;
  app.get(
    base,
    {
      config: { permission: 'analytics:read' },
      schema: { tags, querystring: r.query, response: { 200: z.object({ items: z.array(r.schema) }) } },
    },
    async (req) => ({ items: await r.list(req.ctx, req.query as never) }),
  );
  app.post(
    base,
    { config: { permission: 'analytics:manage' }, schema: { tags, body: r.body, response: { 201: r.schema } } },
    async (req, reply) => reply.status(201).send(await r.save(req.ctx, null, req.body as never)),
  );
  app.patch(
    `${base}/:id`,
    { config: { permission: 'analytics:manage' }, schema: { tags, params: t.idParams, body: r.body, response: { 200: r.schema } } },
    async (req) => r.save(req.ctx, req.params.id, req.body as never),
  );
  app.delete(
    `${base}/:id`,
    { config: { permission: 'analytics:manage' }, schema: { tags, params: t.idParams, response: { 200: t.okSchema } } },
    async (req) => {
      await deleteAnalyticsRow(req.ctx, r.kind, req.params.id);
      return { ok: true as const };
    },
  );
}
