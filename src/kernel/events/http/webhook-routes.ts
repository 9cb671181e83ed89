import { z } from 'zod';
import type { App } from '../../http/index.ts';
import { createWebhook } from '../webhooks/create-webhook.ts';
import { deleteWebhook } from '../webhooks/delete-webhook.ts';
import { getWebhook, getWebhooks } from '../webhooks/queries/get-webhooks.ts';
import { revealWebhookSecret } from '../webhooks/reveal-webhook-secret.ts';
import { rotateWebhookSecret } from '../webhooks/rotate-webhook-secret.ts';
import { updateWebhook } from '../webhooks/update-webhook.ts';
import {
  createdWebhookSchema,
  createWebhookBody,
  idParams,
  okSchema,
  rotatedSecretSchema,
  secretSchema,
  updateWebhookBody,
  webhookSchema,
} from './webhooks.types.ts';

const tags = ['webhooks'];

/** Webhook subscriptions: list, create, change, delete, and their signing secret. */
export async function webhookRoutes(app: App) {
  app.get(
    '/api/webhooks',
    { config: { permission: 'webhooks:read' }, schema: { tags, response: { 200: z.object({ items: z.array(webhookSchema) }) } } },
    async (req) => ({
      items: await getWebhooks(req.ctx),
    }),
  );

  app.post(
    '/api/webhooks',
    { config: { permission: 'webhooks:manage' }, schema: { tags, body: createWebhookBody, response: { 201: createdWebhookSchema } } },
    async (req, reply) => reply.status(201).send(await createWebhook(req.ctx, req.body)),
  );

  app.get(
    '/api/webhooks/:id',
    { config: { permission: 'webhooks:read' }, schema: { tags, params: idParams, response: { 200: webhookSchema } } },
    async (req) => getWebhook(req.ctx, req.params.id),
  );

  app.patch(
    '/api/webhooks/:id',
    {
      config: { permission: 'webhooks:manage' },
      schema: { tags, params: idParams, body: updateWebhookBody, response: { 200: webhookSchema } },
    },
    async (req) => updateWebhook(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/webhooks/:id',
    { config: { permission: 'webhooks:manage' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteWebhook(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/webhooks/:id/rotate-secret',
    { config: { permission: 'webhooks:manage' }, schema: { tags, params: idParams, response: { 200: rotatedSecretSchema } } },
    async (req) => rotateWebhookSecret(req.ctx, req.params.id),
  );

  app.get(
    '/api/webhooks/:id/secret',
    {
      config: { permission: 'webhooks:manage' },
      schema: { tags, params: idParams, response: { 200: z.object({ secret: secretSchema }) } },
    },
    async (req) => revealWebhookSecret(req.ctx, req.params.id),
  );
}
