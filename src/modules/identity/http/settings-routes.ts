import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { workspaces } from '../../../kernel/auth/index.ts';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { getApiKeys } from '../queries/get-members.ts';
import { createApiKey } from '../use-cases/create-api-key.ts';
import { revokeApiKey } from '../use-cases/revoke-api-key.ts';
import { updateWorkspace } from '../use-cases/update-workspace.ts';
import { apiKeySchema, createApiKeyBody, idParams, okSchema, updateWorkspaceBody, workspaceSchema } from './identity.types.ts';

export async function settingsRoutes(app: App, { database }: AppDeps) {
  app.get(
    '/api/workspace',
    { config: { permission: 'workspace:read' }, schema: { tags: ['workspace'], response: { 200: workspaceSchema } } },
    async (req) => {
      const [ws] = await req.ctx.db.select().from(workspaces).where(eq(workspaces.id, req.ctx.workspaceId));
      return ws!;
    },
  );

  app.patch(
    '/api/workspace',
    {
      config: { permission: 'workspace:manage' },
      schema: { tags: ['workspace'], body: updateWorkspaceBody, response: { 200: workspaceSchema } },
    },
    async (req) => updateWorkspace(database, req.ctx, req.body),
  );

  app.get(
    '/api/api-keys',
    {
      config: { permission: 'api_keys:manage' },
      schema: { tags: ['api keys'], response: { 200: z.object({ items: z.array(apiKeySchema) }) } },
    },
    async (req) => ({
      items: await getApiKeys(req.ctx),
    }),
  );

  app.post(
    '/api/api-keys',
    {
      config: { permission: 'api_keys:manage' },
      schema: {
        tags: ['api keys'],
        body: createApiKeyBody,
        response: { 201: z.object({ id: z.uuid(), key: z.string().describe('The full key, shown once') }) },
      },
    },
    async (req, reply) => {
      const { apiKey, key } = await createApiKey(req.ctx, req.body);
      return reply.status(201).send({ id: apiKey.id, key });
    },
  );

  app.delete(
    '/api/api-keys/:id',
    { config: { permission: 'api_keys:manage' }, schema: { tags: ['api keys'], params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await revokeApiKey(database, req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
