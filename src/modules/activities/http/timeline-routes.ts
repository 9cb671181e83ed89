import type { App } from '../../../kernel/http/index.ts';
import { getTimeline } from '../queries/get-timeline.ts';
import { timelineParams, timelineQuery, timelineSchema } from './timeline.types.ts';

/** One record's history: activities, tasks, stage changes and field changes, newest first. */
export async function timelineRoutes(app: App) {
  app.get(
    '/api/timeline/:entityType/:entityId',
    {
      config: { permission: 'activities:read' },
      schema: { tags: ['activities'], params: timelineParams, querystring: timelineQuery, response: { 200: timelineSchema } },
    },
    async (req) => getTimeline(req.ctx, { ...req.params, ...req.query }),
  );
}
