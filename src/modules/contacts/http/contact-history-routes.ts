import type { App } from '../../../kernel/http/index.ts';
import { getConsent } from '../queries/get-consent.ts';
import { getLifecycleHistory } from '../queries/get-lifecycle-history.ts';
import { recordConsent } from '../use-cases/record-consent.ts';
import { consentBody, consentEntrySchema, consentSchema, idParams, lifecycleHistorySchema } from './contacts.types.ts';

const tags = ['contacts'];

/** GET /api/contacts/:id/lifecycle-history, GET/POST /api/contacts/:id/consent. */
export async function contactHistoryRoutes(app: App) {
  app.get(
    '/api/contacts/:id/lifecycle-history',
    { config: { permission: 'contacts:read' }, schema: { tags, params: idParams, response: { 200: lifecycleHistorySchema } } },
    async (req) => getLifecycleHistory(req.ctx, req.params.id),
  );

  app.get(
    '/api/contacts/:id/consent',
    { config: { permission: 'contacts:read' }, schema: { tags, params: idParams, response: { 200: consentSchema } } },
    async (req) => getConsent(req.ctx, req.params.id),
  );

  app.post(
    '/api/contacts/:id/consent',
    {
      config: { permission: 'contacts:write' },
      schema: { tags, params: idParams, body: consentBody, response: { 201: consentEntrySchema } },
    },
    async (req, reply) => reply.status(201).send(await recordConsent(req.ctx, req.params.id, req.body)),
  );
}
