import { type App, pageOf } from '../../../kernel/http/index.ts';
import { getNotifications, getUnreadCount } from '../queries/get-notifications.ts';
import { readAllNotifications } from '../use-cases/read-all-notifications.ts';
import { readNotification } from '../use-cases/read-notification.ts';
import { idParams, notificationSchema, notificationsQuery, readAllSchema, readSchema, unreadCountSchema } from './notifications.types.ts';

const tags = ['notifications'];

/** The caller's in-app notifications (task assignments, reminders): list, unread count, mark read. */
export async function notificationRoutes(app: App) {
  app.get(
    '/api/notifications',
    {
      config: { permission: 'self:read' },
      schema: { tags, querystring: notificationsQuery, response: { 200: pageOf(notificationSchema) } },
    },
    async (req) => getNotifications(req.ctx, req.query),
  );

  app.get(
    '/api/notifications/unread-count',
    { config: { permission: 'self:read' }, schema: { tags, response: { 200: unreadCountSchema } } },
    async (req) => getUnreadCount(req.ctx),
  );

  app.post(
    '/api/notifications/:id/read',
    { config: { permission: 'self:write' }, schema: { tags, params: idParams, response: { 200: readSchema } } },
    async (req) => readNotification(req.ctx, req.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    { config: { permission: 'self:write' }, schema: { tags, response: { 200: readAllSchema } } },
    async (req) => readAllNotifications(req.ctx),
  );
}
