import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';
import type { BusinessWindow } from './business-hours.ts';

/** One row per workspace: whether routing is on, the fallback owner, the SLA calendar and follow-up settings. */
export const routingSettings = pgTable('routing_settings', {
  workspaceId: uuid('workspace_id').primaryKey(),
  /** Off: new leads keep the owner the create gave them (the creator), as before routing was set up. */
  enabled: boolean('enabled').notNull().default(false),
  /** Who gets a lead no rule matched; null leaves it unassigned (it waits in the leads queue). */
  fallbackOwnerId: uuid('fallback_owner_id'),
  /** First-touch target in business minutes. */
  slaMinutes: integer('sla_minutes').notNull().default(60),
  businessHours: jsonb('business_hours').$type<BusinessWindow[]>().notNull(),
  holidays: text('holidays').array().notNull().default(sql`'{}'::text[]`),
  /** Leads (and deals, through registered sources) with no activity for this many days get a follow-up task; null = off. */
  followUpDays: integer('follow_up_days'),
  /** Local hour (workspace time zone) after which the daily follow-ups and digest run. */
  digestHour: integer('digest_hour').notNull().default(8),
  /** Local date of the last completed follow-up run: the run happens once per local day. */
  lastDigestDate: text('last_digest_date'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const routingStrategies = ['round_robin', 'least_loaded', 'owner'] as const;
export type RoutingStrategy = (typeof routingStrategies)[number];
export const loadMeasures = ['open_leads', 'open_tasks'] as const;
export type LoadMeasure = (typeof loadMeasures)[number];

/** Ordered assignment rules: the first active rule whose conditions match a new lead assigns it. */
export const routingRules = pgTable(
  'routing_rules',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    /** A filter (the filter language) over contact fields, `company` over company fields. */
    conditions: jsonb('conditions').notNull(),
    strategy: text('strategy').$type<RoutingStrategy>().notNull(),
    teamId: uuid('team_id'),
    ownerId: uuid('owner_id'),
    loadMeasure: text('load_measure').$type<LoadMeasure>().notNull().default('open_leads'),
    /** Round-robin cursor: the member who got the rule's last lead (read and moved under the rule's row lock). */
    lastUserId: uuid('last_user_id'),
    assignedCount: integer('assigned_count').notNull().default(0),
  },
  (t) => [index('routing_rules_ws_idx').on(t.workspaceId, t.position)],
);

/** How a lead got its owner: the assignment whose first touch the SLA measures. */
export const leadAssignments = pgTable(
  'lead_assignments',
  {
    ...baseColumns(),
    contactId: uuid('contact_id').notNull(),
    /** Null: nobody matched (no fallback owner); the lead waits unassigned. */
    ownerId: uuid('owner_id'),
    ruleId: uuid('rule_id'),
    ruleName: text('rule_name'),
    /** rule, fallback, unassigned, manual (the owner was changed by hand later). */
    reason: text('reason').notNull(),
    assignedAt: ts('assigned_at').notNull(),
    /** assigned_at plus the SLA target in business minutes, under the calendar in force then. */
    dueAt: ts('due_at').notNull(),
    firstTouchAt: ts('first_touch_at'),
    firstTouchActivityId: uuid('first_touch_activity_id'),
    /** Business minutes from assignment to first touch. */
    responseMinutes: doublePrecision('response_minutes'),
  },
  (t) => [
    uniqueIndex('lead_assignments_contact_uq').on(t.workspaceId, t.contactId),
    index('lead_assignments_waiting_idx').on(t.workspaceId, t.dueAt, t.id).where(sql`first_touch_at is null`),
    index('lead_assignments_owner_idx').on(t.workspaceId, t.ownerId, t.assignedAt),
    // Response times of the leads assigned in a period (the KPI board), read from the index alone.
    index('lead_assignments_assigned_idx').on(t.workspaceId, t.assignedAt, t.responseMinutes),
  ],
);

/**
 * Follow-up tasks created for records gone quiet: one per record and quiet spell (`since` is the last
 * activity, or creation), so the daily run never creates the same follow-up twice.
 */
export const followUps = pgTable(
  'follow_ups',
  {
    workspaceId: uuid('workspace_id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    since: ts('since').notNull(),
    ownerId: uuid('owner_id').notNull(),
    taskId: uuid('task_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.entityType, t.entityId, t.since] }),
    index('follow_ups_owner_idx').on(t.workspaceId, t.ownerId, t.createdAt),
  ],
);
