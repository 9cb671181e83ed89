import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../auth/authenticate.ts';
import type { Config } from '../config/index.ts';
import type { Ctx } from '../context.ts';
import type { Database } from '../db/client.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs. Every route declares one, or `public` with a reason. */
    permission?: string;
    /** Why a route is open to anyone (health, login, public forms). */
    public?: string;
    /**
     * Which security headers the kernel adds: by default the API set under /api and helmet's page set elsewhere;
     * 'embedded' for what other sites load or call from their pages (pixel, script, beacon): nosniff, cross-origin
     * CORP, no-store (see security-headers.ts), and no app CORS (the route answers its own origins).
     */
    headers?: 'embedded';
  }
  interface FastifyInstance {
    /** Every route with its declared access (tests check that none is missing). */
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    principal?: Principal;
    /** The use-case context of an authenticated request. */
    ctx: Ctx;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppDeps {
  database: Database;
  config: Config;
  secretKey: string;
  /** Called after a request enqueues jobs, so an in-process worker picks them up at once. */
  pokeWorker?: () => void;
}

export interface RouteInfo {
  method: string;
  url: string;
  permission?: string;
  public?: string;
}
