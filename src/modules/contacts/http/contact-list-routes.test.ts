import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep: TestMember;
const ids: Record<string, string> = {};
type Item = { id: string; displayName: string };

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  rep = await ws.member('sales_rep');
  await ws.admin.api.post('/api/custom-fields', { entityType: 'contact', key: 'score', label: 'Score', type: 'number' });
  await ws.admin.api.post('/api/custom-fields', {
    entityType: 'company',
    key: 'tier',
    label: 'Tier',
    type: 'select',
    choices: [
      { value: 'gold', label: 'Gold' },
      { value: 'silver', label: 'Silver' },
    ],
  });
  const acme = (
    await ws.admin.api.post('/api/companies', { name: 'Acme', domain: 'acme.com', industry: 'Software', custom: { tier: 'gold' } })
  ).json();
  await ws.admin.api.post('/api/companies', { name: 'Brick', domain: 'brick.io', industry: 'Construction', custom: { tier: 'silver' } });
  const people = [
    ['Ada', 'Lovelace', 'ada@acme.com', 'lead', 10, ['vip']],
    ['Alan', 'Turing', 'alan@acme.com', 'customer', 30, []],
    ['Barbara', 'Liskov', 'barbara@brick.io', 'lead', 20, ['vip', 'speaker']],
    ['Claude', 'Shannon', 'claude@gmail.com', 'subscriber', null, []],
    ['Donald', 'Knuth', 'don@brick.io', 'opportunity', 30, ['speaker']],
    ['Edsger', 'Dijkstra', 'edsger@acme.com', 'lead', 5, []],
  ] as const;
  for (const [first, last, email, stage, score, tags] of people) {
    const res = await ws.admin.api.post('/api/contacts', {
      firstName: first,
      lastName: last,
      emails: [{ email }],
      lifecycleStage: stage,
      tags,
      ...(score !== null && { custom: { score } }),
      ...(first === 'Ada' && { ownerId: rep.userId }),
    });
    expect(res.statusCode).toBe(201);
    ids[first] = res.json().id;
  }
  expect((await ws.admin.api.get(`/api/companies/${acme.id}`)).json().contactCount).toBe(3);
  const gone = (await ws.admin.api.post('/api/contacts', { firstName: 'Gone', lifecycleStage: 'lead' })).json();
  await ws.admin.api.delete(`/api/contacts/${gone.id}`);
  // A call logged on Ada last week, a note on Alan long ago (the activities module's tables, written directly).
  for (const [who, type, daysAgo] of [
    ['Ada', 'call', 7],
    ['Alan', 'note', 400],
  ] as const) {
    const id = crypto.randomUUID();
    const at = new Date(Date.now() - daysAgo * 86_400_000);
    await t.database.db.execute(
      sql`insert into activities (id, workspace_id, type, occurred_at) values (${id}, ${ws.workspaceId}, ${type}, ${at})`,
    );
    await t.database.db.execute(
      sql`insert into activity_links (workspace_id, activity_id, entity_type, entity_id, occurred_at) values (${ws.workspaceId}, ${id}, 'contact', ${ids[who]}, ${at})`,
    );
  }
});
afterAll(() => t.close());

const search = (body: Record<string, unknown>, who = ws.admin) => who.api.post('/api/contacts/search', body);
const names = (items: Item[]) => items.map((i) => i.displayName.split(' ')[0]!);

