import type { Logger } from 'pino';
import { registerEmailAudiences } from '../flows/audiences/index.ts';
import { dealOutcomeRoutes } from '../flows/deal-outcomes/index.ts';
import { registerKpiSources } from '../flows/kpi-inputs/index.ts';
import { mergeExactEmailsJob, mergeRoutes } from '../flows/merge-records/index.ts';
import { privacyRoutes } from '../flows/privacy/index.ts';
import { auditRoutes } from '../kernel/audit/index.ts';
import { type Config, loadConfig } from '../kernel/config/index.ts';
import { type Database, migrate, openDatabase } from '../kernel/db/index.ts';
import { deliverWebhookJob, eventRoutes, fanOutJob, subscriberJob } from '../kernel/events/index.ts';
import { type App, buildApp, opsRoutes } from '../kernel/http/index.ts';
import { jobsRoutes, registerJobs } from '../kernel/jobs/index.ts';
import { activitiesRoutes, taskRemindersJob } from '../modules/activities/index.ts';
import { analyticsRoutes, weeklyDigestJob } from '../modules/analytics/index.ts';
import { campaignsRoutes, deriveTouchpointsJob } from '../modules/campaigns/index.ts';
import { captureRoutes } from '../modules/capture/index.ts';
import { catalogRoutes } from '../modules/catalog/index.ts';
import { companiesRoutes } from '../modules/companies/index.ts';
import { contactsRoutes } from '../modules/contacts/index.ts';
import { customFieldsRoutes } from '../modules/custom-fields/index.ts';
import { configureEmail, emailRoutes, pickWinnerJob, processInboundJob, sendBroadcastJob, sendMessageJob } from '../modules/email/index.ts';
import { maintainEventPartitionsJob } from '../modules/engagement/index.ts';
import { exportsRoutes, purgeExpiredExportsJob, workspaceExportJob } from '../modules/exports/index.ts';
import { forecastsRoutes, weeklySnapshotsJob } from '../modules/forecasts/index.ts';
import { identityRoutes } from '../modules/identity/index.ts';
import { importsRoutes, removeImportFilesJob, runImportJob, undoImportJob } from '../modules/imports/index.ts';
import { quotesRoutes } from '../modules/quotes/index.ts';
import { followUpsJob, routingRoutes } from '../modules/routing/index.ts';
import { salesRoutes } from '../modules/sales/index.ts';
import { searchRoutes } from '../modules/search/index.ts';
import { drainSegmentsJob, rebuildSegmentJob, refreshRelativeSegmentsJob, segmentsRoutes } from '../modules/segments/index.ts';
import { purgeSessionsJob, trackingRoutes } from '../modules/tracking/index.ts';
import { purgeDeletedJob, runBulkJob, undoBulkJob, viewsRoutes } from '../modules/views/index.ts';
import { loadSecretKey } from './secret-key.ts';

/** Every route plugin, in one list: modules add theirs here. */
export const routePlugins = [
  opsRoutes,
  identityRoutes,
  eventRoutes,
  auditRoutes,
  jobsRoutes,
  customFieldsRoutes,
  companiesRoutes,
  exportsRoutes,
  contactsRoutes,
  activitiesRoutes,
  routingRoutes,
  salesRoutes,
  forecastsRoutes,
  catalogRoutes,
  quotesRoutes,
  campaignsRoutes,
  viewsRoutes,
  searchRoutes,
  segmentsRoutes,
  mergeRoutes,
  privacyRoutes,
  importsRoutes,
  dealOutcomeRoutes,
  analyticsRoutes,
  captureRoutes,
  emailRoutes,
  trackingRoutes,
];

registerEmailAudiences();
registerKpiSources();

/** Every job definition workers can run. */
export function registerAllJobs() {
  registerJobs(
    fanOutJob,
    subscriberJob,
    deliverWebhookJob,
    taskRemindersJob,
    followUpsJob,
    runBulkJob,
    undoBulkJob,
    purgeDeletedJob,
    mergeExactEmailsJob,
    workspaceExportJob,
    purgeExpiredExportsJob,
    runImportJob,
    removeImportFilesJob,
    undoImportJob,
    maintainEventPartitionsJob,
    weeklySnapshotsJob,
    weeklyDigestJob,
    deriveTouchpointsJob,
    drainSegmentsJob,
    rebuildSegmentJob,
    refreshRelativeSegmentsJob,
    sendMessageJob,
    sendBroadcastJob,
    pickWinnerJob,
    processInboundJob,
    purgeSessionsJob,
  );
}

export interface Platform {
  config: Config;
  database: Database;
  secretKey: string;
  close(): Promise<void>;
}

/** Opens the database named by the config, applies migrations and loads the signing key. */
export async function openPlatform(config: Config = loadConfig()): Promise<Platform> {
  registerAllJobs();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    readDatabaseUrl: config.readDatabaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await migrate(database);
  const secretKey = await loadSecretKey(database, config);
  configureEmail({
    secretKey,
    publicUrl: config.publicUrl!,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    bounceDomain: config.bounceDomain,
  });
  return { config, database, secretKey, close: () => database.close() };
}

export async function buildPlatformApp(
  p: Platform,
  opts: { logger?: Logger | false; serveWeb?: boolean; pokeWorker?: () => void } = {},
): Promise<App> {
  return buildApp({ ...p, routes: routePlugins, logger: opts.logger, serveWeb: opts.serveWeb, pokeWorker: opts.pokeWorker });
}
