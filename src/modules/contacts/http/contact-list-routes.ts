import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { listQuery, parseListQuery, pickColumns, searchBody, totalSchema } from '../../companies/index.ts';
import { listContacts } from '../queries/list-contacts.ts';
import { contactSchema } from './contacts.types.ts';

const tags = ['contacts'];
const columns = Object.keys(contactSchema.shape);
const listResponse = z.object({
  items: z.array(contactSchema.partial().required({ id: true })),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
  total: totalSchema,
});

/** GET /api/contacts (filter as a JSON query parameter) and POST /api/contacts/search (the same as a JSON body). */
export async function contactListRoutes(app: App) {
  app.get(
    '/api/contacts',
    { config: { permission: 'contacts:read' }, schema: { tags, querystring: listQuery, response: { 200: listResponse } } },
    async (req) => {
      const q = parseListQuery(req.query);
      const page = await listContacts(req.ctx, q, { filter: ['query', 'filter'], sort: ['query', 'sort'] });
      return { ...page, items: pickColumns(page.items, q.columns, columns, ['query', 'columns']) };
    },
  );

  app.post(
    '/api/contacts/search',
    { config: { permission: 'contacts:read' }, schema: { tags, body: searchBody, response: { 200: listResponse } } },
    async (req) => {
      const page = await listContacts(req.ctx, req.body, { filter: ['body', 'filter'], sort: ['body', 'sort'] });
      return { ...page, items: pickColumns(page.items, req.body.columns, columns, ['body', 'columns']) };
    },
  );
}
