import { bigint, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, idColumn, ts } from '../../kernel/db/columns.ts';

export const quotaSubjects = ['user', 'team'] as const;
export type QuotaSubject = (typeof quotaSubjects)[number];
export const overrideCategories = ['commit', 'best_case', 'pipeline'] as const;
export type OverrideCategory = (typeof overrideCategories)[number];
export const overrideSubjects = ['user', 'team', 'workspace'] as const;
export type OverrideSubject = (typeof overrideSubjects)[number];

/**
 * A sales target of a rep (`user`) or a team for one month ("2026-11") or quarter ("2026-Q4"), in minor
 * units of the workspace reporting currency. A team without its own row adds up its reps' quotas.
 */
export const quotas = pgTable(
  'quotas',
  {
    ...baseColumns(),
    subjectType: text('subject_type').$type<QuotaSubject>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** "YYYY-MM" or "YYYY-Qn". */
    period: text('period').notNull(),
    /** First day of the period (for range queries). */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [
    uniqueIndex('quotas_key').on(t.workspaceId, t.subjectType, t.subjectId, t.period),
    index('quotas_ws_start_idx').on(t.workspaceId, t.periodStart),
  ],
);

/**
 * A manager's judgement over a computed forecast figure, append-only: the newest row per (period,
 * pipeline, subject, category) is in force, older rows are its history. `amount` null clears the override.
 */
export const forecastOverrides = pgTable(
  'forecast_overrides',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    period: text('period').notNull(),
    /** Null: the forecast over all pipelines. */
    pipelineId: uuid('pipeline_id'),
    subjectType: text('subject_type').$type<OverrideSubject>().notNull(),
    /** The user or team; the workspace id for the workspace row. */
    subjectId: uuid('subject_id').notNull(),
    category: text('category').$type<OverrideCategory>().notNull(),
    amount: bigint('amount', { mode: 'number' }),
    /** The computed figure when the override was made, shown beside it. */
    computedAmount: bigint('computed_amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    comment: text('comment').notNull(),
    authorId: uuid('author_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('forecast_overrides_key_idx').on(t.workspaceId, t.period, t.subjectType, t.subjectId, t.category, t.createdAt)],
);

/**
 * The forecast of one rep for one period as it stood on a week's snapshot day (weekly job), over all
 * pipelines, in minor units of the reporting currency. Forecast accuracy compares it with the actual result.
 */
export const forecastSnapshots = pgTable(
  'forecast_snapshots',
  {
    ...baseColumns(),
    /** The local date the snapshot was taken (a Monday for the weekly job). */
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    period: text('period').notNull(),
    ownerId: uuid('owner_id').notNull(),
    closedWon: bigint('closed_won', { mode: 'number' }).notNull(),
    commit: bigint('commit', { mode: 'number' }).notNull(),
    bestCase: bigint('best_case', { mode: 'number' }).notNull(),
    pipeline: bigint('pipeline', { mode: 'number' }).notNull(),
    weighted: bigint('weighted', { mode: 'number' }).notNull(),
    quota: bigint('quota', { mode: 'number' }),
    /** closed won + commit (the commit override when one is in force): what the rep said they would bring in. */
    forecast: bigint('forecast', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [
    uniqueIndex('forecast_snapshots_key').on(t.workspaceId, t.period, t.ownerId, t.takenOn),
    index('forecast_snapshots_taken_idx').on(t.workspaceId, t.takenOn),
  ],
);
