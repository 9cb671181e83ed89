import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import { loadConfig } from '../../kernel/config/index.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { seedImportsDemo } from './demo.ts';
import { importTestEnv } from './testing/test-app.ts';

let t: TestPlatform;
const env = importTestEnv();
beforeAll(async () => {
  t = await createTestApp(env);
});
afterAll(() => t.close());

describe('imports demo', () => {
  it('imports a HubSpot deal export through the job: most rows in, three with the sales rules’ messages', async () => {
    const ws = await createTestWorkspace(t);
    await ws.admin.api.post('/api/pipelines', { name: 'Sales' });
    for (const n of ['Acme', 'Globex', 'Initech'])
      await ws.admin.api.post('/api/companies', { name: n, domain: `${n.toLowerCase()}.example` });
    await seedImportsDemo({ database: t.database, config: loadConfig(env) }, ws.workspaceId, ws.admin.userId);
    const [imp] = await rows<{ status: string; created: number; failed: number; id: string }>(
      t.database.db,
      sql`select id, status, created, failed from imports where workspace_id = ${ws.workspaceId}`,
    );
    expect(imp).toMatchObject({ status: 'completed', created: 3, failed: 3 });
    const report = (await ws.admin.api.get(`/api/imports/${imp!.id}/errors.csv`)).body;
    expect(report).toContain('needs amount');
    expect(report).toContain('ISO 4217');
    expect(report).toContain('No stage is named');
  });
});
