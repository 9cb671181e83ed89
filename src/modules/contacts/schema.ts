import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, idColumn, ts } from '../../kernel/db/columns.ts';

export const lifecycleStages = [
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];
export const leadStatuses = ['new', 'attempting', 'connected', 'qualified', 'unqualified'] as const;
export const consentStatuses = ['not_set', 'pending', 'subscribed', 'unsubscribed'] as const;

export interface Touch {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
  referrer?: string;
  landingPage?: string;
  at?: string;
}

export const contacts = pgTable(
  'contacts',
  {
    ...baseColumns(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    /** Denormalized for sort and search: "first last", or the email when both are empty. */
    displayName: text('display_name').notNull(),
    /** Denormalized primary email / phone (contact_emails, contact_phones hold all). */
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    ownerId: uuid('owner_id'),
    companyId: uuid('company_id'),
    lifecycleStage: text('lifecycle_stage').$type<LifecycleStage>(),
    lifecycleChangedAt: ts('lifecycle_changed_at'),
    leadStatus: text('lead_status'),
    leadStatusReason: text('lead_status_reason'),
    source: text('source'),
    firstTouch: jsonb('first_touch').$type<Touch>(),
    lastTouch: jsonb('last_touch').$type<Touch>(),
    emailConsent: text('email_consent').notNull().default('not_set'),
    doNotContact: boolean('do_not_contact').notNull().default(false),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    lastActivityAt: ts('last_activity_at'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('contacts_ws_name_idx').on(t.workspaceId, sql`lower(${t.displayName})`, t.id),
    index('contacts_ws_created_idx').on(t.workspaceId, t.createdAt, t.id),
    // Leads created in a period (the KPI board's cohorts), counted from the index alone.
    index('contacts_ws_live_created_idx').on(t.workspaceId, t.createdAt).where(sql`deleted_at is null`),
    index('contacts_ws_owner_idx').on(t.workspaceId, t.ownerId, t.id),
    index('contacts_ws_company_idx').on(t.workspaceId, t.companyId),
    index('contacts_ws_stage_idx').on(t.workspaceId, t.lifecycleStage, t.id),
    index('contacts_ws_activity_idx').on(t.workspaceId, t.lastActivityAt, t.id),
    // The list orders exactly as compileSort writes them ("recently active first, then name": empty last through a
    // -infinity sentinel, so a cursor page seeks instead of walking from the top): a page of a broad filter reads rows
    // in index order instead of sorting every match (bench/crm.ts). The owner-led copy serves a rep's own list.
    index('contacts_ws_recent_activity_idx').on(
      t.workspaceId,
      sql`coalesce(${t.lastActivityAt}, '-infinity'::timestamptz) desc nulls last`,
      sql`lower(left(${t.displayName}, 100))`,
      t.id,
    ),
    index('contacts_ws_owner_recent_idx').on(
      t.workspaceId,
      t.ownerId,
      sql`coalesce(${t.lastActivityAt}, '-infinity'::timestamptz) desc nulls last`,
      sql`lower(left(${t.displayName}, 100))`,
      t.id,
    ),
    index('contacts_ws_name_sort_idx').on(t.workspaceId, sql`lower(left(${t.displayName}, 100))`, t.id),
    index('contacts_name_trgm').using('gin', t.workspaceId, sql`lower(${t.displayName}) gin_trgm_ops`),
    index('contacts_tags_idx').using('gin', t.workspaceId, t.tags),
  ],
);

/** Every email of a contact, normalized (trimmed, lower case); an email belongs to one contact per workspace. */
export const contactEmails = pgTable(
  'contact_emails',
  {
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    email: text('email').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.email] }),
    index('contact_emails_contact_idx').on(t.workspaceId, t.contactId),
    index('contact_emails_trgm').using('gin', t.workspaceId, sql`${t.email} gin_trgm_ops`),
  ],
);

/** Phones in E.164. */
export const contactPhones = pgTable(
  'contact_phones',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    phone: text('phone').notNull(),
    kind: text('kind').notNull().default('work'),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [index('contact_phones_contact_idx').on(t.workspaceId, t.contactId), index('contact_phones_phone_idx').on(t.workspaceId, t.phone)],
);

/** Contact ↔ company links beyond the primary one (contacts.company_id is the primary). */
export const contactCompanies = pgTable(
  'contact_companies',
  {
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    companyId: uuid('company_id').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.companyId] }),
    index('contact_companies_company_idx').on(t.workspaceId, t.companyId),
  ],
);

export const lifecycleHistory = pgTable(
  'lifecycle_history',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    changedAt: ts('changed_at').notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    /** Set when an automation or flow moved the stage (e.g. "deal won"). */
    rule: text('rule'),
  },
  (t) => [
    index('lifecycle_history_contact_idx').on(t.workspaceId, t.contactId, t.changedAt),
    index('lifecycle_history_stage_idx').on(t.workspaceId, t.toStage, t.changedAt),
  ],
);

/** Consent proof, append-only: the latest row per contact and channel is the current state. */
export const consentHistory = pgTable(
  'consent_history',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    channel: text('channel').notNull().default('email'),
    status: text('status').notNull(),
    legalBasis: text('legal_basis'),
    source: text('source'),
    ip: text('ip'),
    textVersion: text('text_version'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
  },
  (t) => [index('consent_history_contact_idx').on(t.workspaceId, t.contactId, t.recordedAt)],
);

/** Ids of merged-away records, so old links and API calls still resolve to the survivor. */
export const recordAliases = pgTable(
  'record_aliases',
  {
    workspaceId: uuid('workspace_id').notNull(),
    entityType: text('entity_type').notNull(),
    aliasId: uuid('alias_id').notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.aliasId] }), index('record_aliases_target_idx').on(t.workspaceId, t.targetId)],
);

/** Salted hashes of erased emails: imports and sends skip them. */
export const suppressions = pgTable(
  'suppressions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    emailHash: text('email_hash').notNull(),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.emailHash] })],
);
