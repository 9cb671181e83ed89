export { sessionCookie } from './access.ts';
export { type BuildAppOptions, buildApp, webDist } from './build-app.ts';
export { type ErrorBody, toErrorBody } from './error-handler.ts';
export { registry as metricsRegistry } from './metrics.ts';
export { opsRoutes } from './ops-routes.ts';
export { decodeCursor, encodeCursor, pageOf, pageQuery, toPage } from './pagination.ts';
export { idempotencyKeys } from './schema.ts';
export type { App, AppDeps, RouteInfo } from './types.ts';
