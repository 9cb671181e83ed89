import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { recordContactEvents } from '../engagement/index.ts';
import { compileDefinition } from './definition.ts';
import { audienceContacts, drainDirtyContacts, rebuildSegment } from './index.ts';
import { countContacts, countParts } from './queries/count-in-parts.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = 86_400_000;
const members = async (segmentId: string) =>
  (
    await rows<{ contact_id: string }>(
      t.database.db,
      sql`select contact_id from segment_members where segment_id = ${segmentId} order by contact_id`,
    )
  ).map((r) => r.contact_id);
const drain = (ws: TestWorkspace) => drainDirtyContacts(t.database.db, { workspaceId: ws.workspaceId });

async function segment(ws: TestWorkspace, definition: unknown, name = 'S') {
  const res = await ws.admin.api.post('/api/segments', { name, definition });
  expect(res.statusCode, res.body).toBe(201);
  const s = res.json() as { id: string; status: string; rebuildJobId: string };
  expect(s.status).toBe('building');
  await rebuildSegment(t.database.db, ws.workspaceId, s.id); // what the queued job runs
  return s.id;
}
const contact = async (ws: TestWorkspace, body: Record<string, unknown>) => {
  const res = await ws.admin.api.post('/api/contacts', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

describe('segment membership', () => {
  it('follows contact, company, list, deal, delete, merge and erase changes of only the changed contacts', async () => {
    const ws = await createTestWorkspace(t);
    const api = ws.admin.api;
    const berlin = (await api.post('/api/companies', { name: 'Berlin GmbH', domain: 'berlin-seg.example', country: 'DE' })).json().id;
    const paris = (await api.post('/api/companies', { name: 'Paris SA', domain: 'paris-seg.example', country: 'FR' })).json().id;
    const anna = await contact(ws, {
      firstName: 'Anna',
      lifecycleStage: 'customer',
      companyId: berlin,
      emails: [{ email: 'anna@berlin-seg.example' }],
    });
    const bert = await contact(ws, { firstName: 'Bert', lifecycleStage: 'lead', companyId: berlin });
    const cleo = await contact(ws, { firstName: 'Cleo', lifecycleStage: 'customer', companyId: paris });
    const dach = await segment(ws, {
      and: [
        { field: 'lifecycle_stage', op: 'eq', value: 'customer' },
        { predicate: 'company', where: { field: 'country', op: 'in', value: ['DE', 'AT', 'CH'] } },
      ],
    });
    expect(await members(dach)).toEqual([anna]);
    expect((await api.get(`/api/segments/${dach}`)).json()).toMatchObject({ status: 'ready', memberCount: 1, timeRelative: false });

    // A contact change: Bert becomes a customer.
    await api.patch(`/api/contacts/${bert}`, { lifecycleStage: 'customer' });
    expect(await drain(ws)).toMatchObject({ contacts: 1, entered: 1, exited: 0 });
    expect(await members(dach)).toEqual([anna, bert].sort());

    // A company change moves its contacts: Paris moves to Austria.
    await api.patch(`/api/companies/${paris}`, { country: 'AT' });
    expect(await drain(ws)).toMatchObject({ entered: 1 });
    expect(await members(dach)).toEqual([anna, bert, cleo].sort());

    // Delete: Cleo leaves.
    await api.delete(`/api/contacts/${cleo}`);
    expect(await drain(ws)).toMatchObject({ exited: 1 });
    expect(await members(dach)).toEqual([anna, bert].sort());

    // Lists: a segment over list membership.
    const list = (await api.post('/api/lists', { name: 'Dinner' })).json().id as string;
    const onList = await segment(ws, { predicate: 'in_list', list });
    expect(await members(onList)).toEqual([]);
    const added = await api.post(`/api/lists/${list}/members`, { contactIds: [anna] });
    expect(added.json()).toMatchObject({ changed: 1, memberCount: 1 });
    await drain(ws);
    expect(await members(onList)).toEqual([anna]);
    await api.post(`/api/lists/${list}/members/remove`, { contactIds: [anna] });
    await drain(ws);
    expect(await members(onList)).toEqual([]);

    // Deals: on an open deal; won moves the contact out and into "won in the last 30 days".
    const pipeline = (await api.post('/api/pipelines', { name: 'Sales' })).json();
    const stage = (n: string) => pipeline.stages.find((s: { name: string }) => s.name === n).id as string;
    const openDeal = await segment(ws, { predicate: 'has_deal', where: { field: 'status', op: 'eq', value: 'open' } });
    const wonRecently = await segment(ws, {
      predicate: 'has_deal',
      role: 'champion',
      where: {
        and: [
          { field: 'status', op: 'eq', value: 'won' },
          { field: 'closed_at', op: 'in_last', value: { n: 30, unit: 'day' } },
        ],
      },
    });
    const deal = (
      await api.post('/api/deals', { name: 'Big', amount: 100, pipelineId: pipeline.id, contacts: [{ contactId: bert, role: 'champion' }] })
    ).json();
    await drain(ws);
    expect(await members(openDeal)).toEqual([bert]);
    expect((await api.post(`/api/deals/${deal.id}/move`, { stageId: stage('Won') })).statusCode).toBe(200);
    await drain(ws);
    expect(await members(openDeal)).toEqual([]);
    expect(await members(wonRecently)).toEqual([bert]);
    expect((await api.get(`/api/segments/${wonRecently}`)).json().timeRelative).toBe(true);

    // Merge: Bert is merged into Anna; his memberships go with his row, Anna gains the deal and its segment.
    expect((await api.post('/api/contacts/merge', { survivorId: anna, mergedIds: [bert] })).statusCode).toBe(200);
    await drain(ws);
    expect(await members(wonRecently)).toEqual([anna]);
    expect(await members(dach)).toEqual([anna]);

    // Erase: every membership and history row of the person goes.
    expect((await api.post(`/api/contacts/${anna}/erase`, {})).statusCode).toBe(200);
    await drain(ws);
    expect(await members(dach)).toEqual([]);
    expect(await rows(t.database.db, sql`select 1 from segment_history where contact_id = ${anna}`)).toEqual([]);

    // History and events: entered/exited in order, and one outbox event per change.
    const history = (await api.get(`/api/segments/${dach}/history`)).json().items as { contactId: string; change: string }[];
    // (Bert's rows went with his merged record, Anna's with her erasure.)
    expect(history.map((h) => [h.contactId, h.change])).toEqual([
      [cleo, 'exited'],
      [cleo, 'entered'],
    ]);
    const events = await rows<{ type: string; entity_id: string }>(
      t.database.db,
      sql`select type, entity_id from outbox_events where workspace_id = ${ws.workspaceId} and type like 'segment.%ed' and data->>'segmentId' = ${dach} order by created_at, id`,
    );
    // (Bert's own entered event may go with his merged record; Cleo's pair stays.)
    expect(events.filter((e) => e.entity_id === cleo).map((e) => e.type)).toEqual(['segment.entered', 'segment.exited']);
    expect(events.every((e) => [bert, cleo].includes(e.entity_id))).toBe(true);
  });

  it('re-evaluates behaviour windows, counts and event filters when events are recorded', async () => {
    const ws = await createTestWorkspace(t);
    const db = t.database.db;
    const a = await contact(ws, { firstName: 'Avid', lifecycleStage: 'marketing_qualified' });
    const b = await contact(ws, { firstName: 'Brief', lifecycleStage: 'marketing_qualified' });
    const pricing = await segment(ws, {
      and: [
        { field: 'lifecycle_stage', op: 'eq', value: 'marketing_qualified' },
        {
          predicate: 'has_event',
          kind: 'page_view',
          where: { field: 'url', op: 'contains', value: '/pricing' },
          count: { op: 'gte', value: 2 },
          within: { n: 30, unit: 'day' },
        },
      ],
    });
    const form = crypto.randomUUID();
    const submitted = await segment(ws, {
      predicate: 'has_event',
      kind: 'form_submit',
      where: { field: 'subject_id', op: 'eq', value: form },
    });
    const now = Date.now();
    await db.transaction((tx) =>
      recordContactEvents(tx, ws.workspaceId, [
        { kind: 'page_view', contactId: a, url: 'https://x.example/pricing', occurredAt: new Date(now - 2 * day) },
        { kind: 'page_view', contactId: a, url: 'https://x.example/pricing?plan=pro', occurredAt: new Date(now - 5 * day) },
        // Outside the window, and another page: neither counts.
        { kind: 'page_view', contactId: b, url: 'https://x.example/pricing', occurredAt: new Date(now - 40 * day) },
        { kind: 'page_view', contactId: b, url: 'https://x.example/blog', occurredAt: new Date(now - day) },
        { kind: 'form_submit', contactId: b, subjectId: form },
      ]),
    );
    // Recording queued a drain (one per second per workspace) in the same transaction.
    const [job] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from jobs where name = 'segments.drain' and payload->>'workspaceId' = ${ws.workspaceId}`,
    );
    expect(job!.n).toBe(1);
    await drain(ws);
    expect(await members(pricing)).toEqual([a]);
    expect(await members(submitted)).toEqual([b]);
    // A third view in the window brings b in.
    await recordContactEvents(db, ws.workspaceId, [
      { kind: 'page_view', contactId: b, url: 'https://x.example/pricing', occurredAt: new Date(now - day) },
    ]);
    await drain(ws);
    expect(await members(pricing)).toEqual([a]);
    await recordContactEvents(db, ws.workspaceId, [
      { kind: 'page_view', contactId: b, url: 'https://x.example/pricing/', occurredAt: new Date(now - 3 * day) },
    ]);
    await drain(ws);
    expect(await members(pricing)).toEqual([a, b].sort());
    // Time passes (simulated by ageing the events): the clock refresh lets a drift out, with an event.
    await db.execute(
      sql`update contact_events set occurred_at = occurred_at - interval '27 days' where workspace_id = ${ws.workspaceId} and contact_id = ${a}`,
    );
    await rebuildSegment(db, ws.workspaceId, pricing, { emitEvents: true });
    expect(await members(pricing)).toEqual([b]);
    const [exit] = await rows(db, sql`select 1 from outbox_events where type = 'segment.exited' and entity_id = ${a}`);
    expect(exit).toBeDefined();
  });
});

describe('definitions', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createTestWorkspace(t);
  });
  const bad = async (definition: unknown, path: (string | number)[], message?: RegExp) => {
    for (const url of ['/api/segments', '/api/segments/preview']) {
      const res = await ws.admin.api.post(url, url.endsWith('preview') ? { definition } : { name: 'Bad', definition });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toMatch(/filter_invalid|validation_failed/);
      if (res.json().error.code === 'filter_invalid') expect(res.json().error.details.path).toEqual(path);
      if (message) expect(res.json().error.message).toMatch(message);
    }
  };

  it('refuses malformed definitions with the path of the bad node, and saves nothing', async () => {
    await bad({ and: [{ field: 'nope', op: 'eq', value: 1 }] }, ['body', 'definition', 'and', 0, 'field']);
    await bad({ predicate: 'has_event', kind: 'page_visit' }, ['body', 'definition', 'kind']);
    await bad({ predicate: 'has_event', where: { field: 'url', op: 'gt', value: 3 } }, ['body', 'definition', 'where', 'op']);
    await bad({ predicate: 'has_event', count: { op: 'gte', value: -1 } }, ['body', 'definition', 'count', 'value']);
    await bad({ predicate: 'has_deal', where: { field: 'stage', op: 'eq', value: 'x' } }, ['body', 'definition', 'where', 'field']);
    await bad({ or: [{ predicate: 'in_list', list: crypto.randomUUID() }] }, ['body', 'definition', 'or', 0, 'list'], /no list/);
    await bad({ predicate: 'in_segment' }, ['body', 'definition', 'predicate']);
    expect((await ws.admin.api.get('/api/segments')).json().items).toEqual([]);
  });

  it('previews the count and the newest contacts of a definition without saving it', async () => {
    const ids = [];
    for (const n of ['P1', 'P2', 'P3']) ids.push(await contact(ws, { firstName: n, tags: ['preview'] }));
    const res = await ws.admin.api.post('/api/segments/preview', { definition: { field: 'tags', op: 'has_any', value: ['preview'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ count: 3, sample: [{ id: ids[2] }, { id: ids[1] }, { id: ids[0] }] });
  });

  it('counts relation predicates and their complements exactly, contacts without a company or list included', async () => {
    const own = await createTestWorkspace(t);
    const api = own.admin.api;
    const de = (await api.post('/api/companies', { name: 'Rel DE', domain: 'rel-de.example', country: 'DE' })).json().id;
    const fr = (await api.post('/api/companies', { name: 'Rel FR', domain: 'rel-fr.example', country: 'FR' })).json().id;
    await contact(own, { firstName: 'InDe', companyId: de });
    const inFr = await contact(own, { firstName: 'InFr', companyId: fr });
    await contact(own, { firstName: 'Alone' });
    const list = (await api.post('/api/lists', { name: 'Rel' })).json().id as string;
    await api.post(`/api/lists/${list}/members`, { contactIds: [inFr] });
    const count = async (definition: unknown) => (await api.post('/api/segments/preview', { definition })).json().count;
    const company = { predicate: 'company', where: { field: 'country', op: 'eq', value: 'DE' } };
    const onList = { predicate: 'in_list', list };
    expect(await count(company)).toBe(1);
    expect(await count({ not: company })).toBe(2);
    expect(await count({ or: [company, { not: company }] })).toBe(3);
    expect(await count(onList)).toBe(1);
    expect(await count({ and: [{ not: onList }, { not: company }] })).toBe(1);
    expect(await count({ predicate: 'has_deal' })).toBe(0);
    expect(await count({ not: { predicate: 'has_deal' } })).toBe(3);
  });

  it('counts a large workspace in id ranges side by side, to the same number as one statement', async () => {
    const own = await createTestWorkspace(t);
    await t.database.db.execute(sql`
      insert into contacts (id, workspace_id, first_name, display_name, lifecycle_stage, tags)
      select gen_random_uuid(), ${own.workspaceId}, 'Bulk' || i, 'Bulk ' || i, (array['lead','customer','subscriber'])[1 + i % 3],
             case when i % 5 = 0 then array['vip'] else '{}'::text[] end
      from generate_series(1, 600) i`);
    await t.database.db.execute(sql`analyze contacts`);
    const ctx = own.admin.ctx;
    const split = { minContacts: 100, parts: 3 }; // PGlite reports no parallel budget (one part); PostgreSQL 3 by default
    expect(await countParts(ctx, split)).toBe(3);
    for (const definition of [
      { field: 'lifecycle_stage', op: 'eq', value: 'customer' },
      {
        or: [
          { field: 'tags', op: 'has_any', value: ['vip'] },
          { field: 'lifecycle_stage', op: 'eq', value: 'lead' },
        ],
      },
      { not: { field: 'tags', op: 'has_any', value: ['vip'] } },
    ]) {
      const where = await compileDefinition(ctx, definition);
      const [one] = await rows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from contacts c where c.workspace_id = ${own.workspaceId} and c.deleted_at is null and (${where})`,
      );
      expect(one!.n).toBeGreaterThan(0);
      expect(await countContacts(ctx, where, split)).toBe(one!.n);
    }
    expect(await countParts(ctx, { parts: 3 })).toBe(1); // 600 contacts: one statement at the default threshold
  });

  it('lets only segment managers change segments', async () => {
    const viewer = await ws.member('viewer');
    expect((await viewer.api.post('/api/segments', { name: 'X', definition: { and: [] } })).statusCode).toBe(403);
    expect((await viewer.api.get('/api/segments')).statusCode).toBe(200);
  });
});

