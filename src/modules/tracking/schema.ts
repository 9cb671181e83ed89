import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

export const consentModes = ['always', 'after_consent'] as const;
export type ConsentMode = (typeof consentModes)[number];

/** A website that sends page views: its public key (in the snippet), the origins allowed to send, privacy settings. */
export const trackingSites = pgTable(
  'tracking_sites',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    /** Public, random, in the snippet; identifies the site (and so the workspace) on collect. Not a secret. */
    siteKey: text('site_key').notNull(),
    /** Hosts (with optional port, `*.` for subdomains) whose pages may send hits. */
    allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
    consentMode: text('consent_mode').$type<ConsentMode>().notNull().default('always'),
    /** Web sessions older than this are deleted by the daily retention job. */
    sessionRetentionDays: integer('session_retention_days').notNull().default(760),
    active: boolean('active').notNull().default(true),
    /** When the last accepted hit arrived (the settings screen's live check). */
    lastHitAt: ts('last_hit_at'),
    lastHitUrl: text('last_hit_url'),
  },
  (t) => [uniqueIndex('tracking_sites_key_idx').on(t.siteKey), index('tracking_sites_ws_idx').on(t.workspaceId, t.name)],
);

/** One visit: hits of a visitor on a site with no 30-minute gap; the landing page's UTM and referrer. */
export const webSessions = pgTable(
  'web_sessions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    siteId: uuid('site_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    contactId: uuid('contact_id'),
    startedAt: ts('started_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    landingUrl: text('landing_url'),
    referrer: text('referrer'),
    /** Host of the referrer, or null for direct visits (the sources report groups by it). */
    referrerHost: text('referrer_host'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    utmTerm: text('utm_term'),
    utmContent: text('utm_content'),
    pageCount: integer('page_count').notNull().default(0),
    eventCount: integer('event_count').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Not on last_seen_at: every hit moves it, and an indexed column that changes makes each update write new index
    // entries in all four indexes; unindexed, the update stays on its page (HOT). A visitor's latest session is
    // found among their few sessions.
    index('web_sessions_visitor_idx').on(t.workspaceId, t.visitorId),
    index('web_sessions_contact_idx').on(t.workspaceId, t.contactId, t.startedAt).where(sql`contact_id is not null`),
    index('web_sessions_started_idx').on(t.workspaceId, t.startedAt),
  ],
);
