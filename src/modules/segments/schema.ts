import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

export const segmentStatuses = ['building', 'ready'] as const;
export type SegmentStatus = (typeof segmentStatuses)[number];

/** A dynamic segment: a contact filter whose matches are kept in segment_members as contacts change. */
export const segments = pgTable(
  'segments',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    description: text('description'),
    /** A filter node over the segment registry (contact fields, company, lists, deals, behaviour). */
    definition: jsonb('definition').notNull(),
    /** True when the definition uses a relative time (in_last, within): the drift schedule re-evaluates it. */
    timeRelative: boolean('time_relative').notNull().default(false),
    status: text('status').$type<SegmentStatus>().notNull().default('building'),
    memberCount: integer('member_count').notNull().default(0),
    /** Bumped by every definition change, so a stale rebuild job leaves the newer one alone. */
    version: integer('version').notNull().default(1),
    builtAt: ts('built_at'),
    createdBy: uuid('created_by'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('segments_ws_idx').on(t.workspaceId, t.name)],
);

/** Current members of a segment. */
export const segmentMembers = pgTable(
  'segment_members',
  {
    workspaceId: uuid('workspace_id').notNull(),
    segmentId: uuid('segment_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    enteredAt: ts('entered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.contactId] }), index('segment_members_contact_idx').on(t.workspaceId, t.contactId)],
);

/** Every time a contact entered or left a segment. */
export const segmentHistory = pgTable(
  'segment_history',
  {
    // Written set-based in SQL, so the database draws the id.
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    segmentId: uuid('segment_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    change: text('change').$type<'entered' | 'exited'>().notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('segment_history_contact_idx').on(t.workspaceId, t.contactId, t.at),
    index('segment_history_segment_idx').on(t.segmentId, t.at),
  ],
);

/** Contacts whose segment memberships must be re-evaluated (filled by triggers and the behaviour log, drained by a job). */
export const segmentDirty = pgTable(
  'segment_dirty',
  {
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    markedAt: ts('marked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.contactId] })],
);

/** A static list: contacts added and removed by hand, by filter or by import. */
export const contactLists = pgTable(
  'contact_lists',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    description: text('description'),
    memberCount: integer('member_count').notNull().default(0),
    /** Adds send a confirmation email; the contact joins when they click it (double opt-in). */
    doubleOptIn: boolean('double_opt_in').notNull().default(false),
    createdBy: uuid('created_by'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('contact_lists_ws_idx').on(t.workspaceId, t.name)],
);

export const listMemberSources = ['manual', 'filter', 'import', 'api', 'confirmed'] as const;
export type ListMemberSource = (typeof listMemberSources)[number];

/** Members of a static list. */
export const listMembers = pgTable(
  'list_members',
  {
    workspaceId: uuid('workspace_id').notNull(),
    listId: uuid('list_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    source: text('source').$type<ListMemberSource>().notNull().default('manual'),
    addedBy: uuid('added_by'),
    addedAt: ts('added_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.listId, t.contactId] }), index('list_members_contact_idx').on(t.workspaceId, t.contactId)],
);
