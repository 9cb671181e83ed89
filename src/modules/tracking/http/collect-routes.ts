import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { isBot } from '../collect/bots.ts';
import { Collector } from '../collect/collector.ts';
import { type Hit, readPageUrl } from '../collect/hit.ts';
import { WindowLimiter } from '../collect/limits.ts';
import { originAllowed } from '../collect/origins.ts';
import { SiteCache, type SiteInfo } from '../collect/site-cache.ts';
import { pixelGif, snippet } from '../snippet/serve-snippet.ts';
import { readContactLink } from '../use-cases/sign-contact-link.ts';
import { hitBody } from './tracking.types.ts';

const hidden = { hide: true };
const keyQuery = z.object({ k: z.string().min(1).max(64) });
const pixelQuery = z.object({
  k: z.string().max(64).optional(),
  v: z.string().max(64).optional(),
  u: z.string().max(2000).optional(),
  r: z.string().max(2000).optional(),
  t: z.string().max(4).optional(),
  n: z.string().max(64).optional(),
  c: z.string().max(2).optional(),
  tdm: z.string().max(1000).optional(),
});
/** The pixel query's length limits, as in pixelQuery. */
const pixelLimits: Record<string, number> = { k: 64, v: 64, u: 2000, r: 2000, t: 4, n: 64, c: 2, tdm: 1000 };
/**
 * Checks the pixel's query by hand when it is well-formed (each field absent or one string within its limit: nearly
 * every hit), as zod's parse was a noticeable share of a hit's CPU; anything else goes to zod, so errors (400 with the
 * field's path) are the same. Unknown keys stay in the object; the handler reads only the known ones.
 */
const pixelQueryCompiler: typeof validatorCompiler = (route) => {
  const zodCheck = validatorCompiler(route);
  return (data: unknown) => {
    const q = data as Record<string, unknown>;
    for (const key in pixelLimits) {
      const v = q[key];
      if (v !== undefined && (typeof v !== 'string' || v.length > pixelLimits[key]!)) return zodCheck(data);
    }
    return { value: data };
  };
};
const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const eventNameRe = /^[\w.:-]{1,64}$/;

const collectLanes = 4;

type Verdict = { site: SiteInfo } | { drop: true };

