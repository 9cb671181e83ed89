import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, idColumn, ts } from '../../kernel/db/columns.ts';

export const campaignChannels = [
  'email',
  'paid_search',
  'paid_social',
  'organic_social',
  'content_seo',
  'events',
  'partner',
  'direct_mail',
  'other',
] as const;
export type CampaignChannel = (typeof campaignChannels)[number];
export const campaignStatuses = ['planned', 'active', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const touchpointKinds = ['visit', 'form_submit', 'email_click', 'event_attended', 'manual', 'deal_source'] as const;
export type TouchpointKind = (typeof touchpointKinds)[number];

/** Targets a campaign is measured against; each is optional. Revenue in minor units of the reporting currency. */
export interface CampaignGoals {
  leads?: number;
  mqls?: number;
  sqls?: number;
  customers?: number;
  revenue?: number;
}

/** A marketing programme. `slug` is its utm_campaign value, unique per workspace. */
export const campaigns = pgTable(
  'campaigns',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    channel: text('channel').$type<CampaignChannel>().notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('planned'),
    ownerId: uuid('owner_id'),
    description: text('description'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    /** Minor units of budget_currency. */
    budgetAmount: bigint('budget_amount', { mode: 'number' }),
    budgetCurrency: text('budget_currency').notNull(),
    goals: jsonb('goals').$type<CampaignGoals>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('campaigns_ws_slug_key').on(t.workspaceId, t.slug),
    index('campaigns_ws_start_idx').on(t.workspaceId, t.startDate, t.id),
  ],
);

/** Money actually spent on a campaign on a day, in any currency (converted at that day's rate in reports). */
export const campaignSpend = pgTable(
  'campaign_spend',
  {
    ...baseColumns(),
    campaignId: uuid('campaign_id').notNull(),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    note: text('note'),
  },
  (t) => [
    index('campaign_spend_campaign_idx').on(t.workspaceId, t.campaignId, t.spentOn),
    index('campaign_spend_day_idx').on(t.workspaceId, t.spentOn),
  ],
);

/** A tracked link built with the UTM builder. */
export const campaignLinks = pgTable(
  'campaign_links',
  {
    ...baseColumns(),
    campaignId: uuid('campaign_id').notNull(),
    baseUrl: text('base_url').notNull(),
    source: text('source').notNull(),
    medium: text('medium').notNull(),
    content: text('content'),
    term: text('term'),
    url: text('url').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('campaign_links_campaign_idx').on(t.workspaceId, t.campaignId, t.createdAt)],
);

/** A form, landing page, broadcast … that belongs to a campaign (types are registered by their modules). */
export const campaignAssets = pgTable(
  'campaign_assets',
  {
    workspaceId: uuid('workspace_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    assetType: text('asset_type').notNull(),
    assetId: uuid('asset_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.campaignId, t.assetType, t.assetId] }),
    index('campaign_assets_asset_idx').on(t.workspaceId, t.assetType, t.assetId),
  ],
);

/**
 * One contact touched by one campaign at one time. `event_key` names the fact it came from (the contact_events
 * id, the deal id, or a new id for manual ones), so deriving again never doubles a touchpoint.
 */
export const campaignTouchpoints = pgTable(
  'campaign_touchpoints',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    kind: text('kind').$type<TouchpointKind>().notNull(),
    occurredAt: ts('occurred_at').notNull(),
    eventKey: text('event_key').notNull(),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_touchpoints_key').on(t.workspaceId, t.contactId, t.campaignId, t.kind, t.eventKey),
    index('campaign_touchpoints_campaign_idx').on(t.workspaceId, t.campaignId, t.occurredAt, t.id),
    index('campaign_touchpoints_contact_idx').on(t.workspaceId, t.contactId, t.occurredAt),
    // Deal-source touchpoints are replaced per deal when derivation sees the deal change.
    index('campaign_touchpoints_deal_idx').on(t.workspaceId, t.eventKey).where(sql`kind = 'deal_source'`),
  ],
);

/** Where touchpoint derivation stopped reading contact_events (by recorded_at), per workspace. */
export const campaignDerivationState = pgTable('campaign_derivation_state', {
  workspaceId: uuid('workspace_id').primaryKey(),
  eventsThrough: ts('events_through').notNull().default(sql`'-infinity'`),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Campaign events of anonymous visitors, waiting for the visitor to be identified. */
export const campaignPendingEvents = pgTable(
  'campaign_pending_events',
  {
    workspaceId: uuid('workspace_id').notNull(),
    eventId: uuid('event_id').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    kind: text('kind').$type<TouchpointKind>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.occurredAt, t.eventId, t.campaignId] })],
);
