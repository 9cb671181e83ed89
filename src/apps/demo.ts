import { randomBytes } from 'node:crypto';
import { seedActivitiesDemo } from '../modules/activities/index.ts';
import { seedCatalogDemo } from '../modules/catalog/index.ts';
import { seedCrmDemo } from '../modules/contacts/index.ts';
import { createUser, createWorkspace } from '../modules/identity/index.ts';
import { seedRoutingDemo } from '../modules/routing/index.ts';
import { seedSalesDemo } from '../modules/sales/index.ts';
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
];

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
  for (const s of demoSeeders) {
    opts.onProgress?.(`Adding demo ${s.name}…`);
    await s.seed(p, ws.id, user.id);
  }
  return { workspaceId: ws.id, workspaceName, email, password };
}
