import { bigint, date, doublePrecision, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

export const salesCostCategories = ['salaries', 'commissions', 'tools', 'travel', 'agencies', 'other'] as const;
export type SalesCostCategory = (typeof salesCostCategories)[number];

/** A workspace's own target for a KPI (in the KPI's unit; fractions for percentages); overrides the default. */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    workspaceId: uuid('workspace_id').notNull(),
    kpi: text('kpi').notNull(),
    target: doublePrecision('target'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kpi] })],
);

/** Sales costs entered per month (salaries, tools, commissions…): with campaign spend, what acquisition cost. */
export const salesCosts = pgTable(
  'sales_costs',
  {
    ...baseColumns(),
    /** First day of the month the cost belongs to. */
    month: date('month', { mode: 'string' }).notNull(),
    category: text('category').$type<SalesCostCategory>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
  },
  (t) => [index('sales_costs_ws_month_idx').on(t.workspaceId, t.month)],
);

/** The total size of a market (or segment of it) for a period, for market share. */
export const marketSizes = pgTable(
  'market_sizes',
  {
    ...baseColumns(),
    market: text('market').notNull(),
    /** A period label: 2026 or 2026-Q4 (a year's size counts for each of its quarters pro rata). */
    period: text('period').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    note: text('note'),
  },
  (t) => [index('market_sizes_ws_period_idx').on(t.workspaceId, t.period)],
);

/** Assumptions the formulas need that only the workspace knows. */
export const analyticsSettings = pgTable('analytics_settings', {
  workspaceId: uuid('workspace_id').primaryKey(),
  /** Gross margin as a fraction, for lifetime value. */
  grossMargin: doublePrecision('gross_margin').notNull().default(0.8),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Members who get the KPI board by email every Monday morning (workspace time zone); `lastSentOn` is that local Monday. */
export const analyticsDigestSubscriptions = pgTable(
  'analytics_digest_subscriptions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSentOn: date('last_sent_on', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
