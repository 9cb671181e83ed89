import { z } from 'zod';
import { kpiIds } from '../kpis/definitions.ts';
import { salesCostCategories } from '../schema.ts';

export const idParams = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });
const periodParam = z.string().max(20).describe('A month (2026-11), quarter (2026-Q4) or year (2026), in the workspace time zone');

export const boardQuery = z.object({
  period: periodParam.optional().describe('Defaults to the current quarter'),
  compare: z
    .enum(['previous', 'last_year'])
    .optional()
    .describe('Comparison period: the one before, or the same one a year earlier (default)'),
  trend: z.coerce.number().int().min(1).max(12).optional().describe('Periods in each sparkline (default 6)'),
});
const kpiUnit = z.enum(['percent', 'money', 'ratio', 'days', 'minutes', 'money_per_day']);
export const boardSchema = z.object({
  period: z.object({ label: z.string(), start: z.string(), end: z.string(), elapsed: z.number() }),
  comparison: z.object({ kind: z.enum(['previous', 'last_year']), label: z.string() }),
  currency: z.string(),
  timezone: z.string(),
  unconvertedCurrencies: z.array(z.string()),
  kpis: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      formula: z.string(),
      unit: kpiUnit,
      direction: z.enum(['higher', 'lower']),
      frequency: z.enum(['monthly', 'quarterly']),
      core: z.boolean(),
      value: z.number().nullable(),
      reason: z.string().nullable(),
      target: z.number().nullable(),
      targetIsDefault: z.boolean(),
      status: z.enum(['on_target', 'off_target', 'no_target', 'no_value']),
      comparisonValue: z.number().nullable(),
      change: z.number().nullable(),
      trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
    }),
  ),
});
export const recordsParams = z.object({ kpi: z.string().max(60) });
export const recordsQuery = z.object({ period: periodParam });
export const recordsSchema = z.object({
  kpi: z.string(),
  period: z.string(),
  entity: z.enum(['deal', 'contact', 'none']),
  description: z.string(),
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      amount: z.number().nullable(),
      currency: z.string().nullable(),
      at: z.string(),
      detail: z.string(),
    }),
  ),
});

export const settingsSchema = z.object({
  grossMargin: z.number(),
  targets: z.array(z.object({ kpi: z.string(), name: z.string(), unit: kpiUnit, target: z.number().nullable(), isDefault: z.boolean() })),
});
export const settingsBody = z.strictObject({
  grossMargin: z.number().min(0).max(1).optional().describe('Gross margin as a fraction (0.8 = 80 %), for lifetime value'),
  targets: z
    .partialRecord(z.enum(kpiIds as [string, ...string[]]), z.number().finite().nullable())
    .optional()
    .describe('KPI id → target in the KPI’s unit (fractions for percentages); null for no target'),
  resetTargets: z
    .array(z.enum(kpiIds as [string, ...string[]]))
    .max(50)
    .optional()
    .describe('KPIs whose target goes back to the default'),
});

