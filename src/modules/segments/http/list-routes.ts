import type { App } from '../../../kernel/http/index.ts';
import { getLists, loadList, toList } from '../queries/get-lists.ts';
import { getMembers } from '../queries/get-members.ts';
import { addToList, removeFromList } from '../use-cases/change-list-members.ts';
import { createList, deleteList, updateList } from '../use-cases/save-list.ts';
import {
  idParams,
  listBody,
  listListSchema,
  listMembersBody,
  listMembersResultSchema,
  listSchema,
  memberPageSchema,
  okSchema,
  pageQuery,
  updateListBody,
} from './segments.types.ts';

const tags = ['lists'];
const read = { permission: 'segments:read' };
const manage = { permission: 'lists:manage' };

/** /api/lists: static lists and their members (add/remove by ids, filter or emails). */
export async function listRoutes(app: App) {
  app.get('/api/lists', { config: read, schema: { tags, response: { 200: listListSchema } } }, async (req) => getLists(req.ctx));
  app.post('/api/lists', { config: manage, schema: { tags, body: listBody, response: { 201: listSchema } } }, async (req, reply) =>
    reply.status(201).send(await createList(req.ctx, req.body)),
  );
  app.get('/api/lists/:id', { config: read, schema: { tags, params: idParams, response: { 200: listSchema } } }, async (req) =>
    toList(await loadList(req.ctx, req.params.id)),
  );
  app.patch(
    '/api/lists/:id',
    { config: manage, schema: { tags, params: idParams, body: updateListBody, response: { 200: listSchema } } },
    async (req) => updateList(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/lists/:id', { config: manage, schema: { tags, params: idParams, response: { 200: okSchema } } }, async (req) => {
    await deleteList(req.ctx, req.params.id);
    return { ok: true as const };
  });
  app.get(
    '/api/lists/:id/members',
    { config: read, schema: { tags, params: idParams, querystring: pageQuery, response: { 200: memberPageSchema } } },
    async (req) => getMembers(req.ctx, { listId: req.params.id }, req.query),
  );
  app.post(
    '/api/lists/:id/members',
    { config: manage, schema: { tags, params: idParams, body: listMembersBody, response: { 200: listMembersResultSchema } } },
    async (req) => addToList(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/lists/:id/members/remove',
    { config: manage, schema: { tags, params: idParams, body: listMembersBody, response: { 200: listMembersResultSchema } } },
    async (req) => removeFromList(req.ctx, req.params.id, req.body),
  );
}
