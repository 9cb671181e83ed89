import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, ts } from '../db/columns.ts';

/** The durable queue. Statuses: queued → running → succeeded | queued (retry) | dead | failed; or cancelled. */
export const jobs = pgTable(
  'jobs',
  {
    id: idColumn(),
    workspaceId: uuid('workspace_id'),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('queued'),
    priority: integer('priority').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAt: ts('run_at').notNull().defaultNow(),
    lockedUntil: ts('locked_until'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    result: jsonb('result'),
    progress: jsonb('progress'),
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    // Matches the claim order (priority desc, run_at) so a claim reads the head of the index.
    index('jobs_ready_idx').on(t.priority.desc(), t.runAt).where(sql`status = 'queued'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`status = 'running'`),
    index('jobs_ws_idx').on(t.workspaceId, t.id),
    // The admin list filters by status (dead letters) among many succeeded jobs.
    index('jobs_ws_status_idx').on(t.workspaceId, t.status, t.id),
    // Retention deletes finished jobs by age.
    index('jobs_finished_idx').on(t.finishedAt).where(sql`finished_at is not null`),
    uniqueIndex('jobs_idem_key').on(t.idempotencyKey),
  ],
);

/** One row per declared cron schedule; the row lock makes exactly one worker enqueue each due run. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  nextRunAt: ts('next_run_at').notNull(),
  lastRunAt: ts('last_run_at'),
  enabled: boolean('enabled').notNull().default(true),
});
