import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  await ws.admin.api.post('/api/custom-fields', { entityType: 'contact', key: 'budget', label: 'Budget', type: 'number' });
});
afterAll(() => t.close());

const db = () => t.database.db;
const post = async (url: string, body: unknown, status = 201) => {
  const res = await ws.admin.api.post(url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
const contact = async (body: Record<string, unknown>) => (await post('/api/contacts', { companyId: null, ...body })).id as string;
const note = async (body: string, links: [string, string][]) =>
  (await post('/api/activities', { type: 'note', body, links: links.map(([entityType, entityId]) => ({ entityType, entityId })) }))
    .id as string;
const count = async (q: SQL) => (await rows<{ n: number }>(db(), q))[0]!.n;

describe('merging contacts', () => {
  it('moves every email, phone, company, activity, task, history entry and link to the survivor', async () => {
    const acme = (await post('/api/companies', { name: 'Acme', domain: 'acme-merge.example' })).id;
    const globex = (await post('/api/companies', { name: 'Globex', domain: 'globex-merge.example' })).id;
    const s = await contact({
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: [{ email: 'ada@acme-merge.example' }],
      phones: [{ phone: '+1 202 555 0001' }],
      companyId: acme,
      lifecycleStage: 'lead',
      tags: ['vip'],
      custom: { budget: 10 },
    });
    const m1 = await contact({
      firstName: 'Ada',
      lastName: 'King',
      title: 'Countess',
      emails: [{ email: 'ada.king@globex-merge.example' }, { email: 'ada@home.example' }],
      phones: [{ phone: '+1 202 555 0002' }, { phone: '+1 202 555 0001' }],
      companyId: globex,
      lifecycleStage: 'customer',
      tags: ['speaker'],
      custom: { budget: 20 },
    });
    const m2 = await contact({ firstName: 'Augusta', lastName: 'Byron', emails: [{ email: 'augusta@byron.example' }], companyIds: [acme] });
    const a1 = await note('on the survivor', [['contact', s]]);
    const a2 = await note('on a merged one', [['contact', m1]]);
    const a3 = await note('on both', [
      ['contact', s],
      ['contact', m1],
    ]);
    const a4 = await note('on a merged one and a company', [
      ['contact', m1],
      ['company', globex],
    ]);
    const task = (await post('/api/tasks', { title: 'Call back', entityType: 'contact', entityId: m2 })).id;
    await post(`/api/contacts/${m1}/consent`, { status: 'subscribed', legalBasis: 'consent' });
    await db().execute(sql`insert into notifications (id, workspace_id, user_id, kind, title, link)
      values (gen_random_uuid(), ${ws.workspaceId}, ${ws.admin.userId}, 'mention', 'Look', ${`/contacts/${m1}`})`);

    // An import keyed by a source system's id remembered the merged record under that id.
    await db().execute(
      sql`insert into external_ids (workspace_id, entity_type, external_id, record_id) values (${ws.workspaceId}, 'contact', 'sf-003', ${m1})`,
    );
    const res = await ws.admin.api.post('/api/contacts/merge', {
      survivorId: s,
      mergedIds: [m1, m2],
      fields: { title: m1, 'custom.budget': m1, email: m1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({
      id: s,
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: 'Countess',
      email: 'ada.king@globex-merge.example',
      phone: '+12025550001',
      companyId: acme,
      lifecycleStage: 'customer',
      custom: { budget: 20 },
      emailConsent: 'subscribed',
    });
    expect(merged.tags.sort()).toEqual(['speaker', 'vip']);
    expect(merged.emails.map((e: { email: string }) => e.email).sort()).toEqual([
      'ada.king@globex-merge.example',
      'ada@acme-merge.example',
      'ada@home.example',
      'augusta@byron.example',
    ]);
    expect(merged.emails.filter((e: { isPrimary: boolean }) => e.isPrimary)).toEqual([
      { email: 'ada.king@globex-merge.example', isPrimary: true },
    ]);
    expect(merged.phones.map((p: { phone: string }) => p.phone).sort()).toEqual(['+12025550001', '+12025550002']);
    expect(merged.companyIds).toEqual([globex]);

    const activities = (await ws.admin.api.get(`/api/activities?entityType=contact&entityId=${s}`))
      .json()
      .items.map((a: { id: string }) => a.id);
    expect(activities.sort()).toEqual([a1, a2, a3, a4].sort());
    expect(await count(sql`select count(*)::int as n from activity_links where activity_id = ${a4}`)).toBe(2);
    expect((await ws.admin.api.get(`/api/tasks/${task}`)).json()).toMatchObject({ entityType: 'contact', entityId: s });
    const history = (await ws.admin.api.get(`/api/contacts/${s}/lifecycle-history`)).json().items;
    expect(history.map((h: { toStage: string; rule: string | null }) => `${h.toStage}:${h.rule ?? ''}`).sort()).toEqual([
      'customer:',
      'customer:merge',
      'lead:',
    ]);
    expect((await ws.admin.api.get(`/api/contacts/${s}/consent`)).json().items).toHaveLength(1);
    expect(await count(sql`select count(*)::int as n from notifications where link = ${`/contacts/${s}`}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from contacts where id in (${m1}, ${m2})`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from external_ids where external_id = 'sf-003' and record_id = ${s}`)).toBe(1);
    expect((await ws.admin.api.get(`/api/timeline/contact/${s}`)).statusCode).toBe(200);

    const [audit] = await rows<{ before: unknown[]; after: { mergedIds: string[] } }>(
      db(),
      sql`select before, after from audit_log where action = 'contact.merged' and entity_id = ${s}`,
    );
    expect(audit!.before).toHaveLength(3);
    expect(audit!.after.mergedIds).toEqual([m1, m2]);
    const [event] = await rows<{ data: unknown }>(
      db(),
      sql`select data from outbox_events where type = 'contact.merged' and entity_id = ${s}`,
    );
    expect(event!.data).toEqual({ survivorId: s, mergedIds: [m1, m2] });
  });

  it('resolves merged ids to the survivor, through older merges too', async () => {
    const x = await contact({ firstName: 'Xavier', lastName: 'Old' });
    const y = await contact({ firstName: 'Xavier', lastName: 'Older' });
    const z = await contact({ firstName: 'Xavier', lastName: 'Oldest' });
    await post('/api/contacts/merge', { survivorId: y, mergedIds: [x] }, 200);
    await post('/api/contacts/merge', { survivorId: z, mergedIds: [y] }, 200);
    const got = await ws.admin.api.get(`/api/contacts/${x}`);
    expect(got.json()).toMatchObject({ id: z, mergedFrom: x });
    expect(await rows(db(), sql`select alias_id, target_id from record_aliases where target_id = ${z} order by alias_id`)).toHaveLength(2);
  });

  it('refuses a merge with itself, of more than ten records, or of unknown fields', async () => {
    const s = await contact({ firstName: 'Solo' });
    const self = await ws.admin.api.post('/api/contacts/merge', { survivorId: s, mergedIds: [s] });
    expect(self.statusCode).toBe(400);
    expect(self.json().error).toMatchObject({ code: 'merge_with_self', details: { path: ['body', 'mergedIds', 0] } });
    const many = Array.from({ length: 10 }, () => crypto.randomUUID());
    const tooMany = await ws.admin.api.post('/api/contacts/merge', { survivorId: s, mergedIds: many });
    expect(tooMany.json().error).toMatchObject({ code: 'merge_too_many_records', details: { path: ['body', 'mergedIds'] } });
    const other = await contact({ firstName: 'Other' });
    const bad = await ws.admin.api.post('/api/contacts/merge', { survivorId: s, mergedIds: [other], fields: { shoeSize: other } });
    expect(bad.json().error).toMatchObject({ code: 'merge_field_invalid', details: { path: ['body', 'fields', 'shoeSize'] } });
    const outside = await ws.admin.api.post('/api/contacts/merge', {
      survivorId: s,
      mergedIds: [other],
      fields: { title: crypto.randomUUID() },
    });
    expect(outside.json().error.code).toBe('merge_field_invalid');
    expect((await ws.admin.api.get(`/api/contacts/${other}`)).statusCode).toBe(200);
  });

  it('refuses ids of another workspace with a 404 naming the id, and changes nothing', async () => {
    const s = await contact({ firstName: 'Home', emails: [{ email: 'home@here.example' }] });
    const b = await createTestWorkspace(t, 'Beta');
    const foreign = (await b.admin.api.post('/api/contacts', { firstName: 'Foreign', companyId: null })).json().id;
    const res = await ws.admin.api.post('/api/contacts/merge', { survivorId: s, mergedIds: [foreign] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'contact_not_found', details: { id: foreign, path: ['body', 'mergedIds', 0] } });
    expect((await b.admin.api.get(`/api/contacts/${foreign}`)).statusCode).toBe(200);
    const fromB = await b.admin.api.post('/api/contacts/merge', { survivorId: foreign, mergedIds: [s] });
    expect(fromB.statusCode).toBe(404);
    expect((await ws.admin.api.get(`/api/contacts/${s}`)).json().emails).toHaveLength(1);
  });

  it('answers 409 for a record merged before, naming where it went', async () => {
    const s = await contact({ firstName: 'Keeper' });
    const m = await contact({ firstName: 'Gone' });
    const n = await contact({ firstName: 'Next' });
    await post('/api/contacts/merge', { survivorId: s, mergedIds: [m] }, 200);
    const res = await ws.admin.api.post('/api/contacts/merge', { survivorId: n, mergedIds: [m] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'record_already_merged',
      details: { id: m, mergedInto: s, path: ['body', 'mergedIds', 0] },
    });
    expect((await ws.admin.api.get(`/api/contacts/${n}`)).statusCode).toBe(200);
  });

  it('is not allowed to roles without contacts:merge', async () => {
    const rep = await ws.member('sales_rep');
    const res = await rep.api.post('/api/contacts/merge', { survivorId: crypto.randomUUID(), mergedIds: [crypto.randomUUID()] });
    expect(res.statusCode).toBe(403);
  });
});
