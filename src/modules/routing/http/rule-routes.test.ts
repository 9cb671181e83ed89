import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { routingWorkspace } from '../testing/routing-fixtures.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const europe = { predicate: 'company', where: { field: 'country', op: 'in', value: ['DE', 'FR'] } };

describe('routing rules', () => {
  it('creates, lists in order, reorders, changes and deletes rules (admin only)', async () => {
    const ws = await createTestWorkspace(t);
    const { teamId, members } = await routingWorkspace(ws, 2);
    const a = (
      await ws.admin.api.post('/api/routing/rules', { name: 'Europe', conditions: europe, strategy: 'round_robin', teamId })
    ).json();
    const b = (
      await ws.admin.api.post('/api/routing/rules', { name: 'Everyone else', strategy: 'owner', ownerId: members[0]!.userId })
    ).json();
    expect(a).toMatchObject({ position: 1, active: true, strategy: 'round_robin', teamId, ownerId: null });
    expect(b).toMatchObject({ position: 2, conditions: { and: [] }, ownerId: members[0]!.userId, teamId: null });
    const reordered = await ws.admin.api.post('/api/routing/rules/reorder', { ids: [b.id, a.id] });
    expect(reordered.json().items.map((r: { name: string }) => r.name)).toEqual(['Everyone else', 'Europe']);
    const off = await ws.admin.api.patch(`/api/routing/rules/${a.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false, name: 'Europe' });
    expect(
      (await members[0]!.api.post('/api/routing/rules', { name: 'x', strategy: 'owner', ownerId: members[0]!.userId })).statusCode,
    ).toBe(403);
    expect((await members[0]!.api.get('/api/routing/rules')).json().items).toHaveLength(2);
    expect((await ws.admin.api.delete(`/api/routing/rules/${a.id}`)).statusCode).toBe(200);
    expect((await ws.admin.api.get('/api/routing/rules')).json().items.map((r: { id: string }) => r.id)).toEqual([b.id]);
  });

  it('rejects bad conditions, a missing team or owner, a foreign team and an incomplete reorder, with paths', async () => {
    const ws = await createTestWorkspace(t);
    const other = await createTestWorkspace(t);
    const { teamId } = await routingWorkspace(other, 1);
    const bad = await ws.admin.api.post('/api/routing/rules', {
      name: 'x',
      strategy: 'owner',
      ownerId: ws.admin.userId,
      conditions: { field: 'shoe_size', op: 'eq', value: 3 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'filter_invalid', details: { path: ['body', 'conditions', 'field'] } });
    const noTeam = await ws.admin.api.post('/api/routing/rules', { name: 'x', strategy: 'round_robin' });
    expect(noTeam.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'teamId'] } });
    const foreign = await ws.admin.api.post('/api/routing/rules', { name: 'x', strategy: 'least_loaded', teamId });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'team_not_found', details: { path: ['body', 'teamId'] } });
    const noOwner = await ws.admin.api.post('/api/routing/rules', { name: 'x', strategy: 'owner', ownerId: other.admin.userId });
    expect(noOwner.json().error).toMatchObject({ code: 'user_not_found', details: { path: ['body', 'ownerId'] } });
    const r = (await ws.admin.api.post('/api/routing/rules', { name: 'ok', strategy: 'owner', ownerId: ws.admin.userId })).json();
    await ws.admin.api.post('/api/routing/rules', { name: 'ok2', strategy: 'owner', ownerId: ws.admin.userId });
    const partial = await ws.admin.api.post('/api/routing/rules/reorder', { ids: [r.id] });
    expect(partial.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'ids'] } });
  });

  it('previews a draft rule and the saved rules against a contact without moving the round-robin cursor', async () => {
    const ws = await createTestWorkspace(t);
    const { teamId, members, company } = await routingWorkspace(ws, 2);
    const berlin = await company('Berlinco', 'DE', 50);
    const contact = (await ws.admin.api.post('/api/contacts', { firstName: 'Greta', companyId: berlin, ownerId: null })).json();
    const draft = { name: 'Europe', conditions: europe, strategy: 'round_robin', teamId };
    const first = (await ws.admin.api.post('/api/routing/preview', { contactId: contact.id, rule: draft })).json();
    const again = (await ws.admin.api.post('/api/routing/preview', { contactId: contact.id, rule: draft })).json();
    expect(first).toMatchObject({ isLead: true, reason: 'rule', ruleName: 'Europe' });
    expect(members.map((m) => m.userId)).toContain(first.ownerId);
    expect(again.ownerId).toBe(first.ownerId);
    const us = { ...draft, conditions: { predicate: 'company', where: { field: 'country', op: 'eq', value: 'US' } } };
    const miss = (await ws.admin.api.post('/api/routing/preview', { contactId: contact.id, rule: us })).json();
    expect(miss).toMatchObject({ reason: 'unassigned', ownerId: null, trace: [{ matched: false }] });
    const saved = (await ws.admin.api.post('/api/routing/preview', { contactId: contact.id })).json();
    expect(saved).toMatchObject({ reason: 'unassigned', trace: [] });
    const missing = await ws.admin.api.post('/api/routing/preview', { contactId: '01900000-0000-7000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    const badDraft = await ws.admin.api.post('/api/routing/preview', {
      contactId: contact.id,
      rule: { name: 'x', strategy: 'round_robin' },
    });
    expect(badDraft.json().error.details.path).toEqual(['body', 'rule', 'teamId']);
  });
});

describe('routing new leads', () => {
  it('gives a lead created without an owner to the first matching rule: territory, then specific owner, then fallback', async () => {
    const ws = await createTestWorkspace(t);
    const { teamId, members, company } = await routingWorkspace(ws, 2);
    const big = await company('Bigcorp', 'US', 5000);
    const paris = await company('Parisco', 'FR', 20);
    const tokyo = await company('Tokyoco', 'JP', 20);
    await ws.admin.api.post('/api/routing/rules', {
      name: 'Enterprise',
      conditions: { predicate: 'company', where: { field: 'employee_count', op: 'gte', value: 1000 } },
      strategy: 'owner',
      ownerId: members[1]!.userId,
    });
    await ws.admin.api.post('/api/routing/rules', { name: 'Europe', conditions: europe, strategy: 'round_robin', teamId });
    await ws.admin.api.patch('/api/routing/settings', { enabled: true, fallbackOwnerId: ws.admin.userId });
    const lead = async (companyId: string, extra = {}) =>
      (await ws.admin.api.post('/api/contacts', { firstName: 'Lead', companyId, lifecycleStage: 'lead', ...extra })).json();
    expect((await lead(big)).ownerId).toBe(members[1]!.userId);
    expect(members.map((m) => m.userId)).toContain((await lead(paris)).ownerId);
    const fallback = await lead(tokyo);
    expect(fallback.ownerId).toBe(ws.admin.userId);
    // Named owners and non-leads are left alone.
    expect((await lead(big, { ownerId: members[0]!.userId })).ownerId).toBe(members[0]!.userId);
    expect((await lead(big, { lifecycleStage: 'customer' })).ownerId).toBe(ws.admin.userId);
    const assignments = await rows<{ reason: string; rule_name: string | null }>(
      t.database.db,
      sql`select reason, rule_name from lead_assignments where workspace_id = ${ws.workspaceId} order by created_at, id`,
    );
    expect(assignments).toEqual([
      { reason: 'rule', rule_name: 'Enterprise' },
      { reason: 'rule', rule_name: 'Europe' },
      { reason: 'fallback', rule_name: null },
    ]);
    const events = await rows<{ type: string }>(
      t.database.db,
      sql`select type from outbox_events where workspace_id = ${ws.workspaceId} and type = 'lead.assigned'`,
    );
    expect(events).toHaveLength(3);
    const inbox = (await members[1]!.api.get('/api/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'lead_assigned', link: expect.stringMatching(/^\/contacts\//) });
  });

  it('leaves a lead unassigned when nothing matches and there is no fallback; keeps the creator when routing is off', async () => {
    const ws = await createTestWorkspace(t);
    const { company } = await routingWorkspace(ws, 1);
    const tokyo = await company('Tokyoco', 'JP', 20);
    expect((await ws.admin.api.post('/api/contacts', { firstName: 'A', companyId: tokyo })).json().ownerId).toBe(ws.admin.userId);
    await ws.admin.api.patch('/api/routing/settings', { enabled: true });
    expect((await ws.admin.api.post('/api/contacts', { firstName: 'B', companyId: tokyo })).json().ownerId).toBeNull();
    const queue = (await ws.admin.api.get('/api/leads/waiting')).json();
    expect(queue.items).toMatchObject([{ displayName: 'B', status: 'unassigned', ownerId: null }]);
  });

  it('round robin stays fair under 20 concurrent creates', async () => {
    const ws = await createTestWorkspace(t);
    const { teamId, members } = await routingWorkspace(ws, 4);
    await ws.admin.api.post('/api/routing/rules', { name: 'All', strategy: 'round_robin', teamId });
    await ws.admin.api.patch('/api/routing/settings', { enabled: true });
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ws.admin.api.post('/api/contacts', { firstName: `Lead ${i}`, lifecycleStage: 'lead' })),
    );
    expect(created.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const counts = new Map<string, number>();
    for (const r of created) counts.set(r.json().ownerId, (counts.get(r.json().ownerId) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(members.map((m) => m.userId).sort());
    expect([...counts.values()]).toEqual([5, 5, 5, 5]);
  });

  it('least-loaded gives the lead to the member with the fewest open leads, or open tasks', async () => {
    const ws = await createTestWorkspace(t);
    const { teamId, members } = await routingWorkspace(ws, 3);
    const [a, b, c] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    for (const m of [a, a, b]) await ws.admin.api.post('/api/contacts', { firstName: 'Old', lifecycleStage: 'lead', ownerId: m.userId });
    const rule = (await ws.admin.api.post('/api/routing/rules', { name: 'Load', strategy: 'least_loaded', teamId })).json();
    await ws.admin.api.patch('/api/routing/settings', { enabled: true });
    const next = async () => (await ws.admin.api.post('/api/contacts', { firstName: 'New', lifecycleStage: 'lead' })).json().ownerId;
    expect(await next()).toBe(c.userId); // a 2, b 1, c 0
    const second = await next(); // a 2, b 1, c 1: b or c, whichever comes after c in the ring
    expect([b.userId, c.userId]).toContain(second);
    for (const m of [b, c, b, c]) await ws.admin.api.post('/api/tasks', { title: 'Busy', assigneeId: m.userId });
    await ws.admin.api.patch(`/api/routing/rules/${rule.id}`, { loadMeasure: 'open_tasks' });
    expect(await next()).toBe(a.userId); // a has no open tasks
  });
});
