import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../kernel/db/columns.ts';

/** Pairs a user said are not duplicates: the duplicate reports leave them out. recordA < recordB. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    workspaceId: uuid('workspace_id').notNull(),
    entityType: text('entity_type').notNull(),
    recordA: uuid('record_a').notNull(),
    recordB: uuid('record_b').notNull(),
    dismissedBy: text('dismissed_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.entityType, t.recordA, t.recordB] }),
    // Merges and erasure find a record's dismissals from either side.
    index('duplicate_dismissals_b_idx').on(t.workspaceId, t.recordB),
  ],
);
