import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { loadCampaignRow } from '../campaign-rules.ts';
import { getCampaignAssets, getCampaignLinks, getCampaignSpend } from '../queries/get-campaign-parts.ts';
import { addSpend, deleteSpend, updateSpend } from '../use-cases/add-spend.ts';
import { buildUtmLink, deleteUtmLink } from '../use-cases/build-utm-link.ts';
import { linkAsset, unlinkAsset } from '../use-cases/link-asset.ts';
import {
  assetBody,
  assetParams,
  assetSchema,
  childParams,
  idParams,
  linkBody,
  linkSchema,
  okSchema,
  spendBody,
  spendSchema,
  updateSpendBody,
} from './campaigns.types.ts';

const tags = ['campaigns'];
const read = { permission: 'campaigns:read' };
const write = { permission: 'campaigns:write' };
const ok = { ok: true as const };

/** A campaign's spend entries, UTM links and linked assets. */
export async function campaignPartRoutes(app: App) {
  app.get(
    '/api/campaigns/:id/spend',
    { config: read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(spendSchema) }) } } },
    async (req) => {
      await loadCampaignRow(req.ctx, req.params.id);
      return { items: await getCampaignSpend(req.ctx, req.params.id) };
    },
  );
  app.post(
    '/api/campaigns/:id/spend',
    { config: write, schema: { tags, params: idParams, body: spendBody, response: { 201: spendSchema.omit({ converted: true }) } } },
    async (req, reply) => reply.status(201).send(await addSpend(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/campaigns/:id/spend/:childId',
    {
      config: write,
      schema: { tags, params: childParams, body: updateSpendBody, response: { 200: spendSchema.omit({ converted: true }) } },
    },
    async (req) => updateSpend(req.ctx, req.params.id, req.params.childId, req.body),
  );
  app.delete(
    '/api/campaigns/:id/spend/:childId',
    { config: write, schema: { tags, params: childParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteSpend(req.ctx, req.params.id, req.params.childId);
      return ok;
    },
  );

  app.get(
    '/api/campaigns/:id/links',
    { config: read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(linkSchema) }) } } },
    async (req) => {
      await loadCampaignRow(req.ctx, req.params.id);
      return { items: await getCampaignLinks(req.ctx, req.params.id) };
    },
  );
  app.post(
    '/api/campaigns/:id/links',
    {
      config: write,
      schema: {
        tags,
        description: 'Builds a UTM-tagged link with the campaign’s slug as utm_campaign',
        params: idParams,
        body: linkBody,
        response: { 201: linkSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await buildUtmLink(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/campaigns/:id/links/:childId',
    { config: write, schema: { tags, params: childParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteUtmLink(req.ctx, req.params.id, req.params.childId);
      return ok;
    },
  );

  app.get(
    '/api/campaigns/:id/assets',
    { config: read, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(assetSchema) }) } } },
    async (req) => {
      await loadCampaignRow(req.ctx, req.params.id);
      return { items: await getCampaignAssets(req.ctx, req.params.id) };
    },
  );
  app.post(
    '/api/campaigns/:id/assets',
    { config: write, schema: { tags, params: idParams, body: assetBody, response: { 200: okSchema } } },
    async (req) => linkAsset(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/campaigns/:id/assets/:assetType/:assetId',
    { config: write, schema: { tags, params: assetParams, response: { 200: okSchema } } },
    async (req) => {
      await unlinkAsset(req.ctx, req.params.id, req.params.assetType, req.params.assetId);
      return ok;
    },
  );
}
