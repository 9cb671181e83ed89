import type { App } from '../../../kernel/http/index.ts';
import { convertContact } from '../convert-contact.ts';
import { moveDealWithOutcome } from '../move-deal-flow.ts';
import { changeOrderStatusWithOutcome } from '../order-status-flow.ts';
import {
  convertBody,
  convertResponse,
  idParams,
  moveBody,
  moveResponse,
  orderStatusBody,
  orderStatusResponse,
} from './deal-outcome.types.ts';

/** POST /api/contacts/:id/convert, POST /api/deals/:id/move and POST /api/orders/:id/status. */
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
  app.post(
    '/api/orders/:id/status',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags: ['orders'],
        description:
          'draft → confirmed → fulfilled; draft or confirmed → cancelled (else 409 invalid_order_transition). Confirming may win the deal.',
        params: idParams,
        body: orderStatusBody,
        response: { 200: orderStatusResponse },
      },
    },
    async (req) => changeOrderStatusWithOutcome(req.ctx, req.params.id, req.body.status),
  );
}
