import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import type { App } from '../../../kernel/http/index.ts';
import { getContactWebActivity } from '../queries/get-contact-web-activity.ts';
import { getWebAnalytics } from '../queries/get-web-analytics.ts';
import { analyticsSchema, idParams, periodQuery, webActivitySchema } from './tracking.types.ts';

const tags = ['tracking'];

/** Web analytics for a period, and one contact's web sessions. */
export async function analyticsRoutes(app: App) {
  app.get(
    '/api/tracking/analytics',
    {
      config: { permission: 'tracking:read' },
      schema: {
        tags,
        description: 'Page views, sessions, top pages, sources and campaigns for a period of days',
        querystring: periodQuery,
        response: { 200: analyticsSchema },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      if (from > to)
        throw new AppError('validation_failed', '"from" must be on or before "to".', {
          issues: [{ path: ['querystring', 'from'], message: 'after to' }],
        });
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > 800)
        throw new AppError('validation_failed', 'Choose a period of at most 800 days.', {
          issues: [{ path: ['querystring', 'to'], message: 'period too long' }],
        });
      return getWebAnalytics(req.ctx, req.query);
    },
  );
  app.get(
    '/api/contacts/:id/web-activity',
    {
      config: { permission: 'tracking:read' },
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: webActivitySchema },
      },
    },
    async (req) => getContactWebActivity(req.ctx, req.params.id, req.query.limit),
  );
}
