import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
    definition: jsonb('definition').$type<{ filter?: unknown; sort?: { field: string; dir: 'asc' | 'desc' }[]; columns?: string[] }>().notNull(),
  },
  (t) => [index('saved_views_ws_idx').on(t.workspaceId, t.entityType, t.ownerId)],
);

/** A bulk action over a selection or a filter; keeps what is needed to undo it for 7 days. */
export const bulkOperations = pgTable(
  'bulk_operations',
  {
    ...baseColumns(),
    entityType: text('entity_type').notNull(),
    action: text('action').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    selection: jsonb('selection').$type<{ ids?: string[]; filter?: unknown }>().notNull(),
    status: text('status').notNull().default('pending'),
    total: integer('total'),
    done: integer('done').notNull().default(0),
    /** Per record: the values before the change, so undo can restore them. */
    undo: jsonb('undo').$type<Record<string, unknown>>(),
    jobId: uuid('job_id'),
    createdBy: text('created_by'),
    undoneAt: ts('undone_at'),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('bulk_operations_ws_idx').on(t.workspaceId, t.id)],
);
