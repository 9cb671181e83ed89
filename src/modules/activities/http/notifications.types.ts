import { z } from 'zod';
import { pageQuery } from '../../../kernel/http/index.ts';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string().describe('task_assigned, task_reminder, …'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('Path in the web app this notification is about'),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export const notificationsQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: only unread ones'),
});
export const unreadCountSchema = z.object({ count: z.number().int() });
export const readSchema = z.object({ id: z.uuid(), readAt: z.date() });
export const readAllSchema = z.object({ updated: z.number().int().describe('How many were unread') });
export const idParams = z.object({ id: z.uuid('must be a UUID') });
