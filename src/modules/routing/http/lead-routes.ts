import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getLeadsQueue } from '../queries/get-leads-queue.ts';
import { getResponseTimes } from '../queries/get-response-times.ts';
import { getRoutingSettings } from '../queries/get-routing-settings.ts';
import { routeLead } from '../use-cases/route-lead.ts';
import { updateRoutingSettings } from '../use-cases/update-routing-settings.ts';
import {
  idParams,
  previewSchema,
  queuePage,
  queueQuery,
  responseTimesQuery,
  responseTimesSchema,
  routingSettingsSchema,
  updateRoutingSettingsBody,
} from './routing.types.ts';

const tags = ['routing'];

/** Routing settings, the leads-waiting queue, response times per rep, and routing one lead again. */
export async function leadRoutes(app: App) {
  app.get(
    '/api/routing/settings',
    { config: { permission: 'routing:read' }, schema: { tags, response: { 200: routingSettingsSchema } } },
    async (req) => getRoutingSettings(req.ctx),
  );

  app.patch(
    '/api/routing/settings',
    {
      config: { permission: 'routing:manage' },
      schema: { tags, body: updateRoutingSettingsBody, response: { 200: routingSettingsSchema } },
    },
    async (req) => updateRoutingSettings(req.ctx, req.body),
  );

  app.get(
    '/api/leads/waiting',
    {
      config: { permission: 'leads:read' },
      schema: {
        tags,
        description: 'Leads waiting for a first touch, most overdue first',
        querystring: queueQuery,
        response: { 200: queuePage },
      },
    },
    async (req) => getLeadsQueue(req.ctx, req.query),
  );

  app.get(
    '/api/leads/response-times',
    { config: { permission: 'leads:read' }, schema: { tags, querystring: responseTimesQuery, response: { 200: responseTimesSchema } } },
    async (req) => getResponseTimes(req.ctx, req.query),
  );

  app.post(
    '/api/leads/:id/route',
    {
      config: { permission: 'leads:route' },
      schema: {
        tags,
        description: 'Run the rules again for this lead',
        params: idParams,
        response: { 200: previewSchema.extend({ dueAt: z.date() }) },
      },
    },
    async (req) => routeLead(req.ctx, req.params.id),
  );
}
