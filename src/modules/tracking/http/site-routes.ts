import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getSite, getSites } from '../queries/get-sites.ts';
import { createSite } from '../use-cases/create-site.ts';
import { deleteSite } from '../use-cases/delete-site.ts';
import { updateSite } from '../use-cases/update-site.ts';
import { idParams, siteBody, siteSchema, updateSiteBody } from './tracking.types.ts';

const tags = ['tracking'];

/** Tracked websites: list, add, change, remove. */
export async function siteRoutes(app: App) {
  app.get(
    '/api/tracking/sites',
    { config: { permission: 'tracking:read' }, schema: { tags, response: { 200: z.object({ items: z.array(siteSchema) }) } } },
    async (req) => ({ items: await getSites(req.ctx) }),
  );
  app.get(
    '/api/tracking/sites/:id',
    { config: { permission: 'tracking:read' }, schema: { tags, params: idParams, response: { 200: siteSchema } } },
    async (req) => getSite(req.ctx, req.params.id),
  );
  app.post(
    '/api/tracking/sites',
    { config: { permission: 'tracking:manage' }, schema: { tags, body: siteBody, response: { 201: siteSchema } } },
    async (req, reply) => reply.status(201).send(await createSite(req.ctx, req.body)),
  );
  app.patch(
    '/api/tracking/sites/:id',
    { config: { permission: 'tracking:manage' }, schema: { tags, params: idParams, body: updateSiteBody, response: { 200: siteSchema } } },
    async (req) => updateSite(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/tracking/sites/:id',
    { config: { permission: 'tracking:manage' }, schema: { tags, params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req) => {
      await deleteSite(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
