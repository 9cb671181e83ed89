import { z } from 'zod';
import type { Ctx } from '../../../kernel/context.ts';
import type { FilterPath } from '../../../kernel/filters/index.ts';
import type { App } from '../../../kernel/http/index.ts';
import type { ListRequest, Total } from '../queries/list-records.ts';
import {
  countBody,
  countQuery,
  countResponse,
  listQuery,
  parseFilterParam,
  parseListQuery,
  pickColumns,
  searchBody,
  totalSchema,
} from './list.types.ts';

interface RecordListOptions<T extends { id: string; custom?: Record<string, unknown> }> {
  /** The collection's path segment and permission prefix: `contacts` → /api/contacts, contacts:read. */
  collection: 'contacts' | 'companies' | 'deals';
  item: z.ZodObject;
  list(
    ctx: Ctx,
    req: ListRequest,
    paths: { filter: FilterPath; sort: FilterPath },
  ): Promise<{ items: T[]; nextCursor: string | null; total: Total | null }>;
  count(ctx: Ctx, filter: unknown, filterPath: FilterPath): Promise<Total>;
}

/**
 * A record collection's list routes: GET /api/<c> (filter as a JSON query parameter), POST /api/<c>/search (the same
 * as a JSON body), and GET|POST /api/<c>/count (the total alone, for screens that show the rows first).
 */
export function recordListRoutes<T extends { id: string; custom?: Record<string, unknown> }>(app: App, o: RecordListOptions<T>) {
  const base = `/api/${o.collection}`;
  const config = { permission: `${o.collection}:read` };
  const tags = [o.collection];
  const columns = Object.keys(o.item.shape);
  const listResponse = z.object({
    items: z.array(o.item.partial().required({ id: true })),
    nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
    total: totalSchema.nullable().describe('null when the request said total=false'),
  });

  app.get(base, { config, schema: { tags, querystring: listQuery, response: { 200: listResponse } } }, async (req) => {
    const q = parseListQuery(req.query);
    const page = await o.list(req.ctx, q, { filter: ['query', 'filter'], sort: ['query', 'sort'] });
    return { ...page, items: pickColumns(page.items, q.columns, columns, ['query', 'columns']) };
  });

  app.post(`${base}/search`, { config, schema: { tags, body: searchBody, response: { 200: listResponse } } }, async (req) => {
    const body = { ...req.body, withTotal: req.body.total !== false };
    const page = await o.list(req.ctx, body, { filter: ['body', 'filter'], sort: ['body', 'sort'] });
    return { ...page, items: pickColumns(page.items, req.body.columns, columns, ['body', 'columns']) };
  });

  app.get(`${base}/count`, { config, schema: { tags, querystring: countQuery, response: { 200: countResponse } } }, async (req) => ({
    total: await o.count(req.ctx, parseFilterParam(req.query.filter), ['query', 'filter']),
  }));

  app.post(`${base}/count`, { config, schema: { tags, body: countBody, response: { 200: countResponse } } }, async (req) => ({
    total: await o.count(req.ctx, req.body.filter, ['body', 'filter']),
  }));
}
