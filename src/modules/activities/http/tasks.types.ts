import { z } from 'zod';
import { pageQuery } from '../../../kernel/http/index.ts';
import { entityTypeSchema } from '../use-cases/activity-input.ts';
import { createTaskInput, taskPriorities, taskStatuses, updateTaskInput } from '../use-cases/task-input.ts';

/** POST /api/tasks. */
export const createTaskBody = createTaskInput;
/** PATCH /api/tasks/:id: the fields to change; null clears dueAt, assigneeId, reminderAt or the record. */
export const updateTaskBody = updateTaskInput;

export const taskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  notes: z.string(),
  dueAt: z.date().nullable(),
  priority: z.enum(taskPriorities),
  status: z.enum(taskStatuses),
  assigneeId: z.uuid().nullable(),
  reminderAt: z.date().nullable(),
  remindedAt: z.date().nullable().describe('When the reminder notification went out'),
  completedAt: z.date().nullable(),
  completedBy: z.string().nullable(),
  entityType: z.string().nullable().describe('The record the task is on'),
  entityId: z.uuid().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const tasksQuery = pageQuery.extend({
  assignee: z
    .union([z.literal('me'), z.uuid()], { error: 'must be "me" or a user id' })
    .optional()
    .describe('"me" or a user id'),
  status: z.enum(taskStatuses).optional().describe('open or completed'),
  entityType: entityTypeSchema.optional().describe('With entityId: only the tasks on this record'),
  entityId: z.uuid('must be a UUID').optional(),
});

const group = z.object({
  total: z.number().int().describe('All tasks in the group'),
  items: z.array(taskSchema).describe('The first ones, soonest due first'),
});
export const myTasksSchema = z.object({
  timezone: z.string().describe('The workspace time zone that decides what "today" is'),
  today: z.string().describe('Today’s date there (YYYY-MM-DD)'),
  groups: z.object({ overdue: group, today: group, upcoming: group, noDate: group }),
});
export const myTasksQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50).describe('Tasks per group (1-200)') });

export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const okSchema = z.object({ ok: z.literal(true) });
