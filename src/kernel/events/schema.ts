import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, idColumn, ts } from '../db/columns.ts';

/** The transactional outbox: written in the same transaction as the change it describes. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id').notNull(),
    type: text('type').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    data: jsonb('data').notNull(),
    actor: jsonb('actor'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('outbox_ws_idx').on(t.workspaceId, t.id)],
);

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    ...baseColumns(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    secret: text('secret').notNull(),
    /** After a rotation the old secret keeps signing (a second signature) until this time. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: ts('previous_secret_expires_at'),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by'),
  },
  (t) => [index('webhook_subs_ws_idx').on(t.workspaceId, t.createdAt)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    ...baseColumns(),
    subscriptionId: uuid('subscription_id').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    error: text('error'),
    durationMs: integer('duration_ms'),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_sub_idx').on(t.workspaceId, t.subscriptionId, t.id),
    // One delivery per subscription and event, so a fan-out that runs twice delivers once.
    uniqueIndex('webhook_deliveries_event_uq').on(t.workspaceId, t.subscriptionId, t.eventId),
  ],
);
