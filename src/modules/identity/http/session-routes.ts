import { z } from 'zod';
import { permissionsOf } from '../../../kernel/auth/index.ts';
import { type App, type AppDeps, sessionCookie } from '../../../kernel/http/index.ts';
import { getMyWorkspaces } from '../queries/get-members.ts';
import { logIn } from '../use-cases/log-in.ts';
import { logOut } from '../use-cases/log-out.ts';
import { needsSetup, setUpInstance } from '../use-cases/set-up-instance.ts';
import { switchWorkspace } from '../use-cases/switch-workspace.ts';
import { updateProfile } from '../use-cases/update-profile.ts';
import { loginBody, meSchema, okSchema, setupBody, updateMeBody } from './identity.types.ts';

export async function sessionRoutes(app: App, deps: AppDeps) {
  const { database, config } = deps;
  const cookieOpts = { httpOnly: true, sameSite: 'lax' as const, secure: config.publicUrl?.startsWith('https://'), path: '/' };

  app.get(
    '/api/setup',
    {
      config: { public: 'tells the web app whether first-run setup is needed' },
      schema: { tags: ['auth'], response: { 200: z.object({ needed: z.boolean() }) } },
    },
    async () => ({
      needed: await needsSetup(database.db),
    }),
  );

  app.post(
    '/api/setup',
    {
      config: { public: 'first-run setup, guarded by the one-time token from the console' },
      schema: { tags: ['auth'], body: setupBody, response: { 201: okSchema } },
    },
    async (req, reply) => {
      await setUpInstance(database.db, req.body);
      const s = await logIn(database, {
        email: req.body.email,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        ttlHours: config.sessionTtlHours,
      });
      reply.setCookie(sessionCookie, s.token, { ...cookieOpts, expires: s.expiresAt });
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: 'signing in' },
      schema: { tags: ['auth'], body: loginBody, response: { 200: z.object({ csrfToken: z.string() }) } },
    },
    async (req, reply) => {
      const s = await logIn(database, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'], ttlHours: config.sessionTtlHours });
      reply.setCookie(sessionCookie, s.token, { ...cookieOpts, expires: s.expiresAt });
      return { csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: 'self:read' }, schema: { tags: ['auth'], response: { 200: okSchema } } },
    async (req, reply) => {
      const token = req.cookies[sessionCookie];
      if (token) await logOut(database, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/switch-workspace',
    {
      config: { permission: 'self:read' },
      schema: { tags: ['auth'], body: z.strictObject({ workspaceId: z.uuid() }), response: { 200: okSchema } },
    },
    async (req) => {
      const token = req.cookies[sessionCookie];
      if (token && req.principal?.user) await switchWorkspace(database, token, req.principal.user.id, req.body.workspaceId);
      return { ok: true as const };
    },
  );

  app.get('/api/me', { config: { permission: 'self:read' }, schema: { tags: ['auth'], response: { 200: meSchema } } }, async (req) => {
    const p = req.principal!;
    const { actor } = p;
    return {
      user: p.user ?? null,
      actor: { type: actor.type, id: actor.id, label: actor.label },
      role: actor.role,
      workspace: { id: p.workspaceId, name: p.workspaceName, timezone: p.workspaceTimezone },
      workspaces: p.user ? await getMyWorkspaces(database.db, p.user.id) : [{ id: p.workspaceId, name: p.workspaceName, role: actor.role }],
      permissions: permissionsOf(actor.role, actor.keyScope),
      csrfToken: p.session?.csrfToken ?? null,
    };
  });

  app.patch(
    '/api/me',
    { config: { permission: 'self:write' }, schema: { tags: ['auth'], body: updateMeBody, response: { 200: okSchema } } },
    async (req) => {
      await updateProfile(database, req.ctx, req.body, req.principal?.session?.id);
      return { ok: true as const };
    },
  );
}
