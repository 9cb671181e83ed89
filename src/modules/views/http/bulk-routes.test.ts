import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { contactRow, insertContacts, newContact, traces } from '../testing/records.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep: TestMember;
let manager: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  [rep, manager] = [await ws.member('sales_rep'), await ws.member('sales_manager')];
});
afterAll(() => t.close());

const db = () => t.database.db;
const three = (tag: string) =>
  Promise.all(
    [1, 2, 3].map((i) => newContact(ws.admin, { firstName: `${tag}${i}`, emails: [{ email: `${tag}${i}@example.com` }], tags: ['seed'] })),
  );

describe('bulk actions run inline', () => {
  it('changes the owner of selected contacts in one operation with one audit entry and one event, and undoes it', async () => {
    const ids = await three('own');
    await t.database.db.execute(sql`update contacts set owner_id = ${manager.userId} where id = ${ids[0]}`);
    const res = await ws.admin.api.post('/api/bulk/contacts', {
      selection: { ids },
      action: 'change_owner',
      params: { ownerId: rep.userId },
    });
    expect(res.statusCode).toBe(200);
    const op = res.json();
    expect(op).toMatchObject({ status: 'completed', done: 3, total: 3, result: { changed: 3, missing: 0 }, undoable: true, jobId: null });
    for (const id of ids) expect((await contactRow(db(), id))!.owner_id).toBe(rep.userId);
    const { audit, events } = await traces(db(), op.id);
    expect(audit.map((a) => a.action)).toEqual(['bulk.change_owner']);
    expect(audit[0]!.after).toMatchObject({ count: 3, entityType: 'contact', selection: { idCount: 3 } });
    expect(events.map((e) => e.type)).toEqual(['bulk.completed']);
    expect(
      (await rows(db(), sql`select 1 from audit_log where entity_id = any(${sql.param(ids)}::text[]) and action like 'contact.%updated'`))
        .length,
    ).toBe(0);

    const undo = await ws.admin.api.post(`/api/bulk/${op.id}/undo`);
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ status: 'undone', undoable: false, result: { undo: { total: 3, restored: 3, notRestorable: 0 } } });
    expect((await contactRow(db(), ids[0]!))!.owner_id).toBe(manager.userId);
    expect((await contactRow(db(), ids[1]!))!.owner_id).toBe(ws.admin.userId);
    expect((await traces(db(), op.id)).audit.map((a) => a.action)).toEqual(['bulk.change_owner', 'bulk.undo']);
    const again = await ws.admin.api.post(`/api/bulk/${op.id}/undo`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('bulk_not_undoable');
  });

  it('adds and removes tags by filter, counting only records that change, and undoes both', async () => {
    const ids = await three('tag');
    const filter = { field: 'email', op: 'contains', value: 'tag' };
    const add = (
      await ws.admin.api.post('/api/bulk/contacts', {
        selection: { filter },
        action: 'add_tags',
        params: { tags: ['VIP', ' seed ', 'vip'] },
      })
    ).json();
    expect(add).toMatchObject({ status: 'completed', done: 3, result: { changed: 3 }, params: { tags: ['VIP', 'seed'] } });
    expect((await contactRow(db(), ids[0]!))!.tags).toEqual(['seed', 'VIP']);
    const again = (
      await ws.admin.api.post('/api/bulk/contacts', { selection: { filter }, action: 'add_tags', params: { tags: ['vip'] } })
    ).json();
    expect(again.result.changed).toBe(0);
    const remove = (
      await ws.admin.api.post('/api/bulk/contacts', { selection: { ids }, action: 'remove_tags', params: { tags: ['SEED'] } })
    ).json();
    expect(remove.result.changed).toBe(3);
    expect((await contactRow(db(), ids[1]!))!.tags).toEqual(['VIP']);
    expect((await ws.admin.api.post(`/api/bulk/${remove.id}/undo`)).json().result.undo.restored).toBe(3);
    expect((await contactRow(db(), ids[1]!))!.tags).toEqual(['seed', 'VIP']);
    expect((await ws.admin.api.post(`/api/bulk/${add.id}/undo`)).statusCode).toBe(200);
    expect((await contactRow(db(), ids[2]!))!.tags).toEqual(['seed']);
  });

  it('sets the lifecycle stage with a history row per contact, and undo appends the way back', async () => {
    const lead = await newContact(ws.admin, { firstName: 'Stage1', lifecycleStage: 'lead' });
    const none = await newContact(ws.admin, { firstName: 'Stage2' });
    const done = await newContact(ws.admin, { firstName: 'Stage3', lifecycleStage: 'customer' });
    const history = async (id: string) => (await ws.admin.api.get(`/api/contacts/${id}/lifecycle-history`)).json();
    const op = (
      await ws.admin.api.post('/api/bulk/contacts', {
        selection: { ids: [lead, none, done] },
        action: 'set_lifecycle',
        params: { stage: 'customer' },
      })
    ).json();
    expect(op.result.changed).toBe(2);
    expect((await history(lead)).items.at(-1)).toMatchObject({
      fromStage: 'lead',
      toStage: 'customer',
      actorType: 'api_key',
      actorId: ws.admin.userId,
    });
    expect((await history(none)).items.map((h: { toStage: string }) => h.toStage)).toEqual(['customer']);
    expect((await history(done)).items).toHaveLength(1);

    const undo = (await ws.admin.api.post(`/api/bulk/${op.id}/undo`)).json();
    expect(undo.result.undo).toMatchObject({ total: 2, restored: 2, notRestorable: 0 });
    const back = await history(lead);
    expect(back.current).toBe('lead');
    expect(back.items.map((h: { fromStage: string | null; toStage: string }) => [h.fromStage, h.toStage])).toEqual([
      [null, 'lead'],
      ['lead', 'customer'],
      ['customer', 'lead'],
    ]);
    // Back to "no stage": history rows always name a stage, so the contact just loses it.
    expect((await contactRow(db(), none))!.lifecycle_stage).toBeNull();
    expect((await history(none)).items).toHaveLength(1);
    expect((await history(done)).current).toBe('customer');
  });

  it('deletes contacts and undeletes them, except one whose email another contact took meanwhile', async () => {
    const ids = await three('gone');
    const op = (await ws.admin.api.post('/api/bulk/contacts', { selection: { ids }, action: 'delete' })).json();
    expect(op.result.changed).toBe(3);
    expect((await ws.admin.api.get(`/api/contacts/${ids[0]}`)).statusCode).toBe(404);
    const taker = await newContact(ws.admin, { firstName: 'Taker', emails: [{ email: 'gone2@example.com' }] });
    const undo = await ws.admin.api.post(`/api/bulk/${op.id}/undo`);
    expect(undo.statusCode).toBe(200);
    expect(undo.json().result.undo).toMatchObject({
      restored: 2,
      notRestorable: 1,
      failures: [{ id: ids[1], reason: 'email_taken', detail: 'gone2@example.com' }],
    });
    expect((await ws.admin.api.get(`/api/contacts/${ids[0]}`)).json().emails).toEqual([{ email: 'gone1@example.com', isPrimary: true }]);
    expect((await ws.admin.api.get(`/api/contacts/${ids[1]}`)).statusCode).toBe(404);
    expect((await ws.admin.api.get(`/api/contacts/${taker}`)).json().email).toBe('gone2@example.com');
  });

  it('deletes companies and undeletes them unless their domain was reused', async () => {
    const a = (await ws.admin.api.post('/api/companies', { name: 'Alpha', domain: 'alpha.test' })).json().id;
    const b = (await ws.admin.api.post('/api/companies', { name: 'Beta', domain: 'beta.test' })).json().id;
    const op = (await ws.admin.api.post('/api/bulk/companies', { selection: { ids: [a, b] }, action: 'delete' })).json();
    expect(op).toMatchObject({ entityType: 'company', result: { changed: 2 } });
    await ws.admin.api.post('/api/companies', { name: 'Beta again', domain: 'beta.test' });
    const undo = (await ws.admin.api.post(`/api/bulk/${op.id}/undo`)).json();
    expect(undo.result.undo).toMatchObject({ restored: 1, notRestorable: 1, failures: [{ id: b, reason: 'domain_taken' }] });
    expect((await ws.admin.api.get(`/api/companies/${a}`)).statusCode).toBe(200);
  });

  it('changes company owners and tags too', async () => {
    const id = (await ws.admin.api.post('/api/companies', { name: 'Gamma', tags: ['x'] })).json().id;
    const own = (
      await ws.admin.api.post('/api/bulk/companies', { selection: { ids: [id] }, action: 'change_owner', params: { ownerId: rep.userId } })
    ).json();
    expect(own.result.changed).toBe(1);
    const tag = (
      await ws.admin.api.post('/api/bulk/companies', { selection: { ids: [id] }, action: 'add_tags', params: { tags: ['y'] } })
    ).json();
    expect((await ws.admin.api.get(`/api/companies/${id}`)).json()).toMatchObject({ ownerId: rep.userId, tags: ['x', 'y'] });
    await ws.admin.api.post(`/api/bulk/${tag.id}/undo`);
    await ws.admin.api.post(`/api/bulk/${own.id}/undo`);
    expect((await ws.admin.api.get(`/api/companies/${id}`)).json()).toMatchObject({ ownerId: ws.admin.userId, tags: ['x'] });
  });
});

