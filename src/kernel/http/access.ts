import type { FastifyRequest } from 'fastify';
import { authenticateApiKey, authenticateSession } from '../auth/authenticate.ts';
import { can, permission } from '../auth/roles.ts';
import { safeEqual } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import type { AppDeps } from './types.ts';

export const sessionCookie = 'tandem_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Fails at start-up when a route declares neither a permission nor why it is public. */
export function checkRouteDeclaresAccess(route: {
  url: string;
  method: string | string[];
  config?: { permission?: string; public?: string };
}) {
  const cfg = route.config ?? {};
  if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api')) return;
  if (!cfg.permission && !cfg.public)
    throw new Error(
      `Route ${route.method} ${route.url} declares no permission (config.permission) and no reason to be public (config.public)`,
    );
  if (cfg.permission && !permission(cfg.permission))
    throw new Error(`Route ${route.method} ${route.url} needs unknown permission ${cfg.permission}`);
}

/**
 * onRequest: authenticates by Bearer API key or session cookie, checks the route's permission,
 * and for cookie-authenticated mutations the CSRF header. Builds `request.ctx`.
 */
export function accessHook(deps: AppDeps) {
  return async (request: FastifyRequest) => {
    const cfg = request.routeOptions.config ?? {};
    if (cfg.public || !cfg.permission) {
      // Public routes still learn who is calling when they can (e.g. /api/setup status).
      return;
    }
    const auth = request.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m?.[1]) throw new AppError('api_key_invalid', 'Send the API key as "Authorization: Bearer tdm_…".');
      request.principal = await authenticateApiKey(deps.database, m[1].trim());
    } else {
      const token = request.cookies[sessionCookie];
      if (!token) throw new AppError('unauthenticated', 'Sign in, or send an API key as "Authorization: Bearer tdm_…".');
      request.principal = await authenticateSession(deps.database, token);
      if (!safeMethods.has(request.method)) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !safeEqual(header, request.principal.session!.csrfToken))
          throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header; reload the page and try again.');
      }
    }
    const { actor } = request.principal;
    if (!can(actor.role, cfg.permission, actor.keyScope)) {
      const reason =
        actor.keyScope === 'read' && can(actor.role, cfg.permission)
          ? 'This API key is read-only.'
          : `Your role (${actor.role}) does not include ${cfg.permission}.`;
      throw new AppError('forbidden', `Not allowed: ${reason}`, { permission: cfg.permission });
    }
    request.ctx = {
      db: deps.database.db,
      workspaceId: request.principal.workspaceId,
      actor,
      requestId: request.id,
      ip: request.ip,
    };
  };
}
