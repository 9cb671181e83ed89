import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, idColumn, ts } from '../../kernel/db/columns.ts';

export const stageTypes = ['open', 'won', 'lost'] as const;
export type StageType = (typeof stageTypes)[number];
export const forecastCategories = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof forecastCategories)[number];
export const dealContactRoles = ['decision_maker', 'champion', 'influencer', 'user', 'blocker'] as const;
export type DealContactRole = (typeof dealContactRoles)[number];
export const dealStatuses = stageTypes;

/** A sales process: ordered stages; several per workspace. */
export const pipelines = pgTable(
  'pipelines',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    /** Days without progress or activity after which an open deal "rots" (a stage may override). */
    rottingDays: integer('rotting_days'),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('pipelines_ws_idx').on(t.workspaceId, t.position)],
);

/** One column of a pipeline. */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    ...baseColumns(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** Win probability in percent (0–100): weighted amount = amount × probability / 100. */
    probability: integer('probability').notNull(),
    type: text('type').$type<StageType>().notNull().default('open'),
    /** Deal field keys that must be filled to enter the stage (amount, close_date, custom.<key>, …). */
    requiredFields: text('required_fields').array().notNull().default(sql`'{}'::text[]`),
    rottingDays: integer('rotting_days'),
  },
  (t) => [index('pipeline_stages_pipeline_idx').on(t.workspaceId, t.pipelineId, t.position)],
);

/**
 * A deal. Money is minor units of `currency`; `status` mirrors the stage type so closed deals are
 * cheap to leave out. `stage_entered_at` is the current stage's history row's entered_at.
 */
export const deals = pgTable(
  'deals',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    status: text('status').$type<StageType>().notNull().default('open'),
    amount: bigint('amount', { mode: 'number' }),
    currency: text('currency').notNull(),
    closeDate: date('close_date', { mode: 'string' }),
    ownerId: uuid('owner_id'),
    companyId: uuid('company_id'),
    source: text('source'),
    /** Campaigns come later: an opaque id for now. */
    campaignId: text('campaign_id'),
    competitors: text('competitors').array().notNull().default(sql`'{}'::text[]`),
    nextStep: text('next_step'),
    forecastCategory: text('forecast_category').$type<ForecastCategory>().notNull().default('pipeline'),
    lossReason: text('loss_reason'),
    /** The competitor a lost deal went to. */
    lostTo: text('lost_to'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
    /** When the deal entered a won or lost stage; null while open. */
    closedAt: ts('closed_at'),
    lastActivityAt: ts('last_activity_at'),
    deletedAt: ts('deleted_at'),
    /**
     * The earliest campaign touchpoint of the deal's people (its deal contacts and its company's contacts); null
     * without any. Kept by triggers (migration 0034); attribution totals read `first_touch_at <= closed_at`.
     */
    firstTouchAt: ts('first_touch_at'),
  },
  (t) => [
    // The board's cards: one column in board order (newest in stage first) exactly as compileSort writes it.
    index('deals_board_idx')
      .on(t.workspaceId, t.pipelineId, t.stageId, t.stageEnteredAt.desc().nullsLast(), t.id)
      .where(sql`deleted_at is null`),
    // The board's totals: an index-only scan of the columns they add up (and the owner, for rep visibility).
    // Source and close date too, so the common board filters are checked in the index (an index-only scan).
    index('deals_totals_idx')
      .on(t.workspaceId, t.pipelineId, t.stageId, t.currency, t.closedAt, t.amount, t.ownerId, t.source, t.closeDate)
      .where(sql`deleted_at is null`),
    // Forecasts and win/loss, index-only: closed deals by close time, open deals by expected close date. The first
    // touch and the creation time last, so the attributed totals and the sales cycle of closed deals are index-only too.
    index('deals_closed_idx')
      .on(t.workspaceId, t.status, t.closedAt, t.pipelineId, t.ownerId, t.stageId, t.currency, t.amount, t.firstTouchAt, t.createdAt)
      .where(sql`deleted_at is null and closed_at is not null`),
    index('deals_forecast_open_idx')
      .on(t.workspaceId, t.closeDate, t.pipelineId, t.ownerId, t.forecastCategory, t.stageId, t.currency, t.amount)
      .where(sql`deleted_at is null and status = 'open'`),
    // A rep's board totals: their deals first.
    index('deals_owner_totals_idx')
      .on(t.workspaceId, t.ownerId, t.pipelineId, t.stageId, t.currency, t.closedAt, t.amount)
      .where(sql`deleted_at is null`),
    index('deals_ws_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('deals_ws_owner_idx').on(t.workspaceId, t.ownerId, t.id),
    index('deals_ws_company_idx').on(t.workspaceId, t.companyId),
    index('deals_ws_close_idx').on(t.workspaceId, t.closeDate, t.id),
    index('deals_ws_name_idx').on(t.workspaceId, sql`lower(left(${t.name}, 100))`, t.id),
    index('deals_name_trgm').using('gin', t.workspaceId, sql`lower(${t.name}) gin_trgm_ops`),
    index('deals_tags_idx').using('gin', t.workspaceId, t.tags),
  ],
);

/** The people on a deal and their part in it. */
export const dealContacts = pgTable(
  'deal_contacts',
  {
    workspaceId: uuid('workspace_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role').$type<DealContactRole>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId, t.contactId] }),
    index('deal_contacts_contact_idx').on(t.workspaceId, t.contactId),
  ],
);

/** Every stage a deal has been in: time in stage = left_at (or now) − entered_at. */
export const dealStageHistory = pgTable(
  'deal_stage_history',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    enteredAt: ts('entered_at').notNull().defaultNow(),
    leftAt: ts('left_at'),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
  },
  (t) => [
    index('deal_stage_history_deal_idx').on(t.workspaceId, t.dealId, t.enteredAt),
    index('deal_stage_history_stage_idx').on(t.workspaceId, t.stageId, t.enteredAt),
  ],
);

/**
 * Dated exchange rates into a quote currency: 1 `currency` = `rate` `quote` from `valid_from` on
 * (until the next row of the pair). Reports convert into the workspace currency with them.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    ...baseColumns(),
    currency: text('currency').notNull(),
    quote: text('quote').notNull(),
    rate: numeric('rate', { precision: 24, scale: 10 }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('exchange_rates_key').on(t.workspaceId, t.currency, t.quote, t.validFrom)],
);

/**
 * Board totals kept by the trigger deals_stage_totals (migration 0010) on every insert, update and
 * delete of deals: per pipeline, stage, currency and rate day (the UTC close day of won and lost
 * deals; 'infinity' for open ones, which convert at today's rate). Always rebuildable from deals.
 */
export const dealStageTotals = pgTable(
  'deal_stage_totals',
  {
    workspaceId: uuid('workspace_id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    currency: text('currency').notNull(),
    dayKey: date('day_key', { mode: 'string' }).notNull(),
    deals: integer('deals').notNull(),
    amount: numeric('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.pipelineId, t.stageId, t.currency, t.dayKey] })],
);
