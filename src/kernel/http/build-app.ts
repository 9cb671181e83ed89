import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import { accessHook, checkRouteDeclaresAccess } from './access.ts';
import { errorHandler } from './error-handler.ts';
import { idempotencyHooks } from './idempotency.ts';
import { httpDuration } from './metrics.ts';
import { apiSecurityHeaders, embeddedSecurityHeaders, securityHeaders } from './security-headers.ts';
import { responseSerializer } from './serializer.ts';
import type { App, AppDeps, RouteInfo } from './types.ts';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface BuildAppOptions extends AppDeps {
  /** A pino logger for request logs; omitted = silent. */
  logger?: Logger | false;
  /** Route plugins of the platform and of every module. */
  routes: ((app: App, deps: AppDeps) => Promise<void> | void)[];
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

let requestCounter = 0;
const requestIdPrefix = `${Date.now().toString(36)}-${process.pid.toString(36)}`;
/** Unique per process start and cheap (a UUID per request cost measurable CPU). */
const nextRequestId = () => `${requestIdPrefix}-${(++requestCounter).toString(36)}`;

/** The HTTP app: one error envelope, declared access on every /api route, OpenAPI at /api/openapi.json. */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const { config } = opts;
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Signed tokens in public paths (/u/TOKEN, /e/c/TOKEN carrying the link target) are longer than fastify's 100.
    routerOptions: { maxParamLength: 4096 },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : nextRequestId();
    },
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ verify: config.verifyResponses }) as never);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only; modules that take forms (public form posts) add parsers in their own scope.
  app.removeContentTypeParser('text/plain');
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  const access = accessHook(opts);
  const idem = idempotencyHooks(opts.database);
  app.addHook('onRoute', (route) => {
    checkRouteDeclaresAccess(route as never);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, permission: route.config?.permission, public: route.config?.public });
    }
    // Hooks go on the routes that need them, so public routes and static files skip them entirely.
    if (route.config?.permission) route.onRequest = [...[route.onRequest ?? []].flat(), access] as never;
    if (route.config?.permission && [route.method].flat().includes('POST')) {
      route.preHandler = [...[route.preHandler ?? []].flat(), idem.preHandler] as never;
      route.onSend = [...[route.onSend ?? []].flat(), idem.onSend] as never;
    }
  });
  const https = Boolean(config.publicUrl?.startsWith('https://'));
  const pageHeaders = securityHeaders({ https });
  const apiHeaders = apiSecurityHeaders({ https });
  const embeddedHeaders = embeddedSecurityHeaders({ https });
  const allowed = new Set(
    config.corsOrigins
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  app.addHook('onRequest', (request, reply, done) => {
    // JSON API responses get the API set; pages, static files and the API docs (HTML) get helmet's full set; what
    // other sites embed (config.headers 'embedded') gets its own small set and does its own CORS.
    reply.header('x-request-id', request.id);
    if (request.routeOptions.config?.headers === 'embedded') {
      reply.headers(embeddedHeaders);
      return done();
    }
    const url = request.url;
    reply.headers(url.startsWith('/api/') && !url.startsWith('/api/docs') ? apiHeaders : pageHeaders);
    const origin = request.headers.origin;
    if (origin && allowed.has(origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      reply.header('access-control-allow-headers', 'authorization, content-type, idempotency-key, x-request-id');
      reply.header('access-control-allow-methods', 'GET, POST, PATCH, PUT, DELETE');
    }
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    httpDuration.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  await app.register(fastifyCookie);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '0.1.0',
        description: 'Sales & marketing platform API. Authenticate with `Authorization: Bearer tdm_…` (Settings → API keys).',
      },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' } },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { config: { public: 'the API description is public' }, schema: { hide: true } }, async () => app.swagger());
  for (const routes of opts.routes) await app.register(async (scope) => routes(scope as unknown as App, opts));

  const serveWeb = opts.serveWeb !== false && existsSync(path.join(webDist, 'index.html'));
  if (serveWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      cacheControl: false,
      // Vite names assets by content hash, so they never change; everything else must revalidate.
      setHeaders: (reply, filePath) =>
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi && serveWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.sendFile('index.html');
    }
    throw new AppError('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}. See /api/docs for the API.`);
  });
  return app as unknown as App;
}
