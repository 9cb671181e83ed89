import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { loadCampaignRow } from '../campaign-rules.ts';
import { getAttribution } from '../queries/get-attribution.ts';
import { getCampaignTouchpoints } from '../queries/get-campaign-parts.ts';
import { deriveTouchpoints } from '../use-cases/derive-touchpoints.ts';
import { deleteTouchpoint, recordTouchpoint } from '../use-cases/record-touchpoint.ts';
import {
  attributionQuery,
  attributionRow,
  attributionSchema,
  childParams,
  deriveResultSchema,
  idParams,
  okSchema,
  periodQuery,
  touchpointBody,
  touchpointQuery,
  touchpointSchema,
} from './campaigns.types.ts';

const tags = ['campaigns'];

/** Touchpoints (list, manual, derive now) and attribution reports. */
export async function touchpointRoutes(app: App) {
  app.get(
    '/api/campaigns/:id/touchpoints',
    {
      config: { permission: 'campaigns:read' },
      schema: {
        tags,
        params: idParams,
        querystring: touchpointQuery,
        response: { 200: z.object({ items: z.array(touchpointSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      await loadCampaignRow(req.ctx, req.params.id);
      return getCampaignTouchpoints(req.ctx, req.params.id, req.query);
    },
  );
  app.post(
    '/api/campaigns/:id/touchpoints',
    {
      config: { permission: 'campaigns:write' },
      schema: {
        tags,
        description: 'Records a manual touchpoint',
        params: idParams,
        body: touchpointBody,
        response: { 201: touchpointSchema.omit({ contactName: true }) },
      },
    },
    async (req, reply) => reply.status(201).send(await recordTouchpoint(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/campaigns/:id/touchpoints/:childId',
    {
      config: { permission: 'campaigns:write' },
      schema: { tags, description: 'Deletes a manual touchpoint', params: childParams, response: { 200: okSchema } },
    },
    async (req) => {
      await deleteTouchpoint(req.ctx, req.params.id, req.params.childId);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/campaigns/derive-touchpoints',
    {
      config: { permission: 'campaigns:write' },
      schema: {
        tags,
        description: 'Reads new behaviour events and deals into touchpoints now (a schedule does it every 5 minutes)',
        response: { 200: deriveResultSchema },
      },
    },
    async (req) => deriveTouchpoints(req.ctx.db, req.ctx.workspaceId),
  );
  app.get(
    '/api/campaigns/:id/performance',
    {
      config: { permission: 'campaigns:read' },
      schema: {
        tags,
        description: 'The campaign’s attribution row for a period under every model',
        params: idParams,
        querystring: periodQuery,
        response: { 200: z.object({ currency: z.string(), row: attributionRow }) },
      },
    },
    async (req) => {
      await loadCampaignRow(req.ctx, req.params.id);
      const a = await getAttribution(req.ctx, { ...req.query, groupBy: 'campaign', campaignIds: [req.params.id] });
      return { currency: a.currency, row: a.rows[0]! };
    },
  );
  app.get(
    '/api/attribution',
    {
      config: { permission: 'campaigns:read' },
      schema: {
        tags: ['attribution'],
        description: 'Leads, MQLs, SQLs, customers, attributed revenue, spend, cost per lead and ROI per campaign or channel',
        querystring: attributionQuery,
        response: { 200: attributionSchema },
      },
    },
    async (req) => getAttribution(req.ctx, req.query),
  );
}
