import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getCampaign } from '../queries/get-campaign.ts';
import { listCampaigns } from '../queries/list-campaigns.ts';
import { createCampaign } from '../use-cases/create-campaign.ts';
import { deleteCampaign } from '../use-cases/delete-campaign.ts';
import { updateCampaign } from '../use-cases/update-campaign.ts';
import {
  campaignBody,
  campaignListItem,
  campaignListQuery,
  campaignSchema,
  idParams,
  okSchema,
  updateCampaignBody,
} from './campaigns.types.ts';

const tags = ['campaigns'];

/** Campaigns: list (with spend, leads and ROI), create, read, change, delete. */
export async function campaignRoutes(app: App) {
  app.get(
    '/api/campaigns',
    {
      config: { permission: 'campaigns:read' },
      schema: { tags, querystring: campaignListQuery, response: { 200: z.object({ items: z.array(campaignListItem) }) } },
    },
    async (req) => ({ items: await listCampaigns(req.ctx, req.query) }),
  );
  app.post(
    '/api/campaigns',
    { config: { permission: 'campaigns:write' }, schema: { tags, body: campaignBody, response: { 201: campaignSchema } } },
    async (req, reply) => reply.status(201).send(await createCampaign(req.ctx, req.body)),
  );
  app.get(
    '/api/campaigns/:id',
    { config: { permission: 'campaigns:read' }, schema: { tags, params: idParams, response: { 200: campaignSchema } } },
    async (req) => getCampaign(req.ctx, req.params.id),
  );
  app.patch(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaigns:write' },
      schema: { tags, params: idParams, body: updateCampaignBody, response: { 200: campaignSchema } },
    },
    async (req) => updateCampaign(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaigns:delete' },
      schema: {
        tags,
        description: 'Deletes the campaign with its spend, links and touchpoints',
        params: idParams,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await deleteCampaign(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
