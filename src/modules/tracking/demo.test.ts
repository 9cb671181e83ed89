import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { seedTrackingDemo } from './index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('tracking demo', () => {
  it('adds a site with two years of sessions and page views whose UTM uses the demo campaign slugs', async () => {
    const ws = await createTestWorkspace(t);
    for (let i = 0; i < 5; i++) await ws.admin.api.post('/api/contacts', { firstName: `Demo ${i}` });
    const made = await seedTrackingDemo(t, ws.workspaceId, ws.admin.userId, 600);
    expect(made.sessions).toBe(600);
    const [c] = await rows<{ views: number; known: number; campaigns: string[]; oldest: number }>(
      t.database.db,
      sql`select (select count(*)::int from contact_events where workspace_id = ${ws.workspaceId} and kind = 'page_view') as views,
        (select count(distinct contact_id)::int from web_sessions where workspace_id = ${ws.workspaceId}) as known,
        (select array_agg(distinct utm_campaign) from web_sessions where workspace_id = ${ws.workspaceId} and utm_campaign is not null) as campaigns,
        (select extract(day from now() - min(started_at))::int from web_sessions where workspace_id = ${ws.workspaceId}) as oldest`,
    );
    expect(c!.views).toBeGreaterThan(1000);
    expect(c!.known).toBeGreaterThan(0);
    expect(c!.campaigns).toContain('brand-search');
    expect(c!.oldest).toBeGreaterThan(365);
    const from = new Date(Date.now() - 729 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const report = (await ws.admin.api.get(`/api/tracking/analytics?from=${from}&to=${to}`)).json();
    expect(report.totals.sessions).toBeGreaterThan(500);
    expect(report.topPages.length).toBeGreaterThan(5);
  }, 300_000);
});
