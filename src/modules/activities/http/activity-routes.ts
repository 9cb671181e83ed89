import { type App, pageOf } from '../../../kernel/http/index.ts';
import { getActivities } from '../queries/get-activities.ts';
import { getActivity } from '../queries/get-activity.ts';
import { deleteActivity } from '../use-cases/delete-activity.ts';
import { logActivity } from '../use-cases/log-activity.ts';
import { updateActivity } from '../use-cases/update-activity.ts';
import { activitiesQuery, activitySchema, createActivityBody, idParams, okSchema, updateActivityBody } from './activities.types.ts';

const tags = ['activities'];

/** Notes, calls, meetings and logged emails on contacts, companies and deals. */
export async function activityRoutes(app: App) {
  app.post(
    '/api/activities',
    { config: { permission: 'activities:write' }, schema: { tags, body: createActivityBody, response: { 201: activitySchema } } },
    async (req, reply) => reply.status(201).send(await logActivity(req.ctx, req.body)),
  );

  app.get(
    '/api/activities',
    {
      config: { permission: 'activities:read' },
      schema: { tags, querystring: activitiesQuery, response: { 200: pageOf(activitySchema) } },
    },
    async (req) => getActivities(req.ctx, req.query),
  );

  app.get(
    '/api/activities/:id',
    { config: { permission: 'activities:read' }, schema: { tags, params: idParams, response: { 200: activitySchema } } },
    async (req) => getActivity(req.ctx, req.params.id),
  );

  app.patch(
    '/api/activities/:id',
    {
      config: { permission: 'activities:write' },
      schema: { tags, params: idParams, body: updateActivityBody, response: { 200: activitySchema } },
    },
    async (req) => updateActivity(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/activities/:id',
    { config: { permission: 'activities:write' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteActivity(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
