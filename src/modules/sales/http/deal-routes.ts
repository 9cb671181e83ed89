import type { App } from '../../../kernel/http/index.ts';
import { getDeal } from '../queries/get-deal.ts';
import { getStageHistory } from '../queries/get-stage-history.ts';
import { createDeal } from '../use-cases/create-deal.ts';
import { deleteDeal } from '../use-cases/delete-deal.ts';
import { updateDeal } from '../use-cases/update-deal.ts';
import { dealBody, dealDetailSchema, idParams, okSchema, stageHistorySchema, updateDealBody } from './sales.types.ts';

const tags = ['deals'];

/** POST /api/deals, GET/PATCH/DELETE /api/deals/:id, GET /api/deals/:id/stage-history (moves: POST /api/deals/:id/move, a flow). */
export async function dealRoutes(app: App) {
  app.post(
    '/api/deals',
    { config: { permission: 'deals:write' }, schema: { tags, body: dealBody, response: { 201: dealDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createDeal(req.ctx, req.body)),
  );
  app.get(
    '/api/deals/:id',
    { config: { permission: 'deals:read' }, schema: { tags, params: idParams, response: { 200: dealDetailSchema } } },
    async (req) => getDeal(req.ctx, req.params.id),
  );
  app.patch(
    '/api/deals/:id',
    {
      config: { permission: 'deals:write' },
      schema: { tags, params: idParams, body: updateDealBody, response: { 200: dealDetailSchema } },
    },
    async (req) => updateDeal(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/deals/:id',
    { config: { permission: 'deals:delete' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteDeal(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/deals/:id/stage-history',
    { config: { permission: 'deals:read' }, schema: { tags, params: idParams, response: { 200: stageHistorySchema } } },
    async (req) => getStageHistory(req.ctx, req.params.id),
  );
}
