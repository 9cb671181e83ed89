import type { App } from '../../../kernel/http/index.ts';
import { getView } from '../queries/get-view.ts';
import { listViews } from '../queries/list-views.ts';
import { createView } from '../use-cases/create-view.ts';
import { deleteView } from '../use-cases/delete-view.ts';
import { updateView } from '../use-cases/update-view.ts';
import { okSchema, updateViewBody, viewBody, viewIdParams, viewListQuery, viewListSchema, viewSchema } from './views.types.ts';

const tags = ['views'];

/** Saved list views: GET/POST /api/views, GET/PATCH/DELETE /api/views/:id. */
export async function viewRoutes(app: App) {
  app.get(
    '/api/views',
    {
      config: { permission: 'views:read' },
      schema: { tags, summary: 'Built-in views, yours and the shared ones', querystring: viewListQuery, response: { 200: viewListSchema } },
    },
    async (req) => ({ items: await listViews(req.ctx, req.query.entityType) }),
  );

  app.post(
    '/api/views',
    { config: { permission: 'views:write' }, schema: { tags, summary: 'Save a view', body: viewBody, response: { 201: viewSchema } } },
    async (req, reply) => reply.status(201).send(await createView(req.ctx, req.body)),
  );

  app.get(
    '/api/views/:id',
    { config: { permission: 'views:read' }, schema: { tags, params: viewIdParams, response: { 200: viewSchema } } },
    async (req) => getView(req.ctx, req.params.id),
  );

  app.patch(
    '/api/views/:id',
    {
      config: { permission: 'views:write' },
      schema: {
        tags,
        summary: 'Rename, redefine, share or unshare a view',
        params: viewIdParams,
        body: updateViewBody,
        response: { 200: viewSchema },
      },
    },
    async (req) => updateView(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/views/:id',
    { config: { permission: 'views:write' }, schema: { tags, params: viewIdParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteView(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
