import type { App } from '../../../kernel/http/index.ts';
import { convertContact } from '../convert-contact.ts';
import { moveDealWithOutcome } from '../move-deal-flow.ts';
import { convertBody, convertResponse, idParams, moveBody, moveResponse } from './deal-outcome.types.ts';

/** POST /api/contacts/:id/convert and POST /api/deals/:id/move. */
export async function dealOutcomeRoutes(app: App) {
  app.post(
    '/api/contacts/:id/convert',
    {
      config: { permission: 'deals:write' },
      schema: { tags: ['deals'], params: idParams, body: convertBody, response: { 201: convertResponse } },
    },
    async (req, reply) => {
      const { contacts: _none, ...input } = req.body;
      return reply.status(201).send(await convertContact(req.ctx, req.params.id, input));
    },
  );
  app.post(
    '/api/deals/:id/move',
    {
      config: { permission: 'deals:write' },
      schema: { tags: ['deals'], params: idParams, body: moveBody, response: { 200: moveResponse } },
    },
    async (req) => moveDealWithOutcome(req.ctx, req.params.id, req.body),
  );
}
