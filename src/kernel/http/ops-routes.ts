import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { safeEqual } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import { registry } from './metrics.ts';
import type { App, AppDeps } from './types.ts';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Liveness, readiness (database reachable) and Prometheus metrics. */
export async function opsRoutes(app: App, { database, config }: AppDeps) {
  app.get('/healthz', { config: { public: 'liveness probe' }, schema: { hide: true } }, async () => ({ ok: true }));

  app.get('/readyz', { config: { public: 'readiness probe' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      return { ok: true, database: database.kind };
    } catch {
      return reply.status(503).send({ error: { code: 'unavailable', message: 'The database is not reachable.' } });
    }
  });

  app.get(
    '/metrics',
    {
      config: { public: 'Prometheus scrape; token or loopback only' },
      schema: { hide: true, headers: z.object({ authorization: z.string().optional() }) },
    },
    async (req, reply) => {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const allowed = config.metricsToken ? Boolean(given && safeEqual(given, config.metricsToken)) : loopback.has(req.ip);
      if (!allowed)
        throw new AppError('forbidden', 'Metrics need TANDEM_METRICS_TOKEN as a Bearer token (or a request from this machine when unset).');
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
}
