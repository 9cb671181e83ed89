import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { seedCrmDemo } from '../../contacts/index.ts';
import { seedSalesDemo } from './seed-sales-demo.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t, 'Demo');
  await seedCrmDemo(t, ws.workspaceId, ws.admin.userId);
  await seedSalesDemo(t, ws.workspaceId, ws.admin.userId);
}, 240_000);
afterAll(() => t.close());

const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(t.database.db, q))[0]!;

describe('the sales demo seeder', () => {
  it('adds two pipelines and at least 1,500 deals over two years, on the board through the API', async () => {
    const pipelines = (await ws.admin.api.get('/api/pipelines')).json().items;
    expect(pipelines.map((p: { name: string }) => p.name)).toEqual(['New business', 'Renewals & expansion']);
    expect((await ws.admin.api.get('/api/deals?limit=1')).json().total.value).toBeGreaterThanOrEqual(1_500);
    const board = (await ws.admin.api.get(`/api/pipelines/${pipelines[0].id}/board?limit=5`)).json();
    const won = board.columns.find((c: { stage: { type: string } }) => c.stage.type === 'won');
    expect(won.count).toBeGreaterThan(100);
    expect(won.unconverted).toEqual([]);
    expect(board.open.count).toBeGreaterThan(50);
    const full = (await ws.admin.api.get(`/api/pipelines/${pipelines[0].id}/board?limit=200`)).json();
    expect(full.columns.some((c: { cards: { rotting: boolean }[] }) => c.cards.some((x) => x.rotting))).toBe(true);
    const span = await one<{ days: number }>(
      sql`select extract(day from max(created_at) - min(created_at))::int as days from deals where workspace_id = ${ws.workspaceId}`,
    );
    expect(span.days).toBeGreaterThan(600);
  });

  it('gives every deal a consistent stage history: one open row at its stage, no future times, contacts from its company', async () => {
    const bad = await one<{
      n: number;
    }>(sql`select count(*)::int as n from deals d where d.workspace_id = ${ws.workspaceId} and not exists (
      select 1 from deal_stage_history h where h.workspace_id = d.workspace_id and h.deal_id = d.id and h.left_at is null and h.stage_id = d.stage_id
        and h.entered_at = d.stage_entered_at)`);
    expect(bad.n).toBe(0);
    const future = await one<{ n: number }>(
      sql`select count(*)::int as n from deal_stage_history where workspace_id = ${ws.workspaceId} and (entered_at > now() or left_at > now())`,
    );
    expect(future.n).toBe(0);
    const strangers = await one<{ n: number }>(sql`select count(*)::int as n from deal_contacts dc join deals d on d.id = dc.deal_id
      join contacts c on c.id = dc.contact_id where dc.workspace_id = ${ws.workspaceId} and c.company_id is distinct from d.company_id`);
    expect(strangers.n).toBe(0);
    const lost = await one<{ n: number }>(
      sql`select count(*)::int as n from deals where workspace_id = ${ws.workspaceId} and status = 'lost' and loss_reason is null`,
    );
    expect(lost.n).toBe(0);
  });
});
