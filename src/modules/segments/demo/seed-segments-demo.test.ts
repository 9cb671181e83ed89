import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { seedCrmDemo } from '../../contacts/index.ts';
import { seedSalesDemo } from '../../sales/index.ts';
import { seedSegmentsDemo } from './seed-segments-demo.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('seeds segments with real counts and lists over the CRM and sales demo', async () => {
  const ws = await createTestWorkspace(t);
  await seedCrmDemo(t, ws.workspaceId, ws.admin.userId);
  await seedSalesDemo(t, ws.workspaceId, ws.admin.userId);
  await seedSegmentsDemo(t, ws.workspaceId, ws.admin.userId);
  const segs = await rows<{ name: string; status: string; member_count: number; n: number }>(
    t.database.db,
    sql`select name, status, member_count, (select count(*)::int from segment_members m where m.segment_id = s.id) as n from segments s where workspace_id = ${ws.workspaceId}`,
  );
  expect(segs).toHaveLength(5);
  for (const s of segs) expect(s).toMatchObject({ status: 'ready', member_count: s.n });
  expect(segs.find((s) => s.name === 'Customers in DACH')!.n).toBeGreaterThan(0);
}, 300_000);
