import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { seedCrmDemo } from '../../contacts/index.ts';
import { seedSalesDemo } from '../../sales/index.ts';
import { attributionModels } from '../attribution-models.ts';
import { deriveTouchpoints } from '../use-cases/derive-touchpoints.ts';
import { demoCampaignSlugs, seedCampaignsDemo } from './seed-campaigns-demo.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let seeded: Awaited<ReturnType<typeof seedCampaignsDemo>>;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t, 'Demo');
  await seedCrmDemo(t, ws.workspaceId, ws.admin.userId);
  await seedSalesDemo(t, ws.workspaceId, ws.admin.userId);
  seeded = await seedCampaignsDemo(t, ws.workspaceId, ws.admin.userId);
}, 400_000);
afterAll(() => t.close());

describe('the campaigns demo seeder', () => {
  it('adds campaigns with the documented slugs, monthly spend, links and touchpoints derived from behaviour and deals', async () => {
    const list = (await ws.admin.api.get('/api/campaigns')).json().items as { slug: string; spend: number; leads: number }[];
    for (const slug of demoCampaignSlugs) expect(list.map((c) => c.slug)).toContain(slug);
    expect(seeded.spend).toBeGreaterThan(100);
    expect(seeded.touchpoints).toBeGreaterThan(1_000);
    expect(list.find((c) => c.slug === 'seo-guides')!.leads).toBeGreaterThan(20);
    const [kinds] = await rows<{ deal_source: number; visits: number }>(
      t.database.db,
      sql`select count(*) filter (where kind = 'deal_source')::int as deal_source, count(*) filter (where kind = 'visit')::int as visits
          from campaign_touchpoints where workspace_id = ${ws.workspaceId}`,
    );
    expect(kinds!.deal_source).toBeGreaterThan(50);
    expect(kinds!.visits).toBeGreaterThan(100);
    // Deriving again finds nothing new.
    await t.database.db.execute(
      sql`update campaign_derivation_state set events_through = '-infinity' where workspace_id = ${ws.workspaceId}`,
    );
    expect((await deriveTouchpoints(t.database.db, ws.workspaceId)).touchpoints).toBe(0);
  }, 240_000);

  it('credits every model the same total: the revenue of won deals that had a touch', async () => {
    const totals = new Set<number>();
    for (const model of attributionModels) {
      const a = (await ws.admin.api.get(`/api/attribution?model=${model}&groupBy=channel`)).json();
      expect(a.unconverted).toEqual([]);
      totals.add(a.rows.reduce((s: number, r: { revenue: number }) => s + r.revenue, 0));
      expect(a.totals.wonDeals).toBeGreaterThan(100);
      expect(a.rows.find((r: { key: string }) => r.key === 'organic_social').roi).toBeNull();
    }
    expect(totals.size).toBe(1);
    expect([...totals][0]).toBeGreaterThan(0);
  }, 240_000);
});
