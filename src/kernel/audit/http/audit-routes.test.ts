import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../testing/index.ts';
import { recordAudit } from '../record-audit.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Item = {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; label: string };
  before: unknown;
  after: unknown;
};
const actions = (body: { items: Item[] }) => body.items.map((i) => i.action);

/** A workspace whose log holds, oldest first: member.invited, member.role_changed (by a manager), deal.updated. */
async function seeded(): Promise<{ ws: TestWorkspace; managerId: string }> {
  const ws = await createTestWorkspace(t);
  const manager = await ws.member('sales_manager');
  await recordAudit(ws.admin.ctx, { action: 'member.invited', entityType: 'user', entityId: 'u-1', after: { role: 'viewer' } });
  await recordAudit(manager.ctx, {
    action: 'member.role_changed',
    entityType: 'user',
    entityId: 'u-1',
    before: { role: 'viewer' },
    after: { role: 'sales_rep' },
  });
  await recordAudit(ws.admin.ctx, {
    action: 'deal.updated',
    entityType: 'deal',
    entityId: 'd-1',
    before: { stage: 'new' },
    after: { stage: 'won' },
  });
  return { ws, managerId: manager.userId };
}

describe('the audit log API', () => {
  it('lists entries newest first with actor, before and after', async () => {
    const { ws } = await seeded();
    const res = await ws.admin.api.get('/api/audit-log?limit=3');
    expect(res.statusCode).toBe(200);
    const [deal] = res.json().items as Item[];
    expect(deal).toMatchObject({
      action: 'deal.updated',
      entityType: 'deal',
      entityId: 'd-1',
      before: { stage: 'new' },
      after: { stage: 'won' },
      actor: { type: 'user', id: ws.admin.userId, label: ws.admin.email },
    });
    expect(actions(res.json()).slice(1)).toEqual(['member.role_changed', 'member.invited']);
  });

  it('filters by exact action, action prefix, entity, actor and time', async () => {
    const { ws, managerId } = await seeded();
    const get = async (q: string) => (await ws.admin.api.get(`/api/audit-log?${q}`)).json();
    expect(actions(await get('action=member.invited'))).toEqual(['member.invited']);
    expect(actions(await get('action=member.'))).toEqual(['member.role_changed', 'member.invited']);
    expect(actions(await get('action=member.*'))).toEqual(['member.role_changed', 'member.invited']);
    expect(actions(await get('action=member'))).toEqual([]);
    expect(actions(await get('entityType=deal'))).toEqual(['deal.updated']);
    expect(actions(await get('entityType=user&entityId=u-1'))).toEqual(['member.role_changed', 'member.invited']);
    expect(actions(await get(`actorId=${managerId}&entityId=u-1`))).toEqual(['member.role_changed']);
    expect(actions(await get(`actorId=${managerId}`))).not.toContain('deal.updated');

    await t.database.db.execute(
      sql`update audit_log set created_at = '2024-01-15T12:00:00Z' where workspace_id = ${ws.workspaceId} and action = 'member.invited'`,
    );
    expect(actions(await get('from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z'))).toEqual(['member.invited']);
    expect(actions(await get('to=2024-01-15T12:00:00Z'))).toEqual([]);
    expect(actions(await get('from=2024-01-15T12:00:00%2B00:00&to=2024-01-15T12:00:01Z'))).toEqual(['member.invited']);
    expect(actions(await get('from=2024-02-01T00:00:00Z&action=member.'))).toEqual(['member.role_changed']);

    const bad = await ws.admin.api.get('/api/audit-log?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(bad.json().error.message).toContain('from');
  });

  it('pages with a cursor until the last page', async () => {
    const { ws } = await seeded();
    const all = (await ws.admin.api.get('/api/audit-log?limit=500')).json().items.map((i: Item) => i.id);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: Item[]; nextCursor: string | null } = (
        await ws.admin.api.get(`/api/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all);
    expect([...all].sort().reverse()).toEqual(all);
  });

  it('is for admins only', async () => {
    const { ws } = await seeded();
    for (const role of ['marketing', 'sales_manager', 'sales_rep', 'viewer'] as const) {
      const res = await (await ws.member(role)).api.get('/api/audit-log');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it("never shows another workspace's entries, whatever the filter", async () => {
    const mine = await seeded();
    const theirs = await seeded();
    const theirIds = new Set(((await theirs.ws.admin.api.get('/api/audit-log?limit=500')).json().items as Item[]).map((i) => i.id));
    for (const q of [
      '',
      'action=member.',
      'entityType=user&entityId=u-1',
      `actorId=${theirs.managerId}`,
      `actorId=${theirs.ws.admin.userId}`,
    ]) {
      const items = (await mine.ws.admin.api.get(`/api/audit-log?limit=500&${q}`)).json().items as Item[];
      expect(items.filter((i) => theirIds.has(i.id))).toEqual([]);
    }
    expect((await mine.ws.admin.api.get(`/api/audit-log?actorId=${theirs.managerId}`)).json().items).toEqual([]);
  });

  it('redacts passwords, secrets, tokens and hashes, also when nested', async () => {
    const ws = await createTestWorkspace(t);
    await recordAudit(ws.admin.ctx, {
      action: 'integration.updated',
      entityType: 'integration',
      entityId: 'i-1',
      before: { name: 'Mail', password: 'hunter2', apiToken: 'tok-123', resetToken: null },
      after: {
        name: 'Mail',
        smtp: { host: 'smtp.example.com', password: 'hunter3' },
        keys: [{ keyHash: 'abc', label: 'k' }],
        clientSecret: 'shh',
      },
    });
    const res = await ws.admin.api.get('/api/audit-log?action=integration.updated');
    const [entry] = res.json().items as Item[];
    expect(entry!.before).toEqual({ name: 'Mail', password: '[redacted]', apiToken: '[redacted]', resetToken: null });
    expect(entry!.after).toEqual({
      name: 'Mail',
      smtp: { host: 'smtp.example.com', password: '[redacted]' },
      keys: [{ keyHash: '[redacted]', label: 'k' }],
      clientSecret: '[redacted]',
    });
    for (const secret of ['hunter2', 'hunter3', 'tok-123', 'abc', 'shh']) expect(res.body).not.toContain(secret);
  });
});
