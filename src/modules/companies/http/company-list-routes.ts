import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { listCompanies } from '../queries/list-companies.ts';
import { companySchema } from './companies.types.ts';
import { listQuery, parseListQuery, pickColumns, searchBody, totalSchema } from './list.types.ts';

const tags = ['companies'];
const columns = Object.keys(companySchema.shape);
const listResponse = z.object({
  items: z.array(companySchema.partial().required({ id: true })),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
  total: totalSchema,
});

/** GET /api/companies (filter as a JSON query parameter) and POST /api/companies/search (the same as a JSON body). */
export async function companyListRoutes(app: App) {
  app.get(
    '/api/companies',
    { config: { permission: 'companies:read' }, schema: { tags, querystring: listQuery, response: { 200: listResponse } } },
    async (req) => {
      const q = parseListQuery(req.query);
      const page = await listCompanies(req.ctx, q, { filter: ['query', 'filter'], sort: ['query', 'sort'] });
      return { ...page, items: pickColumns(page.items, q.columns, columns, ['query', 'columns']) };
    },
  );

  app.post(
    '/api/companies/search',
    { config: { permission: 'companies:read' }, schema: { tags, body: searchBody, response: { 200: listResponse } } },
    async (req) => {
      const page = await listCompanies(req.ctx, req.body, { filter: ['body', 'filter'], sort: ['body', 'sort'] });
      return { ...page, items: pickColumns(page.items, req.body.columns, columns, ['body', 'columns']) };
    },
  );
}
