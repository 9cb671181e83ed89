import { z } from 'zod';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { getInvites, getMembers } from '../queries/get-members.ts';
import { acceptInvite, findInvite } from '../use-cases/accept-invite.ts';
import { changeMemberRole, removeMember } from '../use-cases/change-member-role.ts';
import { inviteMember } from '../use-cases/invite-member.ts';
import { revokeInvite } from '../use-cases/revoke-invite.ts';
import {
  acceptInviteBody,
  createInviteBody,
  idParams,
  inviteSchema,
  memberSchema,
  okSchema,
  roleSchema,
  tokenParams,
} from './identity.types.ts';

export async function memberRoutes(app: App, { database, config }: AppDeps) {
  app.get(
    '/api/users',
    { config: { permission: 'users:read' }, schema: { tags: ['users'], response: { 200: z.object({ items: z.array(memberSchema) }) } } },
    async (req) => ({
      items: await getMembers(req.ctx),
    }),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users:manage' },
      schema: { tags: ['users'], params: idParams, body: z.strictObject({ role: roleSchema }), response: { 200: okSchema } },
    },
    async (req) => {
      await changeMemberRole(database, req.ctx, req.params.id, req.body.role);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/users/:id',
    { config: { permission: 'users:manage' }, schema: { tags: ['users'], params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await removeMember(database, req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invites',
    { config: { permission: 'users:manage' }, schema: { tags: ['users'], response: { 200: z.object({ items: z.array(inviteSchema) }) } } },
    async (req) => ({
      items: await getInvites(req.ctx),
    }),
  );

  app.post(
    '/api/invites',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['users'],
        body: createInviteBody,
        response: {
          201: z.object({
            id: z.uuid(),
            url: z.string().describe('The accept link; it is shown once'),
            emailId: z
              .uuid()
              .nullable()
              .describe('The invite email (transactional send, outbox without a relay); null when the workspace has no sender yet'),
          }),
        },
      },
    },
    async (req, reply) => {
      const { invite, url, emailId } = await inviteMember(req.ctx, req.body, config.publicUrl!);
      return reply.status(201).send({ id: invite.id, url, emailId });
    },
  );

  app.delete(
    '/api/invites/:id',
    { config: { permission: 'users:manage' }, schema: { tags: ['users'], params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await revokeInvite(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invites/by-token/:token',
    {
      config: { public: 'the invite link itself is the credential' },
      schema: {
        tags: ['users'],
        params: tokenParams,
        response: {
          200: z.object({ email: z.string(), workspaceId: z.uuid(), workspaceName: z.string(), role: z.string(), hasAccount: z.boolean() }),
        },
      },
    },
    async (req) => {
      const i = await findInvite(database.db, req.params.token);
      return { email: i.email, workspaceId: i.workspace_id, workspaceName: i.workspace_name, role: i.role, hasAccount: i.hasAccount };
    },
  );

  app.post(
    '/api/invites/by-token/:token/accept',
    {
      config: { public: 'the invite link itself is the credential' },
      schema: {
        tags: ['users'],
        params: tokenParams,
        body: acceptInviteBody,
        response: { 200: z.object({ email: z.string(), workspaceId: z.uuid() }) },
      },
    },
    async (req) => {
      const r = await acceptInvite(database.db, req.params.token, req.body);
      return { email: r.email, workspaceId: r.workspaceId };
    },
  );
}
