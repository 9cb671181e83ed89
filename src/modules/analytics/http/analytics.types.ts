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
