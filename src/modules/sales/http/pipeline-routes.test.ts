import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

describe('pipelines', () => {
  it('creates the default stages when none are given, in board order', async () => {
    const res = await ws.admin.api.post('/api/pipelines', { name: 'New business', rottingDays: 14 });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.stages.map((s: { name: string }) => s.name)).toEqual(['Qualification', 'Discovery', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(p.stages[2]).toMatchObject({ probability: 50, type: 'open', requiredFields: ['amount', 'close_date'] });
    expect(p.stages[4]).toMatchObject({ type: 'won', probability: 100 });
    expect((await ws.admin.api.get('/api/pipelines')).json().items.map((x: { id: string }) => x.id)).toContain(p.id);
  });

  it('refuses unknown required fields, duplicate names, two won stages and no open stage, naming the entry', async () => {
    const bad = await ws.admin.api.post('/api/pipelines', {
      name: 'Bad',
      stages: [{ name: 'A' }, { name: 'B', requiredFields: ['amount', 'shoe_size'] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.path).toEqual(['body', 'stages', 1, 'requiredFields', 1]);
    const dup = await ws.admin.api.post('/api/pipelines', { name: 'Dup', stages: [{ name: 'A' }, { name: 'a' }] });
    expect(dup.json().error.details.path).toEqual(['body', 'stages', 1, 'name']);
    const won = await ws.admin.api.post('/api/pipelines', {
      name: 'Won twice',
      stages: [{ name: 'A' }, { name: 'W1', type: 'won' }, { name: 'W2', type: 'won' }],
    });
    expect(won.statusCode).toBe(400);
    const closedOnly = await ws.admin.api.post('/api/pipelines', { name: 'Closed', stages: [{ name: 'W', type: 'won' }] });
    expect(closedOnly.json().error.message).toMatch(/open stage/);
  });

  it('accepts a custom deal field as a stage requirement', async () => {
    await ws.admin.api.post('/api/custom-fields', { entityType: 'deal', key: 'budget_owner', label: 'Budget owner', type: 'text' });
    const res = await ws.admin.api.post('/api/pipelines', {
      name: 'Custom',
      stages: [{ name: 'Lead' }, { name: 'Budgeted', requiredFields: ['custom.budget_owner'] }],
    });
    expect(res.statusCode).toBe(201);
  });

  it('replaces stages, keeps those with ids, and refuses to drop a stage that holds deals', async () => {
    const p = (await ws.admin.api.post('/api/pipelines', { name: 'Editable' })).json();
    const [first, second] = p.stages;
    await ws.admin.api.post('/api/deals', { name: 'Sticky', stageId: first.id });
    const kept = await ws.admin.api.patch(`/api/pipelines/${p.id}`, {
      stages: [
        { id: second.id, name: 'Discovery call', probability: 30 },
        { id: first.id, name: 'Qualification', probability: 5 },
        { name: 'Closed won', type: 'won' },
      ],
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().stages.map((s: { name: string; probability: number }) => [s.name, s.probability])).toEqual([
      ['Discovery call', 30],
      ['Qualification', 5],
      ['Closed won', 100],
    ]);
    const drop = await ws.admin.api.patch(`/api/pipelines/${p.id}`, { stages: [{ id: second.id, name: 'Only' }] });
    expect(drop.statusCode).toBe(409);
    expect(drop.json().error).toMatchObject({ code: 'stage_has_deals', details: { stageId: first.id, deals: 1 } });
    expect((await ws.admin.api.delete(`/api/pipelines/${p.id}`)).statusCode).toBe(409);
  });

  it('lets only admins and sales managers change pipelines', async () => {
    const rep = await ws.member('sales_rep');
    expect((await rep.api.post('/api/pipelines', { name: 'Mine' })).statusCode).toBe(403);
    expect((await rep.api.get('/api/pipelines')).statusCode).toBe(200);
    const manager = await ws.member('sales_manager');
    expect((await manager.api.post('/api/pipelines', { name: 'Managed' })).statusCode).toBe(201);
  });
});
