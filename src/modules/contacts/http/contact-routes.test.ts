import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { emailHash } from '../suppression.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const create = (body: Record<string, unknown>) => ws.admin.api.post('/api/contacts', body);

describe('creating contacts', () => {
  it('normalizes emails and phones, picks the primary, and builds the display name', async () => {
    const res = await create({
      firstName: ' Grace ',
      lastName: 'Hopper',
      title: 'Rear Admiral',
      emails: [{ email: ' Grace@Navy.MIL ' }, { email: 'grace@home.example.org', primary: true }, { email: 'GRACE@navy.mil' }],
      phones: [{ phone: '+1 (202) 456-1111' }, { phone: '+44 20 7946 0958', kind: 'mobile' }],
      tags: [' vip ', 'VIP', 'speaker'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      displayName: 'Grace Hopper',
      email: 'grace@home.example.org',
      phone: '+12024561111',
      ownerId: ws.admin.userId,
      tags: ['vip', 'speaker'],
      emails: [
        { email: 'grace@home.example.org', isPrimary: true },
        { email: 'grace@navy.mil', isPrimary: false },
      ],
      phones: [
        { phone: '+12024561111', kind: 'work', isPrimary: true },
        { phone: '+442079460958', kind: 'mobile', isPrimary: false },
      ],
    });
    expect((await ws.admin.api.get(`/api/contacts/${res.json().id}`)).json().emails).toHaveLength(2);
  });

  it('uses the email as display name when there is no name, and needs a name, email or phone', async () => {
    expect((await create({ emails: [{ email: 'nameless@example.org' }] })).json().displayName).toBe('nameless@example.org');
    const empty = await create({ title: 'Ghost' });
    expect(empty.statusCode).toBe(400);
  });

  it('rejects a bad email or phone with the path of the entry', async () => {
    const email = await create({ firstName: 'E', emails: [{ email: 'ok@example.org' }, { email: 'not-an-email' }] });
    expect(email.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'emails', 1, 'email'] } });
    const phone = await create({ firstName: 'P', phones: [{ phone: '+44 20 7946 0958' }, { phone: '555-CALL-ME' }] });
    expect(phone.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'phones', 1, 'phone'] } });
    const two = await create({
      firstName: 'T',
      emails: [
        { email: 'a@example.org', primary: true },
        { email: 'b@example.org', primary: true },
      ],
    });
    expect(two.json().error.details.path).toEqual(['body', 'emails', 1, 'primary']);
    const unknown = await create({ firstName: 'U', nickname: 'x' });
    expect(unknown.json().error.details.issues[0].path).toEqual(['body', 'nickname']);
    expect((await create({ firstName: 'S', lifecycleStage: 'prospect' })).json().error.details.issues[0].path).toEqual([
      'body',
      'lifecycleStage',
    ]);
    expect((await create({ firstName: 'L', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })).json().error.details.path).toEqual([
      'body',
      'tags',
    ]);
  });

  it('answers 409 contact_email_taken naming the contact that has the email, on create and update', async () => {
    const first = (await create({ firstName: 'First', emails: [{ email: 'taken@example.org' }] })).json();
    const dup = await create({ firstName: 'Second', emails: [{ email: 'other@example.org' }, { email: 'TAKEN@example.org' }] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'contact_email_taken',
      details: { existingId: first.id, path: ['body', 'emails', 1, 'email'] },
    });
    const second = (await create({ firstName: 'Second', emails: [{ email: 'second@example.org' }] })).json();
    expect(
      (await ws.admin.api.patch(`/api/contacts/${second.id}`, { emails: [{ email: 'taken@example.org' }] })).json().error.details
        .existingId,
    ).toBe(first.id);
    expect(
      (await ws.admin.api.patch(`/api/contacts/${first.id}`, { emails: [{ email: 'taken@example.org' }, { email: 'more@example.org' }] }))
        .statusCode,
    ).toBe(200);
  });

  it('releases the emails of a deleted contact to a new one', async () => {
    const old = (await create({ firstName: 'Old', emails: [{ email: 'reuse@example.org' }] })).json();
    expect((await ws.admin.api.delete(`/api/contacts/${old.id}`)).statusCode).toBe(200);
    expect((await ws.admin.api.get(`/api/contacts/${old.id}`)).statusCode).toBe(404);
    expect((await create({ firstName: 'New', emails: [{ email: 'reuse@example.org' }] })).statusCode).toBe(201);
  });

  it('refuses to re-create an erased person (409 contact_erased)', async () => {
    await t.database.db.execute(
      sql`insert into suppressions (workspace_id, email_hash, reason) values (${ws.workspaceId}, ${emailHash(ws.workspaceId, 'gone@example.org')}, 'erased')`,
    );
    const res = await create({ firstName: 'Gone', emails: [{ email: 'Gone@Example.org' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'contact_erased', details: { path: ['body', 'emails', 0, 'email'] } });
  });

  it('refuses owners from outside the workspace and unknown companies', async () => {
    const stranger = await createTestWorkspace(t, 'Elsewhere');
    expect((await create({ firstName: 'O', ownerId: stranger.admin.userId })).json().error.details.path).toEqual(['body', 'ownerId']);
    const co = (await stranger.admin.api.post('/api/companies', { name: 'Theirs' })).json();
    expect((await create({ firstName: 'C', companyIds: [co.id] })).json().error).toMatchObject({
      code: 'company_not_found',
      details: { path: ['body', 'companyIds', 0] },
    });
  });
});

