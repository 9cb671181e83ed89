import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { seedActivitiesDemo } from './demo.ts';
import { getMyTasks } from './queries/get-my-tasks.ts';
import { addCompany, addContact } from './testing/records.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const now = new Date('2025-03-14T11:00:00Z');

async function seeded() {
  const ws = await createTestWorkspace(t);
  await ws.admin.api.patch('/api/workspace', { timezone: 'Europe/London' });
  const acme = await addCompany(t.database.db, ws.workspaceId, 'Acme Corp');
  const globex = await addCompany(t.database.db, ws.workspaceId, 'Globex');
  for (let i = 0; i < 40; i++)
    await addContact(t.database.db, ws.workspaceId, {
      name: `Person${i} Example`,
      email: `p${i}@example.com`,
      companyId: i % 3 === 0 ? undefined : i % 2 ? acme : globex,
    });
  await seedActivitiesDemo(t, ws.workspaceId, ws.admin.userId, { now });
  return ws;
}

const content = (wsId: string) =>
  rows<{ type: string; subject: string; body: string; occurred_at: Date }>(
    t.database.db,
    sql`select type, subject, body, occurred_at from activities where workspace_id = ${wsId} order by occurred_at, type, subject, body`,
  );

describe('activities demo seeder', () => {
  it('writes the same believable history on every run, spread over two years', async () => {
    const a = await seeded();
    const b = await seeded();
    const first = await content(a.workspaceId);
    expect(first.length).toBeGreaterThan(60);
    expect(await content(b.workspaceId)).toEqual(first);
    expect(new Set(first.map((x) => x.type))).toEqual(new Set(['note', 'call', 'meeting', 'email']));
    const times = first.map((x) => new Date(x.occurred_at).getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 731 * 86_400_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(500 * 86_400_000);
    expect(first.some((x) => /\{\w+\}/.test(x.body + x.subject))).toBe(false);
  });

  it('leaves open tasks, some overdue and some due today, and sets last activity times', async () => {
    const ws = await seeded();
    const mine = await getMyTasks(ws.admin.ctx, { now });
    expect(mine.groups.overdue.total).toBeGreaterThan(0);
    expect(mine.groups.today.total).toBeGreaterThan(0);
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from contacts
      where workspace_id = ${ws.workspaceId} and last_activity_at is not null`,
    );
    expect(n).toBeGreaterThan(20);
  });
});
