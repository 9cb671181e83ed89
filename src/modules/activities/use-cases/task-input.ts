import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { tasks } from '../schema.ts';
import { entityTypeSchema } from './activity-input.ts';
import { isoTime } from './parse-input.ts';

export const taskPriorities = ['low', 'normal', 'high'] as const;
export const taskStatuses = ['open', 'completed'] as const;
export type TaskPriority = (typeof taskPriorities)[number];
export type TaskStatus = (typeof taskStatuses)[number];

const fields = {
  title: z.string().trim().min(1, 'give the task a title').max(500),
  notes: z.string().max(20_000).describe('Details'),
  dueAt: isoTime().nullable().describe('When it is due'),
  priority: z.enum(taskPriorities).describe('low, normal or high'),
  assigneeId: z.uuid('must be a UUID').nullable().describe('A member of the workspace (default: you)'),
  reminderAt: isoTime().nullable().describe('When to send the assignee an in-app reminder'),
  entityType: entityTypeSchema.nullable().describe('The record the task is on (with entityId)'),
  entityId: z.uuid('must be a UUID').nullable().describe('Id of the record the task is on (with entityType)'),
};

const bothOrNeither = (t: { entityType?: unknown; entityId?: unknown }) => (t.entityType == null) === (t.entityId == null);
const linkRule = { message: 'give entityType and entityId together (or neither)', path: ['entityId'] };

export const createTaskInput = z
  .strictObject({
    title: fields.title,
    notes: fields.notes.optional(),
    dueAt: fields.dueAt.optional(),
    priority: fields.priority.optional(),
    assigneeId: fields.assigneeId.optional(),
    reminderAt: fields.reminderAt.optional(),
    entityType: fields.entityType.optional(),
    entityId: fields.entityId.optional(),
  })
  .refine(bothOrNeither, linkRule);
export type CreateTaskInput = z.input<typeof createTaskInput>;

/** Fields to change; null clears dueAt, assigneeId, reminderAt or the record link. */
export const updateTaskInput = z
  .strictObject({
    title: fields.title.optional(),
    notes: fields.notes.optional(),
    dueAt: fields.dueAt.optional(),
    priority: fields.priority.optional(),
    assigneeId: fields.assigneeId.optional(),
    reminderAt: fields.reminderAt.optional(),
    entityType: fields.entityType.optional(),
    entityId: fields.entityId.optional(),
  })
  .refine((t) => (t.entityType === undefined && t.entityId === undefined) || bothOrNeither(t), linkRule);
export type UpdateTaskInput = z.input<typeof updateTaskInput>;

/** Throws assignee_not_member unless the user is a member of the workspace. */
export async function assertMember(exec: Executor, workspaceId: string, userId: string, path: (string | number)[]) {
  const [m] = await rows(exec, sql`select 1 from memberships where workspace_id = ${workspaceId} and user_id = ${userId}`);
  if (!m)
    throw new AppError('assignee_not_member', `No member of this workspace has id ${userId}. GET /api/users lists the members.`, { path });
}

type TaskRow = typeof tasks.$inferSelect;
const d = (v: Date | string | null) => (v ? new Date(v) : null);

/** A task as the API shows it. */
export function toTask(t: TaskRow) {
  return {
    id: t.id,
    title: t.title,
    notes: t.notes,
    dueAt: d(t.dueAt),
    priority: t.priority as TaskPriority,
    status: t.status as TaskStatus,
    assigneeId: t.assigneeId,
    reminderAt: d(t.reminderAt),
    remindedAt: d(t.remindedAt),
    completedAt: d(t.completedAt),
    completedBy: t.completedBy,
    entityType: t.entityType,
    entityId: t.entityId,
    createdBy: t.createdBy,
    createdAt: new Date(t.createdAt),
    updatedAt: new Date(t.updatedAt),
  };
}
export type Task = ReturnType<typeof toTask>;