describe('static lists', () => {
  it('add and remove by ids, filter and emails; audienceContacts pages through members', async () => {
    const ws = await createTestWorkspace(t);
    const api = ws.admin.api;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await contact(ws, { firstName: `L${i}`, emails: [{ email: `l${i}@list.example` }], tags: i < 2 ? ['vip'] : [] }));
    const list = (await api.post('/api/lists', { name: 'Fair' })).json().id as string;
    const byEmail = await api.post(`/api/lists/${list}/members`, {
      emails: ['L0@list.example ', 'l3@list.example', 'ghost@list.example', 'not an email'],
    });
    expect(byEmail.json()).toMatchObject({ changed: 2, unmatched: ['ghost@list.example'], unmatchedCount: 1, memberCount: 2 });
    const byFilter = await api.post(`/api/lists/${list}/members`, { filter: { field: 'tags', op: 'has_any', value: ['vip'] } });
    expect(byFilter.json()).toMatchObject({ changed: 1, memberCount: 3 });
    const both = await api.post(`/api/lists/${list}/members`, { contactIds: [ids[4]], filter: { and: [] } });
    expect(both.statusCode).toBe(400);
    const badFilter = await api.post(`/api/lists/${list}/members`, { filter: { field: 'x', op: 'eq', value: 1 } });
    expect(badFilter.json().error.details.path).toEqual(['body', 'filter', 'field']);
    const page1 = await audienceContacts(t.database.db, ws.workspaceId, { listId: list }, null, 2);
    const page2 = await audienceContacts(t.database.db, ws.workspaceId, { listId: list }, page1.at(-1)!.id, 2);
    expect([...page1, ...page2].map((c) => c.id)).toEqual([ids[0], ids[1], ids[3]]);
    expect(page1[0]).toMatchObject({ email: 'l0@list.example', doNotContact: false });
    const members = (await api.get(`/api/lists/${list}/members?limit=2`)).json();
    expect(members).toMatchObject({ total: 3, nextAfter: ids[1] });
    const removed = await api.post(`/api/lists/${list}/members/remove`, { emails: ['l0@list.example'] });
    expect(removed.json()).toMatchObject({ changed: 1, memberCount: 2 });
    const audience = (await api.get(`/api/contacts/${ids[1]}/audience`)).json();
    expect(audience.lists).toMatchObject([{ id: list, name: 'Fair', source: 'filter' }]);
    expect((await api.delete(`/api/lists/${list}`)).statusCode).toBe(200);
    expect((await api.get(`/api/lists/${list}`)).statusCode).toBe(404);
  });
});
