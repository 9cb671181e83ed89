import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../kernel/db/index.ts';
import type { TestPlatform } from '../kernel/testing/index.ts';
import { runDemoSeeders } from './demo.ts';
import { createTestApp, createTestWorkspace, type TestWorkspace } from './test-kit.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t, 'Whole demo');
  // Every seeder in the order `npm start` runs them: each module's own test seeds only its part.
  await runDemoSeeders(t, ws.workspaceId, ws.admin.userId);
}, 600_000);
afterAll(() => t.close());

const count = async (table: string) =>
  (
    await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${ws.workspaceId}`,
    )
  )[0]!.n;

describe('the whole demo workspace', () => {
  it('has every module’s records, consistent enough for a full KPI board', async () => {
    for (const table of [
      'contacts',
      'deals',
      'quotes',
      'orders',
      'quotas',
      'campaigns',
      'forms',
      'segments',
      'email_broadcasts',
      'web_sessions',
    ])
      expect(await count(table), table).toBeGreaterThan(0);
    expect(await count('contact_events')).toBeGreaterThan(1000);
    const year = new Date().getUTCFullYear() - 1;
    const board = (await ws.admin.api.get(`/api/analytics/kpis?period=${year}`)).json();
    const value = (id: string) => board.kpis.find((k: { id: string }) => k.id === id).value;
    for (const id of ['win_rate', 'average_deal_size', 'customer_acquisition_cost', 'market_share', 'sales_cycle_length'])
      expect(value(id), id).not.toBeNull();
  });
});
