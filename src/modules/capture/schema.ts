import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, idColumn, ts } from '../../kernel/db/columns.ts';
import type { FormField, FormSettings, PageBlock } from './form-model.ts';

/**
 * Forms people fill in on hosted pages, embeds and landing pages. The slug is the public address (/f/:slug) and
 * therefore unique across workspaces, the one unique index that does not lead with workspace_id.
 */
export const forms = pgTable(
  'forms',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    status: text('status').notNull().default('draft'),
    fields: jsonb('fields').$type<FormField[]>().notNull(),
    settings: jsonb('settings').$type<FormSettings>().notNull(),
    /** The consent text version submissions see now; null when the form asks for no consent. */
    consentVersionId: uuid('consent_version_id'),
    submissionCount: integer('submission_count').notNull().default(0),
    /** Discarded submissions (honeypot, too fast, rate limit, proof of work), counted, never stored. */
    spamCount: integer('spam_count').notNull().default(0),
    lastSubmittedAt: ts('last_submitted_at'),
    createdBy: uuid('created_by'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('forms_slug_key').on(t.slug), index('forms_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/** Every consent text a form ever showed, append-only: a change of wording is a new version. */
export const formConsentVersions = pgTable(
  'form_consent_versions',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    formId: uuid('form_id').notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('form_consent_versions_key').on(t.workspaceId, t.formId, t.version)],
);

/** What each accepted submission said, with where it came from. */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    formId: uuid('form_id').notNull(),
    contactId: uuid('contact_id'),
    /** created | updated | suppressed (an erased person: stored without a contact, nothing written). */
    outcome: text('outcome').notNull(),
    data: jsonb('data').$type<Record<string, string>>().notNull(),
    consentVersionId: uuid('consent_version_id'),
    consentGiven: boolean('consent_given').notNull().default(false),
    ip: text('ip'),
    userAgent: text('user_agent'),
    pageUrl: text('page_url'),
    referrer: text('referrer'),
    utm: jsonb('utm').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    visitorId: uuid('visitor_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('form_submissions_form_idx').on(t.workspaceId, t.formId, t.createdAt)],
);

/** Block-based landing pages served as static HTML at /p/:slug; `version` keys the render cache. */
export const landingPages = pgTable(
  'landing_pages',
  {
    ...baseColumns(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ogImage: text('og_image'),
    status: text('status').notNull().default('draft'),
    /** The working copy the editor saves. */
    blocks: jsonb('blocks').$type<PageBlock[]>().notNull(),
    /** What /p/:slug serves: the blocks and SEO fields as of the last publish. */
    published: jsonb('published').$type<{ title: string; description: string; ogImage: string | null; blocks: PageBlock[] }>(),
    version: integer('version').notNull().default(0),
    publishedAt: ts('published_at'),
    viewCount: integer('view_count').notNull().default(0),
    createdBy: uuid('created_by'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('landing_pages_slug_key').on(t.slug), index('landing_pages_workspace_idx').on(t.workspaceId, t.createdAt)],
);
