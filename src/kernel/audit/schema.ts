import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, ts } from '../db/columns.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_ws_time_idx').on(t.workspaceId, t.id),
    index('audit_ws_entity_idx').on(t.workspaceId, t.entityType, t.entityId, t.createdAt, t.id),
  ],
);