describe('company association by email domain', () => {
  it('finds or creates the company of a work email', async () => {
    const a = (await create({ firstName: 'A', emails: [{ email: 'a@umbrella-corp.com' }] })).json();
    const b = (await create({ firstName: 'B', emails: [{ email: 'b@Umbrella-Corp.com' }] })).json();
    expect(a.companyId).toBeTruthy();
    expect(b.companyId).toBe(a.companyId);
    expect((await ws.admin.api.get(`/api/companies/${a.companyId}`)).json()).toMatchObject({
      name: 'Umbrella Corp',
      domain: 'umbrella-corp.com',
      contactCount: 2,
    });
  });

  it.each(['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'gmx.de', 'qq.com'])('never associates a %s address', async (domain) => {
    const c = (await create({ firstName: 'Free', emails: [{ email: `someone.${domain.replace('.', '')}@${domain}` }] })).json();
    expect(c.companyId).toBeNull();
    expect(await rows(t.database.db, sql`select 1 from companies where workspace_id = ${ws.workspaceId} and domain = ${domain}`)).toEqual(
      [],
    );
  });

  it('keeps an explicit company (or none) and associates when a company-less contact gets a work email', async () => {
    expect((await create({ firstName: 'N', companyId: null, emails: [{ email: 'n@wayne-ent.com' }] })).json().companyId).toBeNull();
    const c = (await create({ firstName: 'L', emails: [{ email: 'l@gmail.com' }] })).json();
    const updated = (
      await ws.admin.api.patch(`/api/contacts/${c.id}`, { emails: [{ email: 'l@stark-industries.com' }, { email: 'l@gmail.com' }] })
    ).json();
    expect((await ws.admin.api.get(`/api/companies/${updated.companyId}`)).json().domain).toBe('stark-industries.com');
  });
});

describe('lead status', () => {
  it('needs a reason for unqualified and clears it when the status moves on', async () => {
    const c = (await create({ firstName: 'Lead', leadStatus: 'new' })).json();
    const noReason = await ws.admin.api.patch(`/api/contacts/${c.id}`, { leadStatus: 'unqualified' });
    expect(noReason.json().error.details.path).toEqual(['body', 'leadStatusReason']);
    expect(
      (await ws.admin.api.patch(`/api/contacts/${c.id}`, { leadStatus: 'unqualified', leadStatusReason: 'no budget' })).json(),
    ).toMatchObject({ leadStatus: 'unqualified', leadStatusReason: 'no budget' });
    expect((await ws.admin.api.patch(`/api/contacts/${c.id}`, { leadStatus: 'connected' })).json()).toMatchObject({
      leadStatus: 'connected',
      leadStatusReason: null,
    });
  });
});

describe('reading contacts', () => {
  it('resolves a merged-away id to the survivor', async () => {
    const c = (await create({ firstName: 'Survivor' })).json();
    const alias = '01a2046c-2fe0-736a-9afc-6fa2c2610001';
    await t.database.db.execute(
      sql`insert into record_aliases (workspace_id, entity_type, alias_id, target_id) values (${ws.workspaceId}, 'contact', ${alias}, ${c.id})`,
    );
    expect((await ws.admin.api.get(`/api/contacts/${alias}`)).json()).toMatchObject({ id: c.id, mergedFrom: alias });
  });

  it('hides another rep’s contact under own visibility: 404 for get, update and history', async () => {
    const [rep1, rep2, viewer] = [await ws.member('sales_rep'), await ws.member('sales_rep'), await ws.member('viewer')];
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    const c = (await rep1.api.post('/api/contacts', { firstName: 'Mine' })).json();
    expect(c.ownerId).toBe(rep1.userId);
    expect((await rep1.api.get(`/api/contacts/${c.id}`)).statusCode).toBe(200);
    for (const res of [
      await rep2.api.get(`/api/contacts/${c.id}`),
      await rep2.api.patch(`/api/contacts/${c.id}`, { title: 'x' }),
      await rep2.api.get(`/api/contacts/${c.id}/lifecycle-history`),
    ])
      expect(res.statusCode).toBe(404);
    expect((await viewer.api.get(`/api/contacts/${c.id}`)).statusCode).toBe(200);
    expect((await viewer.api.post('/api/contacts', { firstName: 'No' })).statusCode).toBe(403);
    expect((await rep1.api.delete(`/api/contacts/${c.id}`)).statusCode).toBe(403);
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
  });
});

describe('changes are audited and announced', () => {
  it('records before/after and contact.* events', async () => {
    const c = (await create({ firstName: 'Audit', emails: [{ email: 'audit@example.org' }] })).json();
    await ws.admin.api.patch(`/api/contacts/${c.id}`, { title: 'CTO' });
    await ws.admin.api.delete(`/api/contacts/${c.id}`);
    const audit = await rows<{ action: string; before: { title?: string } | null; after: { title?: string } | null }>(
      t.database.db,
      sql`select action, before, after from audit_log where entity_id = ${c.id} order by created_at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['contact.created', 'contact.updated', 'contact.deleted']);
    expect([audit[1]!.before!.title, audit[1]!.after!.title]).toEqual([null, 'CTO']);
    const events = await rows<{ type: string; data: { changed?: string[] } }>(
      t.database.db,
      sql`select type, data from outbox_events where entity_id = ${c.id} order by created_at, id`,
    );
    expect(events.map((e) => e.type)).toEqual(['contact.created', 'contact.updated', 'contact.deleted']);
    expect(events[1]!.data.changed).toEqual(['title']);
  });
});
