import { createRouter } from '@tanstack/react-router';
import { handleSignedOut, queryClient } from '../lib/api/index.ts';
import { appRoute, homeRoute } from '../routes/app-routes.tsx';
import { attributionRoute, campaignRoute, campaignsRoute } from '../routes/campaign-routes.tsx';
import {
  companiesRoute,
  companyRoute,
  contactRoute,
  contactsRoute,
  customFieldsRoute,
  duplicatesRoute,
  taskRoute,
  tasksRoute,
} from '../routes/crm-routes.tsx';
import {
  broadcastRoute,
  broadcastsRoute,
  emailSettingsRoute,
  newBroadcastRoute,
  outboxRoute,
  suppressionsRoute,
  templateRoute,
  templatesRoute,
} from '../routes/email-routes.tsx';
import { importRoute, importsRoute, newImportRoute, workspaceExportRoute } from '../routes/exchange-routes.tsx';
import { forecastRoute, quotasRoute, winLossRoute } from '../routes/forecast-routes.tsx';
import { leadsWaitingRoute, responseTimesRoute, routingSettingsRoute } from '../routes/lead-routes.tsx';
import { formRoute, formsRoute, newFormRoute, newPageRoute, pageRoute, pagesRoute } from '../routes/marketing-routes.tsx';
import { inviteRoute, loginRoute, setupRoute } from '../routes/public-routes.tsx';
import { approvalsRoute, orderRoute, ordersRoute, quoteSettingsRoute } from '../routes/quote-routes.tsx';
import {
  cohortsRoute,
  funnelRoute,
  kpiBoardRoute,
  kpiSettingsRoute,
  marketingPerformanceRoute,
  salesPerformanceRoute,
} from '../routes/report-routes.tsx';
import { rootRoute } from '../routes/root.tsx';
import { dealRoute, dealsRoute, pipelinesRoute, productsRoute } from '../routes/sales-routes.tsx';
import { editSegmentRoute, listRoute, listsRoute, newSegmentRoute, segmentRoute, segmentsRoute } from '../routes/segment-routes.tsx';
import {
  apiKeysRoute,
  auditLogRoute,
  jobsRoute,
  profileRoute,
  settingsIndexRoute,
  usersRoute,
  webhookDetailRoute,
  webhooksRoute,
  workspaceSettingsRoute,
} from '../routes/settings-routes.tsx';
import { trackingSettingsRoute, webAnalyticsRoute } from '../routes/tracking-routes.tsx';

/** The route tree; a module adds its routes to the appRoute children. */
const routeTree = rootRoute.addChildren([
  loginRoute,
  setupRoute,
  inviteRoute,
  appRoute.addChildren([
    homeRoute,
    segmentsRoute,
    newSegmentRoute,
    segmentRoute,
    editSegmentRoute,
    listsRoute,
    listRoute,
    contactsRoute,
    contactRoute,
    companiesRoute,
    companyRoute,
    tasksRoute,
    taskRoute,
    duplicatesRoute,
    leadsWaitingRoute,
    responseTimesRoute,
    importsRoute,
    newImportRoute,
    importRoute,
    dealsRoute,
    dealRoute,
    forecastRoute,
    quotasRoute,
    winLossRoute,
    pipelinesRoute,
    productsRoute,
    kpiBoardRoute,
    funnelRoute,
    cohortsRoute,
    salesPerformanceRoute,
    marketingPerformanceRoute,
    kpiSettingsRoute,
    approvalsRoute,
    ordersRoute,
    orderRoute,
    quoteSettingsRoute,
    formsRoute,
    newFormRoute,
    formRoute,
    pagesRoute,
    newPageRoute,
    pageRoute,
    campaignsRoute,
    campaignRoute,
    attributionRoute,
    broadcastsRoute,
    newBroadcastRoute,
    broadcastRoute,
    templatesRoute,
    templateRoute,
    outboxRoute,
    suppressionsRoute,
    emailSettingsRoute,
    settingsIndexRoute,
    workspaceSettingsRoute,
    customFieldsRoute,
    routingSettingsRoute,
    trackingSettingsRoute,
    webAnalyticsRoute,
    profileRoute,
    usersRoute,
    apiKeysRoute,
    webhooksRoute,
    webhookDetailRoute,
    auditLogRoute,
    jobsRoute,
    workspaceExportRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Query owns caching; the router only orchestrates loading.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

const publicPaths = ['/login', '/setup', '/invite/'];

// A session that ends while the app is open (expired, signed out elsewhere, removed from the workspace): back to sign-in.
handleSignedOut(() => {
  const path = window.location.pathname;
  if (publicPaths.some((p) => path === p || path.startsWith(p))) return;
  if (!queryClient.getQueryData(['me'])) return;
  queryClient.clear();
  router.navigate({ to: '/login', search: { redirect: path + window.location.search, expired: true }, replace: true });
});
