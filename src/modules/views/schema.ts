import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

/** A saved list view: filter (the filter language), sort, columns; private to its owner or shared. */
export const savedViews = pgTable(
  'saved_views',
  {
    ...baseColumns(),
    entityType: text('entity_type').notNull(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').notNull(),
    shared: boolean('shared').notNull().default(false),
    definition: jsonb('definition')
      .$type<{ filter?: unknown; sort?: { field: string; dir: 'asc' | 'desc' }[]; columns?: string[] }>()
      .notNull(),
  },
  (t) => [index('saved_views_ws_idx').on(t.workspaceId, t.entityType, t.ownerId)],
);

/** A bulk action over a selection or a filter; its records' previous values sit in bulk_operation_items for 7 days. */
export const bulkOperations = pgTable(
  'bulk_operations',
  {
    ...baseColumns(),
    entityType: text('entity_type').notNull(),
    action: text('action').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    selection: jsonb('selection').$type<{ ids?: string[]; filter?: unknown }>().notNull(),
    /** pending → running → completed | cancelled | failed, then undoing → undone. */
    status: text('status').notNull().default('pending'),
    total: integer('total'),
    done: integer('done').notNull().default(0),
    /** Unused: previous values live in bulk_operation_items (one row per record keeps this row small). */
    undo: jsonb('undo').$type<Record<string, unknown>>(),
    jobId: uuid('job_id'),
    createdBy: text('created_by'),
    undoneAt: ts('undone_at'),
    expiresAt: ts('expires_at').notNull(),
    /** Who started it (role included): a job applies that actor's record visibility at execution time. */
    actor: jsonb('actor').$type<Record<string, unknown>>(),
    /** Keyset position (last record id) of the pass that is running, forward or undo, so a rerun resumes there. */
    cursor: uuid('cursor'),
    /** Counts: changed, skipped, missing; after an undo also restored and the records that could not be. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    finishedAt: ts('finished_at'),
    /** Set once the expiry purge removed this operation's items (it can no longer be undone). */
    itemsPurgedAt: ts('items_purged_at'),
  },
  (t) => [index('bulk_operations_ws_idx').on(t.workspaceId, t.id)],
);

/** One changed record of a bulk operation with its values before the change (what undo restores). */
export const bulkOperationItems = pgTable(
  'bulk_operation_items',
  {
    workspaceId: uuid('workspace_id').notNull(),
    operationId: uuid('operation_id').notNull(),
    recordId: uuid('record_id').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    undoneAt: ts('undone_at'),
    /** Why undo could not restore this record (e.g. email_taken). */
    undoError: text('undo_error'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.operationId, t.recordId] })],
);