describe('bulk action rules', () => {
  it('refuses bad action parameters with the path of the bad field', async () => {
    const ids = await insertContacts(db(), ws.workspaceId, 2);
    const post = (body: unknown) => ws.admin.api.post('/api/bulk/contacts', body);
    const notUuid = await post({ selection: { ids }, action: 'change_owner', params: { ownerId: 'bob' } });
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.details.issues[0].path).toEqual(['body', 'params', 'ownerId']);
    const stranger = await post({
      selection: { ids },
      action: 'change_owner',
      params: { ownerId: '01a2046c-2fe0-736a-9afc-6fa2c261295f' },
    });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error).toMatchObject({ code: 'user_not_found', details: { path: ['body', 'params', 'ownerId'] } });
    const stage = await post({ selection: { ids }, action: 'set_lifecycle', params: { stage: 'royalty' } });
    expect(stage.json().error.details.issues[0].path).toEqual(['body', 'params', 'stage']);
    const blank = await post({ selection: { ids }, action: 'add_tags', params: { tags: ['  '] } });
    expect(blank.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'params', 'tags'] } });
    const unknown = await post({ selection: { ids }, action: 'explode', params: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toEqual(['body', 'action']);
    const companies = await ws.admin.api.post('/api/bulk/companies', {
      selection: { ids },
      action: 'set_lifecycle',
      params: { stage: 'lead' },
    });
    expect(companies.statusCode).toBe(400);
    expect(companies.json().error.details.issues[0].path).toEqual(['body', 'action']);
    const filter = await post({ selection: { filter: { field: 'nope', op: 'eq', value: 1 } }, action: 'delete' });
    expect(filter.json().error).toMatchObject({ code: 'filter_invalid', details: { path: ['body', 'selection', 'filter', 'field'] } });
    expect(
      (
        await rows(
          db(),
          sql`select 1 from bulk_operations where workspace_id = ${ws.workspaceId} and created_at > now() - interval '1 second' and action = 'explode'`,
        )
      ).length,
    ).toBe(0);
  });

  it('needs contacts:write to change and contacts:delete to delete', async () => {
    const ids = await insertContacts(db(), ws.workspaceId, 1);
    const viewer = await ws.member('viewer');
    expect(
      (await viewer.api.post('/api/bulk/contacts', { selection: { ids }, action: 'add_tags', params: { tags: ['a'] } })).statusCode,
    ).toBe(403);
    const del = await rep.api.post('/api/bulk/contacts', { selection: { ids }, action: 'delete' });
    expect(del.statusCode).toBe(403);
    expect(del.json().error.details.permission).toBe('contacts:delete');
    expect((await contactRow(db(), ids[0]!))!.deleted).toBe(false);
  });

  it('lets a rep act only on the records the rep can see, also when selecting by filter', async () => {
    const own = await insertContacts(db(), ws.workspaceId, 3, { ownerId: rep.userId, tag: 'vis' });
    const others = await insertContacts(db(), ws.workspaceId, 4, { ownerId: manager.userId, tag: 'vis' });
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    try {
      const filter = { field: 'tags', op: 'has_any', value: ['vis'] };
      const op = (
        await rep.api.post('/api/bulk/contacts', { selection: { filter }, action: 'add_tags', params: { tags: ['touched'] } })
      ).json();
      expect(op).toMatchObject({ status: 'completed', done: 3, result: { changed: 3 } });
      const byIds = (
        await rep.api.post('/api/bulk/contacts', {
          selection: { ids: [...own, ...others] },
          action: 'remove_tags',
          params: { tags: ['vis'] },
        })
      ).json();
      expect(byIds.result).toMatchObject({ changed: 3, missing: 4 });
      for (const id of others) expect((await contactRow(db(), id))!.tags).toEqual(['vis']);
      expect((await rep.api.get(`/api/bulk/${op.id}`)).statusCode).toBe(200);
      expect((await (await ws.member('sales_rep')).api.get(`/api/bulk/${op.id}`)).statusCode).toBe(404);
      expect((await ws.admin.api.get(`/api/bulk/${op.id}`)).json().result.changed).toBe(3);
    } finally {
      await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
    }
  });

  it('never touches another workspace’s records, and hides its operations', async () => {
    const ids = await insertContacts(db(), ws.workspaceId, 3, { tag: 'mine' });
    const other = await createTestWorkspace(t, 'Other');
    const res = await other.admin.api.post('/api/bulk/contacts', { selection: { ids }, action: 'delete' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ done: 0, result: { changed: 0, missing: 3 } });
    for (const id of ids) expect((await contactRow(db(), id))!.deleted).toBe(false);
    const byFilter = (
      await other.admin.api.post('/api/bulk/contacts', { selection: { filter: { and: [] } }, action: 'add_tags', params: { tags: ['x'] } })
    ).json();
    expect(byFilter.done).toBe(0);
    const mine = (
      await ws.admin.api.post('/api/bulk/contacts', { selection: { ids }, action: 'add_tags', params: { tags: ['y'] } })
    ).json();
    expect((await other.admin.api.get(`/api/bulk/${mine.id}`)).statusCode).toBe(404);
    expect((await other.admin.api.post(`/api/bulk/${mine.id}/undo`)).statusCode).toBe(404);
    expect((await contactRow(db(), ids[0]!))!.tags).toEqual(['mine', 'y']);
  });

  it('refuses an undo after 7 days with 410 bulk_undo_expired', async () => {
    const ids = await insertContacts(db(), ws.workspaceId, 2);
    const op = (
      await ws.admin.api.post('/api/bulk/contacts', { selection: { ids }, action: 'add_tags', params: { tags: ['old'] } })
    ).json();
    expect(Math.round((new Date(op.expiresAt).getTime() - new Date(op.createdAt).getTime()) / 3_600_000)).toBe(7 * 24);
    await t.database.db.execute(
      sql`update bulk_operations set created_at = now() - interval '8 days', expires_at = now() - interval '1 day' where id = ${op.id}`,
    );
    expect((await ws.admin.api.get(`/api/bulk/${op.id}`)).json().undoable).toBe(false);
    const res = await ws.admin.api.post(`/api/bulk/${op.id}/undo`);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('bulk_undo_expired');
    expect((await contactRow(db(), ids[0]!))!.tags).toEqual(['old']);
  });
});
