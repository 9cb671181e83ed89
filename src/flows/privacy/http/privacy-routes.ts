import type { App } from '../../../kernel/http/index.ts';
import { eraseContact } from '../erase-contact.ts';
import { exportContact } from '../export-contact.ts';
import { contactExportSchema, eraseResponse, idParams } from './privacy.types.ts';

const tags = ['privacy'];

/** GET /api/contacts/:id/export and POST /api/contacts/:id/erase. */
export async function privacyRoutes(app: App) {
  app.get(
    '/api/contacts/:id/export',
    { config: { permission: 'contacts:export' }, schema: { tags, params: idParams, response: { 200: contactExportSchema } } },
    async (req) => exportContact(req.ctx, req.params.id),
  );

  app.post(
    '/api/contacts/:id/erase',
    { config: { permission: 'contacts:delete' }, schema: { tags, params: idParams, response: { 200: eraseResponse } } },
    async (req) => eraseContact(req.ctx, req.params.id),
  );
}
