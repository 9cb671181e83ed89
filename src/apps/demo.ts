import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { seedActivitiesDemo } from '../modules/activities/index.ts';
import { seedAnalyticsDemo } from '../modules/analytics/index.ts';
import { seedCampaignsDemo } from '../modules/campaigns/index.ts';
import { seedCaptureDemo } from '../modules/capture/index.ts';
import { seedCatalogDemo } from '../modules/catalog/index.ts';
import { seedCrmDemo } from '../modules/contacts/index.ts';
import { seedEmailDemo } from '../modules/email/index.ts';
import { seedForecastDemo } from '../modules/forecasts/index.ts';
import { createUser, createWorkspace } from '../modules/identity/index.ts';
import { seedImportsDemo } from '../modules/imports/index.ts';
import { seedQuotesDemo } from '../modules/quotes/index.ts';
import { seedRoutingDemo } from '../modules/routing/index.ts';
import { seedSalesDemo } from '../modules/sales/index.ts';
import { seedSegmentsDemo } from '../modules/segments/index.ts';
import { seedTrackingDemo } from '../modules/tracking/index.ts';
import type { Platform } from './platform.ts';

export interface DemoResult {
  workspaceId: string;
  workspaceName: string;
  email: string;
  password: string;
}

/** Each module's demo seeder, run in order on the demo workspace. */
export const demoSeeders: { name: string; seed: (p: Platform, workspaceId: string, adminId: string) => Promise<void> }[] = [
  { name: 'companies and contacts', seed: async (p, ws, admin) => void (await seedCrmDemo(p, ws, admin)) },
  { name: 'activities and tasks', seed: (p, ws, admin) => seedActivitiesDemo(p, ws, admin) },
  { name: 'lead routing and waiting leads', seed: (p, ws, admin) => seedRoutingDemo(p, ws, admin) },
  { name: 'products', seed: (p, ws, admin) => seedCatalogDemo(p, ws, admin) },
  { name: 'pipelines and deals', seed: async (p, ws, admin) => void (await seedSalesDemo(p, ws, admin)) },
  // After the deals: commissions follow what was won.
  { name: 'sales costs, market sizes and KPI targets', seed: (p, ws, admin) => seedAnalyticsDemo(p, ws, admin) },
  { name: 'quotas and forecast snapshots', seed: async (p, ws) => void (await seedForecastDemo(p, ws)) },
  { name: 'quotes and orders', seed: (p, ws, admin) => seedQuotesDemo(p, ws, admin) },
  { name: 'forms, landing page and submissions', seed: (p, ws, admin) => seedCaptureDemo(p, ws, admin) },
  { name: 'campaigns, spend and touchpoints', seed: async (p, ws, admin) => void (await seedCampaignsDemo(p, ws, admin)) },
  { name: 'an import of deals', seed: (p, ws, admin) => seedImportsDemo(p, ws, admin) },
  // Before segments: behaviour segments count these visits.
  { name: 'website visits', seed: async (p, ws, admin) => void (await seedTrackingDemo(p, ws, admin)) },
  { name: 'segments and lists', seed: (p, ws, admin) => seedSegmentsDemo(p, ws, admin) },
  { name: 'email templates and a year of broadcasts', seed: (p, ws, admin) => seedEmailDemo(p, ws, admin) },
];

/**
 * Runs every seeder in order. Tables go from empty to thousands of rows faster than autovacuum notices, so the
 * planner's statistics are refreshed after each seeder: with none, PostgreSQL planned the attribution funnel as a
 * nested loop over "one row" and took 8 s per period instead of 20 ms.
 */
export async function runDemoSeeders(p: Platform, workspaceId: string, adminId: string, onProgress?: (msg: string) => void): Promise<void> {
  for (const s of demoSeeders) {
    onProgress?.(`Adding demo ${s.name}…`);
    await s.seed(p, workspaceId, adminId);
    await p.database.db.execute(sql`analyze`);
  }
}

/** Creates the demo workspace and its admin, then lets every module add its records. */
export async function seedDemo(
  p: Platform,
  opts: { email?: string; password?: string; onProgress?: (msg: string) => void } = {},
): Promise<DemoResult> {
  const email = opts.email ?? 'admin@demo.tandem.test';
  const password = opts.password ?? randomBytes(9).toString('base64url');
  const workspaceName = 'Northwind Demo';
  opts.onProgress?.('Creating the demo workspace…');
  const user = await createUser(p.database.db, { email, name: 'Dana Demo', password });
  const ws = await createWorkspace(p.database.db, {
    name: workspaceName,
    ownerUserId: user.id,
    timezone: 'Europe/London',
    currency: 'USD',
  });
  await runDemoSeeders(p, ws.id, user.id, opts.onProgress);
  return { workspaceId: ws.id, workspaceName, email, password };
}
