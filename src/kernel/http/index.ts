export { buildApp, webDist, type BuildAppOptions } from './build-app.ts';
export type { App, AppDeps, RouteInfo } from './types.ts';
export { pageQuery, pageOf, encodeCursor, decodeCursor, toPage } from './pagination.ts';
export { sessionCookie } from './access.ts';
export { registry as metricsRegistry } from './metrics.ts';
export { toErrorBody, type ErrorBody } from './error-handler.ts';
export { idempotencyKeys } from './schema.ts';
export { opsRoutes } from './ops-routes.ts';
