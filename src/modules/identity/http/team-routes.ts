import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { createTeam, deleteTeam, getTeams, updateTeam } from '../use-cases/manage-teams.ts';
import { idParams, okSchema } from './identity.types.ts';

const teamSchema = z.object({ id: z.uuid(), name: z.string(), managerId: z.uuid().nullable(), memberIds: z.array(z.uuid()) });
const teamBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  managerId: z.uuid().nullable().optional().describe('A member who manages the team (sees its records)'),
  memberIds: z.array(z.uuid()).max(1000).optional(),
});
const shape = (
  t: { id: string; name: string; managerId?: string | null; manager_id?: string | null; member_ids?: string[] },
  memberIds?: string[],
) => ({
  id: t.id,
  name: t.name,
  managerId: t.managerId ?? t.manager_id ?? null,
  memberIds: memberIds ?? t.member_ids ?? [],
});

export async function teamRoutes(app: App) {
  app.get(
    '/api/teams',
    { config: { permission: 'users:read' }, schema: { tags: ['users'], response: { 200: z.object({ items: z.array(teamSchema) }) } } },
    async (req) => ({
      items: (await getTeams(req.ctx)).map((t) => shape(t)),
    }),
  );
  app.post(
    '/api/teams',
    { config: { permission: 'users:manage' }, schema: { tags: ['users'], body: teamBody, response: { 201: teamSchema } } },
    async (req, reply) => reply.status(201).send(shape(await createTeam(req.ctx, req.body), req.body.memberIds ?? [])),
  );
  app.patch(
    '/api/teams/:id',
    {
      config: { permission: 'users:manage' },
      schema: { tags: ['users'], params: idParams, body: teamBody.partial(), response: { 200: teamSchema } },
    },
    async (req) => {
      await updateTeam(req.ctx, req.params.id, req.body);
      return shape((await getTeams(req.ctx)).find((t) => t.id === req.params.id)!);
    },
  );
  app.delete(
    '/api/teams/:id',
    { config: { permission: 'users:manage' }, schema: { tags: ['users'], params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteTeam(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
