import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { createTeam } from '../../identity/index.ts';
import { routingWorkspace, runSubscriber } from '../testing/routing-fixtures.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const nineToFive = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

/** Moves a lead's assignment to a hand-picked time and due time. */
async function assignedAt(workspaceId: string, contactId: string, at: string, due: string) {
  await t.database.db.execute(
    sql`update lead_assignments set assigned_at = ${at}, due_at = ${due} where workspace_id = ${workspaceId} and contact_id = ${contactId}`,
  );
}

const call = (by: TestMember, contactId: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
  by.api.post('/api/activities', {
    type: 'call',
    direction: 'outbound',
    occurredAt,
    links: [{ entityType: 'contact', entityId: contactId }],
    ...extra,
  });

describe('first touch, breaches, the waiting queue and response times', () => {
  it('measures business minutes to the owner’s first call or email, across the weekend, and flags breaches', async () => {
    const ws = await createTestWorkspace(t);
    const { members } = await routingWorkspace(ws, 2);
    const [rep, rep2] = members as [TestMember, TestMember];
    await ws.admin.api.post('/api/routing/rules', { name: 'Rep', strategy: 'owner', ownerId: rep.userId });
    const settings = await ws.admin.api.patch('/api/routing/settings', { enabled: true, slaMinutes: 60, businessHours: nineToFive });
    expect(settings.json()).toMatchObject({ enabled: true, slaMinutes: 60, timezone: 'UTC' });
    const lead = async (name: string) =>
      (await ws.admin.api.post('/api/contacts', { firstName: name, lifecycleStage: 'lead' })).json().id as string;
    const [a, b, c, d] = [await lead('Ann'), await lead('Ben'), await lead('Cai'), await lead('Dee')];
    // Fri 2026-11-13 16:30 UTC with a one-business-hour target: due Mon 2026-11-16 09:30.
    for (const id of [a, b]) await assignedAt(ws.workspaceId, id, '2026-11-13T16:30:00Z', '2026-11-16T09:30:00Z');
    await assignedAt(ws.workspaceId, c, '2026-11-16T10:00:00Z', '2026-11-16T11:00:00Z');

    // Not touches: a note, someone else's call, an inbound email, a call before the assignment.
    await rep.api.post('/api/activities', {
      type: 'note',
      body: 'looked them up',
      occurredAt: '2026-11-16T09:00:00Z',
      links: [{ entityType: 'contact', entityId: a }],
    });
    await call(rep2, a, '2026-11-16T09:05:00Z');
    await rep.api.post('/api/activities', {
      type: 'email',
      direction: 'inbound',
      subject: 'Hello?',
      from: 'ann@example.com',
      to: ['rep@example.com'],
      occurredAt: '2026-11-16T09:10:00Z',
      links: [{ entityType: 'contact', entityId: a }],
    });
    await call(rep, a, '2026-11-13T12:00:00Z');
    // Touches: Ann called Mon 09:20 (30 + 20 = 50 business minutes), Ben Mon 10:00 (90: late).
    expect((await call(rep, a, '2026-11-16T09:20:00Z')).statusCode).toBe(201);
    await rep.api.post('/api/activities', {
      type: 'email',
      direction: 'outbound',
      subject: 'Following up',
      from: 'rep@example.com',
      to: ['ben@example.com'],
      occurredAt: '2026-11-16T10:00:00Z',
      links: [{ entityType: 'contact', entityId: b }],
    });
    await runSubscriber(t, ws.workspaceId, 'routing.first_touch', ['activity.logged']);
    const touched = await rows<{ contact_id: string; response_minutes: number; first_touch_at: Date }>(
      t.database.db,
      sql`select contact_id, response_minutes from lead_assignments where workspace_id = ${ws.workspaceId} and first_touch_at is not null order by response_minutes`,
    );
    expect(touched).toEqual([
      { contact_id: a, response_minutes: 50 },
      { contact_id: b, response_minutes: 90 },
    ]);

    // Cai (overdue) before Dee (due within the hour): breached first.
    const queue = (await ws.admin.api.get('/api/leads/waiting')).json();
    expect(queue.items.map((i: { contactId: string }) => i.contactId)).toEqual([c, d]);
    expect(queue.items[0]).toMatchObject({ breached: true, status: 'untouched', ownerId: rep.userId, ruleName: 'Rep' });
    expect(queue.items[1]).toMatchObject({ breached: false });
    expect(queue.summary).toEqual({ waiting: 2, breached: 1, unassigned: 0 });
    expect((await ws.admin.api.get('/api/leads/waiting?breached=true')).json().items).toHaveLength(1);
    const page1 = (await ws.admin.api.get('/api/leads/waiting?limit=1')).json();
    const page2 = (await ws.admin.api.get(`/api/leads/waiting?limit=1&cursor=${page1.nextCursor}`)).json();
    expect([page1.items[0].contactId, page2.items[0].contactId, page2.nextCursor]).toEqual([c, d, null]);

    // Median of 50 and 90 is 70, p90 = 50 + 0.9 × 40 = 86; within 1 (Ann), breached 2 (Ben late, Cai overdue).
    const stats = (await ws.admin.api.get('/api/leads/response-times?from=2026-11-01')).json();
    expect(stats.reps).toEqual([
      expect.objectContaining({
        userId: rep.userId,
        assigned: 4,
        touched: 2,
        waiting: 2,
        withinSla: 1,
        breached: 2,
        pctWithinSla: 33.3,
        medianMinutes: 70,
        p90Minutes: 86,
      }),
    ]);
    // Deleting Ann's call puts her back in the queue.
    const annCall = await rows<{ id: string }>(
      t.database.db,
      sql`select first_touch_activity_id as id from lead_assignments where workspace_id = ${ws.workspaceId} and contact_id = ${a}`,
    );
    await rep.api.delete(`/api/activities/${annCall[0]!.id}`);
    await runSubscriber(t, ws.workspaceId, 'routing.first_touch', ['activity.deleted']);
    expect((await ws.admin.api.get('/api/leads/waiting')).json().summary.waiting).toBe(3);
  });

  it('restarts the clock for the new owner when a waiting lead is reassigned by hand', async () => {
    const ws = await createTestWorkspace(t);
    const { members } = await routingWorkspace(ws, 2);
    const [rep, rep2] = members as [TestMember, TestMember];
    await ws.admin.api.post('/api/routing/rules', { name: 'Rep', strategy: 'owner', ownerId: rep.userId });
    await ws.admin.api.patch('/api/routing/settings', { enabled: true });
    const id = (await ws.admin.api.post('/api/contacts', { firstName: 'Eve', lifecycleStage: 'lead' })).json().id;
    await ws.admin.api.patch(`/api/contacts/${id}`, { ownerId: rep2.userId });
    await runSubscriber(t, ws.workspaceId, 'routing.owner_change', ['contact.updated']);
    await runSubscriber(t, ws.workspaceId, 'routing.owner_change', ['contact.updated']);
    const [la] = await rows<{ owner_id: string; reason: string }>(
      t.database.db,
      sql`select owner_id, reason from lead_assignments where workspace_id = ${ws.workspaceId} and contact_id = ${id}`,
    );
    expect(la).toEqual({ owner_id: rep2.userId, reason: 'manual' });
    const moves = await rows(
      t.database.db,
      sql`select 1 from outbox_events where workspace_id = ${ws.workspaceId} and type = 'lead.assigned'`,
    );
    expect(moves).toHaveLength(2);
  });

  it('shows reps their own leads and figures, managers their teams’, and routes a waiting lead again', async () => {
    const ws = await createTestWorkspace(t);
    const { members } = await routingWorkspace(ws, 2);
    const [rep, rep2] = members as [TestMember, TestMember];
    const manager = await ws.member('sales_manager');
    await createTeam(ws.admin.ctx, { name: 'Managed', managerId: manager.userId, memberIds: [rep.userId] });
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    await ws.admin.api.patch('/api/routing/settings', { enabled: true });
    const mk = (name: string, ownerId: string | null) =>
      ws.admin.api.post('/api/contacts', { firstName: name, lifecycleStage: 'lead' }).then(async (r) => {
        const contact = r.json();
        if (ownerId) {
          await ws.admin.api.patch(`/api/contacts/${contact.id}`, { ownerId });
          await runSubscriber(t, ws.workspaceId, 'routing.owner_change', ['contact.updated']);
        }
        return contact.id as string;
      });
    const mine = await mk('Mine', rep.userId);
    await mk('Theirs', rep2.userId);
    const nobody = await mk('Nobody', null);
    expect((await rep.api.get('/api/leads/waiting')).json().items.map((i: { contactId: string }) => i.contactId)).toEqual([mine]);
    expect((await rep.api.get('/api/leads/response-times')).json().reps.map((r: { userId: string }) => r.userId)).toEqual([rep.userId]);
    expect((await manager.api.get('/api/leads/response-times')).json().reps.map((r: { userId: string }) => r.userId)).toEqual([rep.userId]);
    expect((await ws.admin.api.get('/api/leads/response-times')).json().reps).toHaveLength(2);
    expect(
      (await ws.admin.api.get('/api/leads/waiting?owner=unassigned')).json().items.map((i: { contactId: string }) => i.contactId),
    ).toEqual([nobody]);

    expect((await rep.api.post(`/api/leads/${nobody}/route`)).statusCode).toBe(403);
    // With own-records visibility a manager cannot see (so cannot route) an unassigned lead; an admin can.
    expect((await manager.api.post(`/api/leads/${nobody}/route`)).statusCode).toBe(404);
    await ws.admin.api.patch('/api/routing/settings', { fallbackOwnerId: rep2.userId });
    const routed = await ws.admin.api.post(`/api/leads/${nobody}/route`);
    expect(routed.json()).toMatchObject({ ownerId: rep2.userId, reason: 'fallback' });
    expect((await ws.admin.api.get(`/api/contacts/${nobody}`)).json().ownerId).toBe(rep2.userId);
    expect((await ws.admin.api.get('/api/leads/waiting?owner=unassigned')).json().items).toEqual([]);
  });

  it('rejects bad settings with paths', async () => {
    const ws = await createTestWorkspace(t);
    const bad = await ws.admin.api.patch('/api/routing/settings', { businessHours: [{ day: 1, start: '17:00', end: '09:00' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toEqual(['body', 'businessHours', '0', 'end']);
    const stranger = await ws.admin.api.patch('/api/routing/settings', { fallbackOwnerId: '01900000-0000-7000-8000-000000000000' });
    expect(stranger.json().error).toMatchObject({ code: 'user_not_found', details: { path: ['body', 'fallbackOwnerId'] } });
    expect((await ws.admin.api.patch('/api/routing/settings', { slaMinutes: 0 })).statusCode).toBe(400);
  });
});