/** The public side of tracking: the snippet, the collect endpoint and the pixel. */
export async function collectRoutes(app: App, deps: AppDeps) {
  // PostgreSQL writes batches of different visitors side by side on separate connections; PGlite has one.
  const collector = new Collector(deps.database, 2, deps.database.kind === 'postgres' ? collectLanes : 1);
  const sites = new SiteCache(deps.database.db);
  const perIp = new WindowLimiter(deps.config.trackingIpLimit, 60_000);
  const perSite = new WindowLimiter(deps.config.trackingSiteLimit, 1000);
  app.addHook('onClose', () => collector.drain());
  // sendBeacon posts text/plain (no CORS preflight); the body is JSON.
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('invalid_json', 'The body is not valid JSON.'), undefined);
    }
  });

  /** Privacy, bot, origin and flood checks every hit passes before it is queued. (CORP, no-store and nosniff come
   * from the routes' `headers: 'embedded'`.) */
  async function admit(req: FastifyRequest, reply: FastifyReply, siteKey: string | undefined, consent: boolean): Promise<Verdict> {
    if (!perIp.hit(req.ip))
      throw new AppError('rate_limited', 'Too many tracking hits from this address; slow down.', { retryAfterSeconds: 60 });
    const site = siteKey
      ? await sites.get(siteKey).catch((err) => {
          req.log.error({ err }, 'tracking site lookup failed');
          throw new AppError('tracking_unavailable', 'Tracking is briefly unavailable; the hit was not stored.');
        })
      : null;
    const origin = req.headers.origin;
    if (origin) {
      if (!site || !originAllowed(origin, site.allowedOrigins))
        throw new AppError(
          'origin_not_allowed',
          'This page may not send hits with this site key. Add its domain to the site in Settings → Tracking.',
        );
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    }
    if (!site) return { drop: true };
    if (req.headers.dnt === '1' || req.headers['sec-gpc'] === '1') return { drop: true };
    const ua = req.headers['user-agent'];
    if (!ua || isBot(ua)) return { drop: true };
    if (site.consentMode === 'after_consent' && !consent) return { drop: true };
    if (!perSite.hit(site.id))
      throw new AppError('rate_limited', 'This site sends more hits than allowed; slow down.', { retryAfterSeconds: 1 });
    return { site };
  }

  function makeHit(
    site: SiteInfo,
    h: { t?: string; v: string; u?: string; ti?: string; r?: string; n?: string; p?: Record<string, unknown> },
  ): Hit {
    const page = readPageUrl(h.u);
    return {
      workspaceId: site.workspaceId,
      siteId: site.id,
      visitorId: h.v.toLowerCase(),
      kind: h.t === 'ev' ? 'custom' : 'page_view',
      name: h.t === 'ev' ? (h.n ?? null) : null,
      url: page.url,
      title: h.ti ? h.ti.slice(0, 300) : null,
      referrer: h.r ? h.r.slice(0, 2000) : null,
      utm: page.utm,
      props: h.p ?? {},
      occurredAt: new Date(),
      contactId: page.token ? readContactLink(deps.secretKey, site.workspaceId, page.token) : null,
    };
  }

  async function store(req: FastifyRequest, hit: Hit) {
    try {
      await collector.add(hit);
    } catch (err) {
      req.log.error({ err }, 'tracking batch failed');
      throw new AppError('tracking_unavailable', 'Tracking is briefly unavailable; the hit was not stored.');
    }
  }

  app.get(
    '/t.js',
    { config: { public: 'the tracking snippet websites load', headers: 'embedded' }, schema: hidden },
    async (req, reply) => {
      reply
        .header('content-type', 'application/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600, stale-while-revalidate=86400')
        .header('etag', snippet.etag)
        .header('vary', 'Accept-Encoding');
      if (req.headers['if-none-match'] === snippet.etag) return reply.status(304).send();
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(snippet.gzip);
      return reply.send(snippet.body);
    },
  );

  app.options(
    '/t/collect',
    { config: { public: 'CORS preflight of the collect endpoint', headers: 'embedded' }, schema: { ...hidden, querystring: keyQuery } },
    async (req, reply) => {
      const site = await sites.get(req.query.k);
      const origin = req.headers.origin;
      if (origin && site && originAllowed(origin, site.allowedOrigins))
        reply
          .header('access-control-allow-origin', origin)
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type')
          .header('access-control-max-age', '86400')
          .header('vary', 'Origin');
      return reply.status(204).send();
    },
  );

  app.post(
    '/t/collect',
    {
      config: {
        public: 'page views and events from tracked websites (site key, allowed origins, rate limits)',
        headers: 'embedded',
      },
      bodyLimit: 8192,
      schema: { ...hidden, querystring: keyQuery, body: hitBody },
    },
    async (req, reply) => {
      const v = await admit(req, reply, req.query.k, req.body.c === 1);
      if ('site' in v) await store(req, makeHit(v.site, req.body));
      return reply.status(204).send();
    },
  );

  app.get(
    '/t/p.gif',
    {
      config: { public: 'the tracking pixel for pages without JavaScript', headers: 'embedded' },
      schema: { ...hidden, querystring: pixelQuery },
      validatorCompiler: pixelQueryCompiler as never, // fastify types a route compiler by the whole schema
    },
    async (req, reply) => {
      const q = req.query;
      const v = await admit(req, reply, q.k, q.c === '1');
      if ('site' in v) {
        // No JavaScript, no storage: without a visitor id, one per site, address and browser for the day, unrecoverable after.
        const visitor = q.v && uuidRe.test(q.v) ? q.v : dailyVisitor(deps.secretKey, v.site.id, req.ip, req.headers['user-agent'] ?? '');
        const event = q.t === 'ev' && q.n && eventNameRe.test(q.n);
        const url = q.u ?? (q.tdm ? undefined : req.headers.referer);
        const withToken = q.tdm
          ? `${url ?? 'https://pixel.invalid/'}${(url ?? '').includes('?') ? '&' : '?'}tdm=${encodeURIComponent(q.tdm)}`
          : url;
        const hit = makeHit(v.site, { t: event ? 'ev' : 'pv', v: visitor, u: withToken, r: q.r, n: q.n });
        if (hit.url?.startsWith('https://pixel.invalid/')) hit.url = null;
        await store(req, hit);
      }
      return reply.header('content-type', 'image/gif').send(pixelGif);
    },
  );
}

function dailyVisitor(secret: string, siteId: string, ip: string, ua: string) {
  const day = new Date().toISOString().slice(0, 10);
  const h = createHmac('sha256', secret).update(`${day}|${siteId}|${ip}|${ua}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
