import type { App, AppDeps } from '../../http/index.ts';
import { deliveryRoutes } from './delivery-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';

/** Routes of kernel/events: webhook subscriptions, their deliveries, and the event type list. */
export async function eventRoutes(app: App, deps: AppDeps) {
  await webhookRoutes(app);
  await deliveryRoutes(app, deps);
}
