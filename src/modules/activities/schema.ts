import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

export const activityTypes = ['note', 'call', 'meeting', 'email'] as const;
export type ActivityType = (typeof activityTypes)[number];

/**
 * Notes, calls, meetings and logged emails. Type-specific fields live in `details`
 * (call: direction, durationSeconds, outcome, recordingUrl, transcriptUrl; meeting: startsAt,
 * endsAt, attendees, location; email: direction, from, to, cc).
 */
export const activities = pgTable(
  'activities',
  {
    ...baseColumns(),
    type: text('type').$type<ActivityType>().notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull().default(''),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    createdBy: text('created_by'),
    ownerId: uuid('owner_id'),
  },
  (t) => [
    index('activities_ws_time_idx').on(t.workspaceId, t.occurredAt, t.id),
    index('activities_ws_type_idx').on(t.workspaceId, t.type, t.occurredAt),
  ],
);

/** Which records an activity is on (a call can be on a contact, its company and a deal). */
export const activityLinks = pgTable(
  'activity_links',
  {
    workspaceId: uuid('workspace_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    occurredAt: ts('occurred_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.activityId, t.entityType, t.entityId] }),
    index('activity_links_entity_idx').on(t.workspaceId, t.entityType, t.entityId, t.occurredAt, t.activityId),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    ...baseColumns(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    dueAt: ts('due_at'),
    priority: text('priority').notNull().default('normal'),
    assigneeId: uuid('assignee_id'),
    status: text('status').notNull().default('open'),
    reminderAt: ts('reminder_at'),
    remindedAt: ts('reminded_at'),
    completedAt: ts('completed_at'),
    /** Who completed it (user id, or the actor id of a key or job), for the record timeline. */
    completedBy: text('completed_by'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    createdBy: text('created_by'),
  },
  (t) => [
    index('tasks_assignee_open_idx').on(t.workspaceId, t.assigneeId, t.dueAt).where(sql`status = 'open'`),
    index('tasks_entity_idx').on(t.workspaceId, t.entityType, t.entityId),
    index('tasks_reminder_idx').on(t.reminderAt).where(sql`status = 'open' and reminded_at is null and reminder_at is not null`),
  ],
);

/** In-app notifications (task reminders, assignments, approvals). */
export const notifications = pgTable(
  'notifications',
  {
    ...baseColumns(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.workspaceId, t.userId, t.id)],
);