describe('listing and searching contacts', () => {
  it('lists live contacts newest first with an exact total', async () => {
    const res = await ws.admin.api.get('/api/contacts');
    expect(res.statusCode).toBe(200);
    expect(names(res.json().items)).toEqual(['Edsger', 'Donald', 'Claude', 'Barbara', 'Alan', 'Ada']);
    expect(res.json().total).toEqual({ value: 6, exact: true });
  });

  it('filters on built-in and custom fields, tags, the company and activities', async () => {
    const q = async (filter: unknown, sort = [{ field: 'display_name', dir: 'asc' }]) =>
      names((await search({ filter, sort })).json().items);
    expect(await q({ field: 'lifecycle_stage', op: 'eq', value: 'lead' })).toEqual(['Ada', 'Barbara', 'Edsger']);
    expect(
      await q({ and: [{ field: 'custom.score', op: 'gte', value: 20 }, { not: { field: 'email', op: 'contains', value: 'brick' } }] }),
    ).toEqual(['Alan']);
    expect(await q({ predicate: 'has_tag', tag: 'speaker' })).toEqual(['Barbara', 'Donald']);
    expect(await q({ predicate: 'company', where: { field: 'custom.tier', op: 'eq', value: 'gold' } })).toEqual(['Ada', 'Alan', 'Edsger']);
    expect(await q({ predicate: 'company', where: { field: 'industry', op: 'eq', value: 'construction' } })).toEqual(['Barbara', 'Donald']);
    expect(await q({ predicate: 'has_activity' })).toEqual(['Ada', 'Alan']);
    expect(await q({ predicate: 'has_activity', type: 'call', within: { n: 30, unit: 'day' } })).toEqual(['Ada']);
    expect(await q({ not: { predicate: 'has_activity', within: { n: 30, unit: 'day' } } })).toEqual([
      'Alan',
      'Barbara',
      'Claude',
      'Donald',
      'Edsger',
    ]);
    const get = await ws.admin.api.get(
      `/api/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'company_id', op: 'is_empty' }))}`,
    );
    expect(names(get.json().items)).toEqual(['Claude']);
  });

  it('sorts by several columns and pages through every row exactly once', async () => {
    const sort = [
      { field: 'custom.score', dir: 'desc' },
      { field: 'display_name', dir: 'asc' },
    ];
    const all = (await search({ sort, limit: 100 })).json();
    expect(names(all.items)).toEqual(['Alan', 'Donald', 'Barbara', 'Ada', 'Edsger', 'Claude']);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await search({ sort, limit: 4, ...(cursor && { cursor }) })).json();
      seen.push(...names(page.items));
      expect(page.total).toEqual({ value: 6, exact: true });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(names(all.items));
    const compact = await ws.admin.api.get('/api/contacts?sort=-custom.score,display_name&limit=2');
    expect(names(compact.json().items)).toEqual(['Alan', 'Donald']);
  });

  it('returns only the asked-for columns', async () => {
    const res = (
      await search({ filter: { field: 'first_name', op: 'eq', value: 'ada' }, columns: ['displayName', 'custom.score'] })
    ).json();
    expect(res.items).toEqual([{ id: ids.Ada, displayName: 'Ada Lovelace', custom: { score: 10 } }]);
    expect((await ws.admin.api.get('/api/contacts?columns=email,shoeSize')).json().error.details.path).toEqual(['query', 'columns', 1]);
  });

  it('answers 400 with the path of a bad filter, sort or cursor', async () => {
    const unknown = await search({
      filter: {
        and: [
          { field: 'lifecycle_stage', op: 'eq', value: 'lead' },
          { field: 'shoe_size', op: 'eq', value: 3 },
        ],
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'filter_invalid', details: { path: ['body', 'filter', 'and', 1, 'field'] } });
    const badValue = await ws.admin.api.get(
      `/api/contacts?filter=${encodeURIComponent('{"field":"custom.score","op":"gt","value":"lots"}')}`,
    );
    expect(badValue.json().error.details.path).toEqual(['query', 'filter', 'value']);
    expect((await ws.admin.api.get('/api/contacts?filter=%7Bnot-json')).json().error.details.path).toEqual(['query', 'filter']);
    expect(
      (await search({ filter: { predicate: 'company', where: { field: 'email', op: 'eq', value: 'x' } } })).json().error.details.path,
    ).toEqual(['body', 'filter', 'where', 'field']);
    expect((await search({ sort: [{ field: 'tags', dir: 'asc' }] })).json().error).toMatchObject({
      code: 'sort_invalid',
      details: { path: ['body', 'sort', 0, 'field'] },
    });
    expect((await ws.admin.api.get('/api/contacts?cursor=bm9wZQ')).json().error.details.path).toEqual(['query', 'cursor']);
    expect((await search({ limit: 501 })).statusCode).toBe(400);
  });

  it('shows a rep only their own contacts under own visibility', async () => {
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    const res = (await search({}, rep)).json();
    expect(names(res.items)).toEqual(['Ada']);
    expect(res.total).toEqual({ value: 1, exact: true });
    expect((await rep.api.get(`/api/contacts/${ids.Alan}`)).statusCode).toBe(404);
    expect((await rep.api.post('/api/contacts/count', {})).json().total).toEqual({ value: 1, exact: true });
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
  });

  it('shows a rep their team under team visibility, and a manager the teams they manage', async () => {
    const mate = await ws.member('sales_rep');
    const outsider = await ws.member('sales_rep');
    const manager = await ws.member('sales_manager');
    const team = await ws.admin.api.post('/api/teams', { name: 'North', managerId: manager.userId, memberIds: [rep.userId, mate.userId] });
    expect(team.statusCode).toBe(201);
    await ws.admin.api.patch(`/api/contacts/${ids.Barbara}`, { ownerId: mate.userId });
    await ws.admin.api.patch(`/api/contacts/${ids.Donald}`, { ownerId: outsider.userId });
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'team' } });
    try {
      const r = await search({}, rep);
      expect(names(r.json().items).sort()).toEqual(['Ada', 'Barbara']);
      expect(names((await search({}, outsider)).json().items)).toEqual(['Donald']);
      expect(names((await search({}, manager)).json().items).sort()).toEqual(['Ada', 'Barbara']);
    } finally {
      await ws.admin.api.patch(`/api/contacts/${ids.Barbara}`, { ownerId: null });
      await ws.admin.api.patch(`/api/contacts/${ids.Donald}`, { ownerId: null });
      await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
    }
  });

  it('leaves the count out on request and gives it on its own, for the same filter', async () => {
    const filter = { field: 'lifecycle_stage', op: 'eq', value: 'lead' };
    const page = (await search({ filter, total: false })).json();
    expect(page.total).toBeNull();
    expect(page.items).toHaveLength(3);
    const q = encodeURIComponent(JSON.stringify(filter));
    expect((await ws.admin.api.get(`/api/contacts?filter=${q}&total=false`)).json().total).toBeNull();
    expect((await ws.admin.api.get(`/api/contacts/count?filter=${q}`)).json()).toEqual({ total: { value: 3, exact: true } });
    expect((await ws.admin.api.post('/api/contacts/count', { filter })).json()).toEqual({ total: { value: 3, exact: true } });
    const bad = await ws.admin.api.post('/api/contacts/count', { filter: { field: 'nope', op: 'eq', value: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.path).toEqual(['body', 'filter', 'field']);
    expect((await ws.admin.api.get('/api/contacts/count?filter=%7Bnope')).json().error.details.path).toEqual(['query', 'filter']);
  });
});

describe('totals above 10,000', () => {
  it('labels the count as an estimate', async () => {
    const big = await createTestWorkspace(t, 'Big');
    await t.database.db.execute(sql`insert into contacts (id, workspace_id, display_name, created_at)
      select gen_random_uuid(), ${big.workspaceId}, 'Person ' || g, now() - g * interval '1 second' from generate_series(1, 10050) g`);
    await t.database.db.execute(sql`analyze contacts`);
    const res = (await big.admin.api.get('/api/contacts?limit=3')).json();
    expect(res.items).toHaveLength(3);
    expect(res.total.exact).toBe(false);
    expect(res.total.value).toBeGreaterThan(10_000);
    const few = (
      await big.admin.api.get(`/api/contacts?filter=${encodeURIComponent('{"field":"display_name","op":"eq","value":"Person 7"}')}`)
    ).json();
    expect(few.total).toEqual({ value: 1, exact: true });
  });
});
