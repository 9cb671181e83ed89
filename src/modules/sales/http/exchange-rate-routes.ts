import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getExchangeRates } from '../queries/get-exchange-rates.ts';
import { deleteExchangeRate, setExchangeRate } from '../use-cases/set-exchange-rate.ts';
import { idParams, okSchema, rateBody, rateSchema } from './sales.types.ts';

const tags = ['exchange rates'];

/** GET/POST /api/exchange-rates, DELETE /api/exchange-rates/:id. */
export async function exchangeRateRoutes(app: App) {
  app.get(
    '/api/exchange-rates',
    { config: { permission: 'deals:read' }, schema: { tags, response: { 200: z.object({ items: z.array(rateSchema) }) } } },
    async (req) => ({ items: await getExchangeRates(req.ctx) }),
  );
  app.post(
    '/api/exchange-rates',
    { config: { permission: 'pipelines:manage' }, schema: { tags, body: rateBody, response: { 200: rateSchema } } },
    async (req) => setExchangeRate(req.ctx, req.body),
  );
  app.delete(
    '/api/exchange-rates/:id',
    { config: { permission: 'pipelines:manage' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteExchangeRate(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
