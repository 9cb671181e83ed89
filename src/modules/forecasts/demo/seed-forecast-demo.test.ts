import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { seedCrmDemo } from '../../contacts/index.ts';
import { seedSalesDemo } from '../../sales/index.ts';
import { localDate, periodOf } from '../periods.ts';
import { seedForecastDemo } from './seed-forecast-demo.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let seeded: { quotas: number; snapshots: number };
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t, 'Demo');
  await seedCrmDemo(t, ws.workspaceId, ws.admin.userId);
  await seedSalesDemo(t, ws.workspaceId, ws.admin.userId);
  seeded = await seedForecastDemo(t, ws.workspaceId);
}, 300_000);
afterAll(() => t.close());

describe('the forecast demo seeder', () => {
  it('sets two years of monthly quotas per seller and a weekly snapshot per seller for the past year', async () => {
    const [s] = await rows<{ sellers: number; months: number; weeks: number }>(
      t.database.db,
      sql`select (select count(distinct subject_id)::int from quotas where workspace_id = ${ws.workspaceId}) as sellers,
            (select count(distinct period)::int from quotas where workspace_id = ${ws.workspaceId}) as months,
            (select count(distinct taken_on)::int from forecast_snapshots where workspace_id = ${ws.workspaceId}) as weeks`,
    );
    expect(s!.sellers).toBeGreaterThan(1);
    expect(s!.months).toBe(24);
    expect(s!.weeks).toBe(52);
    expect(seeded.quotas).toBe(s!.sellers * 24);
  });

  it('gives this quarter a forecast against quota, and last quarter an accuracy per rep', async () => {
    const quarter = periodOf(localDate(new Date(), 'UTC'), 'quarter');
    const fc = (await ws.admin.api.get(`/api/forecasts?period=${quarter.key}`)).json();
    expect(fc.tree.quota).toBeGreaterThan(0);
    expect(fc.tree.figures.closedWon + fc.tree.figures.commit + fc.tree.figures.pipeline).toBeGreaterThan(0);
    const last = periodOf(new Date(Date.parse(quarter.start) - 86_400_000).toISOString().slice(0, 10), 'quarter');
    const acc = (await ws.admin.api.get(`/api/forecasts/accuracy?period=${last.key}`)).json();
    expect(acc.reps.length).toBeGreaterThan(1);
    for (const r of acc.reps) {
      expect(r.snapshots.length).toBeGreaterThanOrEqual(12);
      expect(r.averageAccuracy).toBeGreaterThanOrEqual(50);
    }
  });
});
