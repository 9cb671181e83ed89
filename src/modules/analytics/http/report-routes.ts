import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import type { App } from '../../../kernel/http/index.ts';
import { getCohorts } from '../queries/get-cohorts.ts';
import { getFunnel, getFunnelDropOff } from '../queries/get-funnel.ts';
import { getMarketingPerformance } from '../queries/get-marketing-performance.ts';
import { getSalesPerformance } from '../queries/get-sales-performance.ts';
import { getDigestSubscription, setDigestSubscription } from '../use-cases/digest-subscription.ts';
import * as t from './analytics.types.ts';

const tags = ['analytics'];
const read = { permission: 'analytics:read' };

function csv(reply: FastifyReply, name: string, table: unknown[][]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(stringify(table));
}
const cell = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : v);

/** Funnel with drop-off, cohorts, sales and marketing performance, each also as CSV. */
export async function reportRoutes(app: App) {
  app.get(
    '/api/analytics/funnel',
    {
      config: read,
      schema: {
        tags,
        description:
          'Lifecycle funnel (subscriber → customer): contacts reaching each stage, conversion from the previous and the first, median days between stages, optionally broken down.',
        querystring: t.funnelQuery,
        response: { 200: t.funnelSchema },
      },
    },
    async (req) => getFunnel(req.ctx, req.query),
  );
  app.get(
    '/api/analytics/funnel.csv',
    { config: read, schema: { tags, description: 'The funnel as CSV, one row per group and stage.', querystring: t.funnelQuery } },
    async (req, reply) => {
      const f = await getFunnel(req.ctx, req.query);
      const sets = [{ label: 'All', stages: f.stages }, ...f.groups];
      return csv(reply, `funnel-${f.from}-${f.to}`, [
        ['group', 'stage', 'count', 'conversion_from_previous', 'conversion_from_first', 'median_days_from_previous'],
        ...sets.flatMap((g) =>
          g.stages.map((s) => [
            g.label,
            s.stage,
            s.count,
            cell(s.conversionFromPrevious),
            cell(s.conversionFromFirst),
            cell(s.medianDaysFromPrevious),
          ]),
        ),
      ]);
    },
  );
  app.get(
    '/api/analytics/funnel/drop-off',
    {
      config: read,
      schema: {
        tags,
        description:
          'Contacts who reached a stage but not the next one (same range, cohort and window as the funnel), longest waiting first.',
        querystring: t.dropOffQuery,
        response: { 200: t.dropOffSchema },
      },
    },
    async (req) => getFunnelDropOff(req.ctx, req.query),
  );
  app.get(
    '/api/analytics/cohorts',
    {
      config: read,
      schema: {
        tags,
        description: 'Retention by start month: customers still active, and net and gross revenue retention (MRR) on the revenue basis.',
        querystring: t.cohortQuery,
        response: { 200: t.cohortsSchema },
      },
    },
    async (req) => getCohorts(req.ctx, req.query),
  );
  app.get(
    '/api/analytics/cohorts.csv',
    {
      config: read,
      schema: { tags, description: 'Cohorts as CSV, one row per cohort and month since start.', querystring: t.cohortQuery },
    },
    async (req, reply) => {
      const c = await getCohorts(req.ctx, req.query);
      return csv(reply, `cohorts-${c.basis}-${c.from}-${c.to}`, [
        [
          'cohort',
          'size',
          'months_since_start',
          'active',
          'retention',
          'mrr',
          'net_revenue_retention',
          'gross_revenue_retention',
          'currency',
        ],
        ...c.cohorts.flatMap((r) =>
          r.cells.map((x) => [
            r.month,
            r.size,
            x.k,
            x.active,
            cell(x.retention),
            x.mrr,
            cell(x.netRevenueRetention),
            cell(x.grossRevenueRetention),
            c.currency,
          ]),
        ),
      ]);
    },
  );
  app.get(
    '/api/analytics/sales-performance',
    {
      config: read,
      schema: {
        tags,
        description:
          'Per rep and team: activities, median first response, deals created and won, revenue, win rate, cycle length, quota attainment, forecast accuracy.',
        querystring: t.salesPerformanceQuery,
        response: { 200: t.salesPerformanceSchema },
      },
    },
    async (req) => getSalesPerformance(req.ctx, req.query),
  );
  app.get(
    '/api/analytics/sales-performance.csv',
    {
      config: read,
      schema: { tags, description: 'Sales performance as CSV (money in minor units).', querystring: t.salesPerformanceQuery },
    },
    async (req, reply) => {
      const s = await getSalesPerformance(req.ctx, req.query);
      return csv(reply, `sales-performance-${s.period}`, [
        [
          'kind',
          'name',
          'activities',
          'median_response_minutes',
          'deals_created',
          'deals_won',
          'deals_lost',
          'revenue',
          'win_rate',
          'cycle_days',
          'quota',
          'attainment',
          'forecast_accuracy',
          'currency',
        ],
        ...[...s.reps.map((r) => ['rep', r] as const), ...s.teams.map((r) => ['team', r] as const)].map(([kind, r]) => [
          kind,
          r.name,
          r.activities,
          cell(r.medianResponseMinutes),
          r.dealsCreated,
          r.dealsWon,
          r.dealsLost,
          r.revenue,
          cell(r.winRate),
          cell(r.cycleDays),
          cell(r.quota),
          cell(r.attainment),
          cell(r.forecastAccuracy),
          s.currency,
        ]),
      ]);
    },
  );
  app.get(
    '/api/analytics/marketing-performance',
    {
      config: read,
      schema: {
        tags,
        description:
          'Per campaign and channel: leads, MQLs, SQLs, customers, attributed revenue by model, spend, cost per lead, acquisition cost and ROI.',
        querystring: t.marketingPerformanceQuery,
        response: { 200: t.marketingPerformanceSchema },
      },
    },
    async (req) => getMarketingPerformance(req.ctx, req.query),
  );
  app.get(
    '/api/analytics/marketing-performance.csv',
    {
      config: read,
      schema: { tags, description: 'Marketing performance as CSV (money in minor units).', querystring: t.marketingPerformanceQuery },
    },
    async (req, reply) => {
      const m = await getMarketingPerformance(req.ctx, req.query);
      return csv(reply, `marketing-performance-${m.from}-${m.to}`, [
        [
          'kind',
          'name',
          'channel',
          'leads',
          'mqls',
          'sqls',
          'customers',
          'revenue',
          'spend',
          'cost_per_lead',
          'cac',
          'roi',
          'model',
          'currency',
        ],
        ...[...m.campaigns.map((r) => ['campaign', r] as const), ...m.channels.map((r) => ['channel', r] as const)].map(([kind, r]) => [
          kind,
          r.label,
          cell(r.channel),
          r.leads,
          r.mqls,
          r.sqls,
          r.customers,
          r.revenue,
          r.spend,
          cell(r.costPerLead),
          cell(r.cac),
          cell(r.roi),
          m.model,
          m.currency,
        ]),
      ]);
    },
  );
  app.get(
    '/api/analytics/digest-subscription',
    {
      config: read,
      schema: { tags, description: 'Whether you get the KPI board by email every Monday morning.', response: { 200: t.digestSchema } },
    },
    async (req) => getDigestSubscription(req.ctx),
  );
  app.post(
    '/api/analytics/digest-subscription',
    {
      config: read,
      schema: {
        tags,
        description: 'Subscribe to the weekly KPI email (Monday from 07:00 in the workspace time zone). Idempotent.',
        response: { 200: t.digestSchema },
      },
    },
    async (req) => setDigestSubscription(req.ctx, true),
  );
  app.delete(
    '/api/analytics/digest-subscription',
    {
      config: read,
      schema: { tags, description: 'Stop the weekly KPI email. Idempotent.', response: { 200: t.digestSchema } },
    },
    async (req) => setDigestSubscription(req.ctx, false),
  );
}
