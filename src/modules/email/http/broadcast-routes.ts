import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { checkAudience } from '../audience.ts';
import { getBroadcastReport } from '../queries/get-broadcast-report.ts';
import { estimateBroadcast, getBroadcast, getBroadcasts } from '../queries/get-broadcasts.ts';
import { cancelBroadcast, createBroadcast, pauseBroadcast, resumeBroadcast, sendBroadcast } from '../use-cases/manage-broadcasts.ts';
import { broadcastBody, broadcastSchema, estimateSchema, idParams, sendBroadcastBody } from './email.types.ts';

const tags = ['email broadcasts'];
const rates = z.object({
  recipients: z.number(),
  sent: z.number(),
  failed: z.number(),
  suppressed: z.number(),
  delivered: z.number(),
  hard_bounced: z.number(),
  soft_bounced: z.number(),
  opened: z.number(),
  machine_opened: z.number(),
  clicked: z.number(),
  unsubscribed: z.number(),
  complained: z.number(),
  openRate: z.number(),
  clickRate: z.number(),
  clickToOpenRate: z.number(),
  bounceRate: z.number().describe('(hard + soft bounces) / sent'),
  hardBounceRate: z.number().describe('hard bounces / sent'),
  softBounceRate: z.number().describe('soft bounces / sent'),
  unsubscribeRate: z.number(),
  complaintRate: z.number().describe('spam complaints / delivered'),
});
const reportSchema = z.object({
  broadcast: broadcastSchema,
  total: rates,
  variants: z.array(rates.extend({ id: z.uuid(), label: z.string(), winner: z.boolean() })),
  links: z.array(z.object({ url: z.string(), clicks: z.number(), uniqueClicks: z.number() })),
  complaintAlarm: z.boolean().describe('Spam complaints above 0.1% of delivered'),
});

/** Broadcasts: create a draft, estimate, send now or later, pause, resume, cancel, progress and report. */
export async function broadcastRoutes(app: App) {
  const read = { permission: 'email:read' };
  const send = { permission: 'email:send' };
  app.get(
    '/api/email/broadcasts',
    { config: read, schema: { tags, response: { 200: z.object({ items: z.array(broadcastSchema) }) } } },
    async (req) => ({
      items: await getBroadcasts(req.ctx),
    }),
  );
  app.post(
    '/api/email/broadcasts',
    { config: { permission: 'email:write' }, schema: { tags, body: broadcastBody, response: { 201: broadcastSchema } } },
    async (req, reply) => reply.status(201).send(await createBroadcast(req.ctx, req.body)),
  );
  app.post(
    '/api/email/broadcasts/estimate',
    {
      config: read,
      schema: {
        tags,
        description: 'Recipients an audience has now, after suppression',
        body: broadcastBody.pick({ audience: true, subscriptionTypeId: true }),
        response: { 200: estimateSchema },
      },
    },
    async (req) => {
      await checkAudience(req.ctx, req.body.audience as never, ['body', 'audience']);
      return estimateBroadcast(req.ctx, req.body.audience as never, req.body.subscriptionTypeId ?? null);
    },
  );
  app.get(
    '/api/email/broadcasts/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: broadcastSchema } } },
    async (req) => getBroadcast(req.ctx, req.params.id),
  );
  app.get(
    '/api/email/broadcasts/:id/report',
    { config: read, schema: { tags, params: idParams, response: { 200: reportSchema } } },
    async (req) => getBroadcastReport(req.ctx, req.params.id),
  );
  app.post(
    '/api/email/broadcasts/:id/send',
    { config: send, schema: { tags, params: idParams, body: sendBroadcastBody, response: { 200: broadcastSchema } } },
    async (req) => sendBroadcast(req.ctx, req.params.id, req.body.scheduledAt),
  );
  app.post(
    '/api/email/broadcasts/:id/pause',
    { config: send, schema: { tags, params: idParams, response: { 200: broadcastSchema } } },
    async (req) => pauseBroadcast(req.ctx, req.params.id),
  );
  app.post(
    '/api/email/broadcasts/:id/resume',
    { config: send, schema: { tags, params: idParams, response: { 200: broadcastSchema } } },
    async (req) => resumeBroadcast(req.ctx, req.params.id),
  );
  app.post(
    '/api/email/broadcasts/:id/cancel',
    { config: send, schema: { tags, params: idParams, response: { 200: broadcastSchema } } },
    async (req) => cancelBroadcast(req.ctx, req.params.id),
  );
}
