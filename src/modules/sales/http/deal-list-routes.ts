import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { listQuery, parseListQuery, pickColumns, searchBody, totalSchema } from '../../companies/index.ts';
import { listDeals } from '../queries/list-deals.ts';
import { dealSchema } from './sales.types.ts';

const tags = ['deals'];
const columns = Object.keys(dealSchema.shape);
const listResponse = z.object({
  items: z.array(dealSchema.partial().required({ id: true })),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
  total: totalSchema,
});

/** GET /api/deals (the board's table view) and POST /api/deals/search: filter, sort, keyset pages, total. */
export async function dealListRoutes(app: App) {
  app.get(
    '/api/deals',
    { config: { permission: 'deals:read' }, schema: { tags, querystring: listQuery, response: { 200: listResponse } } },
    async (req) => {
      const q = parseListQuery(req.query);
      const page = await listDeals(req.ctx, q, { filter: ['query', 'filter'], sort: ['query', 'sort'] });
      return { ...page, items: pickColumns(page.items, q.columns, columns, ['query', 'columns']) };
    },
  );
  app.post(
    '/api/deals/search',
    { config: { permission: 'deals:read' }, schema: { tags, body: searchBody, response: { 200: listResponse } } },
    async (req) => {
      const page = await listDeals(req.ctx, req.body, { filter: ['body', 'filter'], sort: ['body', 'sort'] });
      return { ...page, items: pickColumns(page.items, req.body.columns, columns, ['body', 'columns']) };
    },
  );
}
