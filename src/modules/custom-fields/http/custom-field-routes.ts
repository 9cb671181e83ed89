import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getCustomField, getCustomFields } from '../queries/get-custom-fields.ts';
import { archiveCustomField } from '../use-cases/archive-custom-field.ts';
import { createCustomField } from '../use-cases/create-custom-field.ts';
import { updateCustomField } from '../use-cases/update-custom-field.ts';
import { createCustomFieldBody, customFieldSchema, idParams, listCustomFieldsQuery, updateCustomFieldBody } from './custom-fields.types.ts';

const tags = ['custom fields'];

/** Custom field definitions: reading needs contacts:read, changing them custom_fields:manage (admins). */
export async function customFieldRoutes(app: App) {
  app.get(
    '/api/custom-fields',
    {
      config: { permission: 'contacts:read' },
      schema: { tags, querystring: listCustomFieldsQuery, response: { 200: z.object({ items: z.array(customFieldSchema) }) } },
    },
    async (req) => ({
      items: await getCustomFields(req.ctx, { entityType: req.query.entityType, includeArchived: req.query.includeArchived }),
    }),
  );

  app.get(
    '/api/custom-fields/:id',
    { config: { permission: 'contacts:read' }, schema: { tags, params: idParams, response: { 200: customFieldSchema } } },
    async (req) => getCustomField(req.ctx, req.params.id),
  );

  app.post(
    '/api/custom-fields',
    { config: { permission: 'custom_fields:manage' }, schema: { tags, body: createCustomFieldBody, response: { 201: customFieldSchema } } },
    async (req, reply) => reply.status(201).send(await createCustomField(req.ctx, req.body)),
  );

  app.patch(
    '/api/custom-fields/:id',
    {
      config: { permission: 'custom_fields:manage' },
      schema: { tags, params: idParams, body: updateCustomFieldBody, response: { 200: customFieldSchema } },
    },
    async (req) => updateCustomField(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/custom-fields/:id',
    { config: { permission: 'custom_fields:manage' }, schema: { tags, params: idParams, response: { 200: customFieldSchema } } },
    async (req) => archiveCustomField(req.ctx, req.params.id),
  );
}
