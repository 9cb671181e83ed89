import { z } from 'zod';
import { type App, type AppDeps, pageOf } from '../../http/index.ts';
import { knownEventTypes } from '../event-types.ts';
import { getWebhookDeliveries } from '../webhooks/queries/get-webhook-deliveries.ts';
import { resendWebhookDelivery } from '../webhooks/resend-webhook-delivery.ts';
import { sendTestWebhook } from '../webhooks/send-test-webhook.ts';
import { deliveriesQuery, deliverySchema, eventTypeSchema, idParams } from './webhooks.types.ts';

const tags = ['webhooks'];

/** The delivery log, resends, test pings, and the list of event types one can subscribe to. */
export async function deliveryRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/webhooks/:id/deliveries',
    {
      config: { permission: 'webhooks:read' },
      schema: { tags, params: idParams, querystring: deliveriesQuery, response: { 200: pageOf(deliverySchema) } },
    },
    async (req) => getWebhookDeliveries(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/api/webhook-deliveries/:id/resend',
    {
      config: { permission: 'webhooks:manage' },
      schema: { tags, params: idParams, response: { 202: z.object({ deliveryId: z.uuid(), jobId: z.uuid() }) } },
    },
    async (req, reply) => {
      const r = await resendWebhookDelivery(req.ctx, req.params.id);
      deps.pokeWorker?.();
      return reply.status(202).send(r);
    },
  );

  app.post(
    '/api/webhooks/:id/test',
    {
      config: { permission: 'webhooks:manage' },
      schema: { tags, params: idParams, response: { 202: z.object({ eventId: z.uuid(), deliveryId: z.uuid() }) } },
    },
    async (req, reply) => {
      const r = await sendTestWebhook(req.ctx, req.params.id);
      deps.pokeWorker?.();
      return reply.status(202).send(r);
    },
  );

  app.get(
    '/api/events/types',
    { config: { permission: 'webhooks:read' }, schema: { tags, response: { 200: z.object({ items: z.array(eventTypeSchema) }) } } },
    async () => ({
      items: knownEventTypes(),
    }),
  );
}