const money = z.int().min(0).max(Number.MAX_SAFE_INTEGER).describe('Minor units (cents)');
export const salesCostBody = z.strictObject({
  month: z.string().max(10).describe('YYYY-MM'),
  category: z.enum(salesCostCategories),
  amount: money,
  currency: z.string().max(10),
  note: z.string().max(500).nullable().optional(),
});
export const salesCostSchema = z.object({
  id: z.uuid(),
  month: z.string(),
  category: z.enum(salesCostCategories),
  amount: z.number(),
  currency: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use YYYY-MM');
export const costsQuery = z.object({
  from: yearMonth.optional().describe('First month, YYYY-MM'),
  to: yearMonth.optional().describe('Last month, YYYY-MM'),
});
export const marketSizeBody = z.strictObject({
  market: z.string().max(200),
  period: z.string().max(10).describe('A year (2026) or quarter (2026-Q4)'),
  amount: money,
  currency: z.string().max(10),
  note: z.string().max(500).nullable().optional(),
});
export const marketSizeSchema = z.object({
  id: z.uuid(),
  market: z.string(),
  period: z.string(),
  amount: z.number(),
  currency: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

// Reports: funnel, cohorts, sales and marketing performance.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the day as YYYY-MM-DD')
  .describe('A local day (YYYY-MM-DD) in the workspace time zone');
const rangeQuery = {
  from: day.optional().describe('First day of the range (default: first day of the current quarter)'),
  to: day.optional().describe('Last day of the range, included (default: last day of the current quarter)'),
};
const nullableRatio = z.number().nullable();
export const funnelStageEnum = z.enum(['subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity', 'customer']);
export const funnelQuery = z.object({
  ...rangeQuery,
  cohort: z
    .enum(['created', 'period'])
    .default('created')
    .describe('created: follow contacts created in the range; period: count stages reached within the range'),
  window: z.coerce.number().int().min(1).max(3650).optional().describe('Count a stage only when reached within this many days of creation'),
  by: z.enum(['source', 'owner', 'team', 'campaign']).optional().describe('Break the funnel down by this'),
});
const funnelStageRow = z.object({
  stage: funnelStageEnum,
  name: z.string(),
  count: z.int(),
  conversionFromPrevious: nullableRatio,
  conversionFromFirst: nullableRatio,
  medianDaysFromPrevious: z.number().nullable(),
});
export const funnelSchema = z.object({
  from: z.string(),
  to: z.string(),
  cohort: z.enum(['created', 'period']),
  window: z.int().nullable(),
  by: z.enum(['source', 'owner', 'team', 'campaign']).nullable(),
  created: z.int().describe('Contacts created in the range'),
  stages: z.array(funnelStageRow),
  groups: z.array(z.object({ key: z.string().nullable(), label: z.string(), stages: z.array(funnelStageRow) })),
});
export const dropOffQuery = funnelQuery.extend({
  stage: funnelStageEnum.exclude(['customer']).describe('The stage reached; lists who did not reach the next one'),
  group: z.string().max(200).optional().describe('Only this breakdown group key (empty: the group without one)'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const dropOffSchema = z.object({
  stage: funnelStageEnum,
  nextStage: funnelStageEnum,
  total: z.int(),
  offset: z.int(),
  items: z.array(
    z.object({ id: z.string(), name: z.string(), createdAt: z.string(), reachedAt: z.string(), group: z.string().nullable() }),
  ),
});
export const cohortQuery = z.object({
  ...rangeQuery,
  basis: z
    .enum(['customers', 'revenue'])
    .default('customers')
    .describe('customers: contacts by the month they became customers; revenue: customers by first recurring order, with MRR'),
});
export const cohortsSchema = z.object({
  basis: z.enum(['customers', 'revenue']),
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  unconvertedCurrencies: z.array(z.string()),
  cohorts: z.array(
    z.object({
      month: z.string(),
      size: z.int(),
      startMrr: z.number(),
      cells: z.array(
        z.object({
          k: z.int().describe('Months since the start'),
          active: z.int(),
          retention: nullableRatio,
          netRevenueRetention: nullableRatio,
          grossRevenueRetention: nullableRatio,
          mrr: z.number(),
        }),
      ),
    }),
  ),
});
export const salesPerformanceQuery = z.object({
  period: periodParam.optional().describe('A month or quarter; defaults to the current month'),
});
const performanceRow = z.object({
  id: z.string(),
  name: z.string(),
  activities: z.int(),
  medianResponseMinutes: z.number().nullable(),
  dealsCreated: z.int(),
  dealsWon: z.int(),
  dealsLost: z.int(),
  revenue: z.number(),
  winRate: nullableRatio,
  cycleDays: z.number().nullable(),
  quota: z.number().nullable(),
  attainment: nullableRatio,
  forecastAccuracy: z.number().nullable().describe('Mean accuracy of the period’s forecast snapshots, percent'),
});
export const salesPerformanceSchema = z.object({
  period: z.string(),
  currency: z.string(),
  unconvertedCurrencies: z.array(z.string()),
  reps: z.array(performanceRow),
  teams: z.array(performanceRow),
});
export const attributionModelEnum = z.enum(['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay']);
export const marketingPerformanceQuery = z.object({ ...rangeQuery, model: attributionModelEnum.default('linear') });
const marketingRow = z.object({
  key: z.string(),
  label: z.string(),
  channel: z.string().nullable(),
  leads: z.int(),
  mqls: z.int(),
  sqls: z.int(),
  customers: z.int(),
  touchpoints: z.int(),
  revenue: z.number(),
  revenueByModel: z.record(z.string(), z.number()),
  spend: z.number(),
  costPerLead: nullableRatio,
  cac: z.number().nullable().describe('spend ÷ customers'),
  roi: nullableRatio,
  roiNote: z.string().nullable(),
});
export const marketingPerformanceSchema = z.object({
  from: z.string(),
  to: z.string(),
  model: attributionModelEnum,
  currency: z.string(),
  campaigns: z.array(marketingRow),
  channels: z.array(marketingRow),
  totals: z.object({ revenue: z.number(), spend: z.number(), wonDeals: z.int(), wonWithoutTouches: z.int() }),
  unconverted: z.array(z.object({ currency: z.string(), day: z.string(), what: z.string() })),
});
export const digestSchema = z.object({
  subscribed: z.boolean(),
  lastSentOn: z.string().nullable().describe('The local Monday of the last digest sent'),
});
