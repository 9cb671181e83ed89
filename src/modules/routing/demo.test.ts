import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { seedRoutingDemo } from './demo.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('routing demo', () => {
  it('sets up teams, rules and an SLA, and leaves leads answered, late and waiting', async () => {
    const ws = await createTestWorkspace(t);
    for (let i = 0; i < 4; i++) await ws.member('sales_rep');
    const places = [
      ['DE', 40],
      ['US', 80],
      ['JP', 30],
      ['FR', 2500],
      ['GB', 12],
      ['CA', 300],
    ] as const;
    for (const [i, [country, employeeCount]] of places.entries())
      await ws.admin.api.post('/api/companies', { name: `Co ${i}`, domain: `co${i}.example`, country, employeeCount });
    await seedRoutingDemo(t, ws.workspaceId, ws.admin.userId, 30);
    const rules = (await ws.admin.api.get('/api/routing/rules')).json().items;
    expect(rules.map((r: { name: string }) => r.name)).toEqual(['Strategic accounts (1,000+ employees)', 'Europe', 'Americas']);
    const queue = (await ws.admin.api.get('/api/leads/waiting?limit=100')).json();
    expect(queue.summary.waiting).toBeGreaterThan(3);
    expect(queue.summary.breached).toBeGreaterThan(0);
    expect(queue.summary.unassigned).toBeGreaterThan(0);
    const stats = (await ws.admin.api.get('/api/leads/response-times')).json();
    expect(stats.reps.length).toBeGreaterThan(1);
    expect(stats.reps.some((r: { touched: number }) => r.touched > 0)).toBe(true);
    expect(stats.reps.some((r: { breached: number }) => r.breached > 0)).toBe(true);
  });
});
