import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getTemplate, getTemplates, getTemplateVersions } from '../queries/get-template.ts';
import { previewTemplate } from '../queries/preview-template.ts';
import { createTemplate, updateTemplate } from '../use-cases/save-template.ts';
import {
  idParams,
  previewBody,
  previewSchema,
  templateBody,
  templateListSchema,
  templateSchema,
  updateTemplateBody,
  versionSchema,
} from './email.types.ts';

const tags = ['email templates'];

/** Templates: list, create, save (a new version each time), versions, preview with any contact. */
export async function templateRoutes(app: App) {
  app.get(
    '/api/email/templates',
    { config: { permission: 'email:read' }, schema: { tags, response: { 200: templateListSchema } } },
    async (req) => ({
      items: await getTemplates(req.ctx),
    }),
  );
  app.post(
    '/api/email/templates',
    { config: { permission: 'email:write' }, schema: { tags, body: templateBody, response: { 201: templateSchema } } },
    async (req, reply) => reply.status(201).send(await createTemplate(req.ctx, req.body as never)),
  );
  app.get(
    '/api/email/templates/:id',
    { config: { permission: 'email:read' }, schema: { tags, params: idParams, response: { 200: templateSchema } } },
    async (req) => getTemplate(req.ctx, req.params.id),
  );
  app.patch(
    '/api/email/templates/:id',
    {
      config: { permission: 'email:write' },
      schema: { tags, params: idParams, body: updateTemplateBody, response: { 200: templateSchema } },
    },
    async (req) => updateTemplate(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/email/templates/:id/versions',
    {
      config: { permission: 'email:read' },
      schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(versionSchema) }) } },
    },
    async (req) => ({ items: await getTemplateVersions(req.ctx, req.params.id) }),
  );
  app.post(
    '/api/email/templates/:id/preview',
    {
      config: { permission: 'email:read' },
      schema: {
        tags,
        description: 'Renders the saved version, or a draft, for a contact or sample data',
        params: idParams,
        body: previewBody,
        response: { 200: previewSchema },
      },
    },
    async (req) => previewTemplate(req.ctx, req.params.id, req.body),
  );
}
