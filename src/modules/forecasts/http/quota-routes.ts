import type { App } from '../../../kernel/http/index.ts';
import { localDate, parsePeriod } from '../periods.ts';
import { getQuotas } from '../queries/get-quotas.ts';
import { deleteQuota, setQuotas } from '../use-cases/set-quotas.ts';
import { workspaceInfo } from '../workspace-info.ts';
import { idParams, okSchema, quotasBody, quotasQuery, quotasResponse, setQuotasResponse } from './forecasts.types.ts';

const tags = ['forecasts'];

/** GET/POST /api/quotas (a range of periods; many at once), DELETE /api/quotas/:id. */
export async function quotaRoutes(app: App) {
  app.get(
    '/api/quotas',
    { config: { permission: 'forecasts:read' }, schema: { tags, querystring: quotasQuery, response: { 200: quotasResponse } } },
    async (req) => {
      const from = req.query.from
        ? parsePeriod(req.query.from, ['query', 'from'])
        : parsePeriod(`${localDate(new Date(), (await workspaceInfo(req.ctx)).timeZone).slice(0, 4)}-01`, ['query', 'from']);
      const to = req.query.to ? parsePeriod(req.query.to, ['query', 'to']) : parsePeriod(`${from.start.slice(0, 4)}-12`, ['query', 'to']);
      return { items: await getQuotas(req.ctx, { from, to }) };
    },
  );
  app.post(
    '/api/quotas',
    { config: { permission: 'quotas:manage' }, schema: { tags, body: quotasBody, response: { 200: setQuotasResponse } } },
    async (req) => setQuotas(req.ctx, req.body.items),
  );
  app.delete(
    '/api/quotas/:id',
    { config: { permission: 'quotas:manage' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteQuota(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
