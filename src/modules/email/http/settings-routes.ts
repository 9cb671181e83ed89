import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { createDomain, getDomains } from '../use-cases/manage-domains.ts';
import { createSender, deleteSender, getSenders, updateSender } from '../use-cases/manage-senders.ts';
import {
  createSubscriptionType,
  getSubscriptionTypes,
  getSuppressions,
  removeSuppression,
  suppressAddress,
} from '../use-cases/manage-subscriptions.ts';
import { createTransport, deleteTransport, getTransports } from '../use-cases/manage-transports.ts';
import {
  domainBody,
  domainSchema,
  idParams,
  okSchema,
  senderBody,
  senderSchema,
  subscriptionTypeBody,
  subscriptionTypeSchema,
  suppressionBody,
  suppressionQuery,
  suppressionSchema,
  transportBody,
  transportSchema,
  updateSenderBody,
} from './email.types.ts';

const tags = ['email settings'];
const read = { permission: 'email:read' };
const manage = { permission: 'email:manage' };

/** SMTP transports, senders, sending domains (DKIM/SPF/DMARC), subscription types and the suppression list. */
export async function settingsRoutes(app: App) {
  app.get(
    '/api/email/transports',
    { config: manage, schema: { tags, response: { 200: z.object({ items: z.array(transportSchema) }) } } },
    async (req) => ({
      items: await getTransports(req.ctx),
    }),
  );
  app.post(
    '/api/email/transports',
    { config: manage, schema: { tags, body: transportBody, response: { 201: transportSchema } } },
    async (req, reply) => reply.status(201).send(await createTransport(req.ctx, req.body)),
  );
  app.delete(
    '/api/email/transports/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteTransport(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/email/senders',
    { config: read, schema: { tags, response: { 200: z.object({ items: z.array(senderSchema) }) } } },
    async (req) => ({
      items: await getSenders(req.ctx),
    }),
  );
  app.post(
    '/api/email/senders',
    { config: manage, schema: { tags, body: senderBody, response: { 201: senderSchema } } },
    async (req, reply) => reply.status(201).send(await createSender(req.ctx, req.body)),
  );
  app.patch(
    '/api/email/senders/:id',
    { config: manage, schema: { tags, params: idParams, body: updateSenderBody, response: { 200: senderSchema } } },
    async (req) => updateSender(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/email/senders/:id', { config: manage, schema: { tags, params: idParams, response: { 200: okSchema } } }, async (req) => {
    await deleteSender(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.get(
    '/api/email/domains',
    { config: read, schema: { tags, response: { 200: z.object({ items: z.array(domainSchema) }) } } },
    async (req) => ({
      items: await getDomains(req.ctx),
    }),
  );
  app.post(
    '/api/email/domains',
    {
      config: manage,
      schema: {
        tags,
        description: 'Adds a sending domain with a new DKIM key; returns the DNS records to publish',
        body: domainBody,
        response: { 201: domainSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createDomain(req.ctx, req.body)),
  );

  app.get(
    '/api/email/subscription-types',
    { config: read, schema: { tags, response: { 200: z.object({ items: z.array(subscriptionTypeSchema) }) } } },
    async (req) => ({ items: await getSubscriptionTypes(req.ctx) }),
  );
  app.post(
    '/api/email/subscription-types',
    { config: manage, schema: { tags, body: subscriptionTypeBody, response: { 201: subscriptionTypeSchema } } },
    async (req, reply) => reply.status(201).send(await createSubscriptionType(req.ctx, req.body)),
  );

  app.get(
    '/api/email/suppressions',
    {
      config: read,
      schema: {
        tags,
        querystring: suppressionQuery,
        response: { 200: z.object({ items: z.array(suppressionSchema), next: z.string().nullable() }) },
      },
    },
    async (req) => getSuppressions(req.ctx, req.query),
  );
  app.post(
    '/api/email/suppressions',
    { config: manage, schema: { tags, body: suppressionBody, response: { 201: okSchema } } },
    async (req, reply) => {
      await suppressAddress(req.ctx, { email: req.body.email, reason: 'manual', detail: req.body.detail });
      return reply.status(201).send({ ok: true as const });
    },
  );
  app.delete(
    '/api/email/suppressions/:email',
    { config: manage, schema: { tags, params: z.object({ email: z.string().max(254) }), response: { 200: okSchema } } },
    async (req) => {
      await removeSuppression(req.ctx, req.params.email);
      return { ok: true as const };
    },
  );
}
