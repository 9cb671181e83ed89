import type { App } from '../../../kernel/http/index.ts';
import { getContact } from '../queries/get-contact.ts';
import { createContact } from '../use-cases/create-contact.ts';
import { deleteContact } from '../use-cases/delete-contact.ts';
import { updateContact } from '../use-cases/update-contact.ts';
import { contactBody, contactDetailSchema, idParams, okSchema, updateContactBody } from './contacts.types.ts';

const tags = ['contacts'];

/** POST /api/contacts, GET/PATCH/DELETE /api/contacts/:id. */
export async function contactRoutes(app: App) {
  app.post(
    '/api/contacts',
    { config: { permission: 'contacts:write' }, schema: { tags, body: contactBody, response: { 201: contactDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createContact(req.ctx, req.body)),
  );

  app.get(
    '/api/contacts/:id',
    { config: { permission: 'contacts:read' }, schema: { tags, params: idParams, response: { 200: contactDetailSchema } } },
    async (req) => getContact(req.ctx, req.params.id),
  );

  app.patch(
    '/api/contacts/:id',
    {
      config: { permission: 'contacts:write' },
      schema: { tags, params: idParams, body: updateContactBody, response: { 200: contactDetailSchema } },
    },
    async (req) => updateContact(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/contacts/:id',
    { config: { permission: 'contacts:delete' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteContact(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
