import { z } from 'zod';
import { pageQuery } from '../../http/index.ts';

const eventTypes = z
  .array(z.string().min(1).max(100))
  .min(1)
  .max(100)
  .describe('Event types to receive: exact types (contact.created), groups (member.*) or * for all. GET /api/events/types lists them.');
const url = z.string().min(1).max(2000).describe('Absolute http(s) URL that receives the POSTs');
const description = z.string().max(500).describe('What this webhook is for');

export const createWebhookBody = z.strictObject({ url, description: description.optional(), eventTypes, active: z.boolean().optional() });
export const updateWebhookBody = z.strictObject({
  url: url.optional(),
  description: description.optional(),
  eventTypes: eventTypes.optional(),
  active: z.boolean().optional(),
});

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const secretSchema = z.string().describe('whsec_… signing secret (Standard Webhooks); keep it on the receiving side only');
export const createdWebhookSchema = z.object({ webhook: webhookSchema, secret: secretSchema });
export const rotatedSecretSchema = z.object({
  secret: secretSchema,
  previousSecretExpiresAt: z.date().describe('Until then deliveries are also signed with the old secret'),
});

export const deliveryStatus = z.enum(['pending', 'succeeded', 'failed', 'cancelled']);
export const deliverySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid().describe('Sent as the webhook-id header'),
  eventType: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable().describe('First 2 KB of the last answer'),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const deliveriesQuery = pageQuery.extend({ status: deliveryStatus.optional().describe('Only deliveries in this state') });

export const eventTypeSchema = z.object({ type: z.string(), description: z.string() });
export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const okSchema = z.object({ ok: z.literal(true) });
