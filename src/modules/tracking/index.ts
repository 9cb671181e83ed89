import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App, AppDeps } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { onVisitorIdentified } from '../engagement/index.ts';
import { analyticsRoutes } from './http/analytics-routes.ts';
import { collectRoutes } from './http/collect-routes.ts';
import { siteRoutes } from './http/site-routes.ts';
import { purgeSessionsJob } from './jobs/purge-sessions-job.ts';
import { linkVisitorSessions } from './use-cases/identify-web-visitor.ts';

/**
 * Web tracking: tracked sites, the snippet (/t.js), collect endpoint and pixel, web sessions, identification of
 * visitors (signed links, forms) and web analytics. Page views and custom events go to engagement's contact_events.
 */
export { Collector, writeHits } from './collect/collector.ts';
export type { Hit } from './collect/hit.ts';
export { demoCampaigns, seedTrackingDemo } from './demo.ts';
export * as trackingTypes from './http/tracking.types.ts';
export { purgeExpiredSessions, purgeSessionsJob } from './jobs/purge-sessions-job.ts';
export { getContactWebActivity } from './queries/get-contact-web-activity.ts';
export { getSite, getSites } from './queries/get-sites.ts';
export { getWebAnalytics } from './queries/get-web-analytics.ts';
export { trackingSites, webSessions } from './schema.ts';
export { createSite } from './use-cases/create-site.ts';
export { deleteSite } from './use-cases/delete-site.ts';
export { identifyWebVisitor } from './use-cases/identify-web-visitor.ts';
export { readContactLink, signContactLink, withContactToken } from './use-cases/sign-contact-link.ts';
export { updateSite } from './use-cases/update-site.ts';

registerPermissions({
  'tracking:read': { kind: 'read', roles, description: 'See tracked sites, web analytics and contacts’ web activity' },
  'tracking:manage': {
    kind: 'write',
    roles: ['admin', 'marketing'],
    description: 'Add and change tracked websites and their privacy settings',
  },
});
registerErrorCodes({ tracking_site_not_found: 404, origin_not_allowed: 403, tracking_unavailable: 503 });
registerEventTypes([{ type: 'tracking_site.changed', description: 'A tracked website was added, changed or removed' }]);

// Whoever identifies a visitor (a form submit, a signed link), their web sessions follow.
onVisitorIdentified(linkVisitorSessions);

defineSchedule({ name: 'tracking.purge_sessions', cron: '41 3 * * *', job: purgeSessionsJob, payload: {} });

/** Site settings, analytics (authenticated) and the public snippet, collect endpoint and pixel. */
export async function trackingRoutes(app: App, deps: AppDeps) {
  await siteRoutes(app);
  await analyticsRoutes(app);
  // Own scope: the text/plain body parser of the beacon endpoint must not reach the JSON API routes.
  await app.register(async (scope) => collectRoutes(scope as unknown as App, deps));
}
