import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep: TestMember;
type Item = { name: string };
const names = (items: Item[]) => items.map((i) => i.name);

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  rep = await ws.member('sales_rep');
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
  const list = [
    ['Acme', 'acme.com', 'Software', 500, 'gold', ['partner']],
    ['Brick', 'brick.io', 'Construction', 40, 'silver', []],
    ['Cobalt', 'cobalt.dev', 'Software', 500, 'silver', ['partner']],
    ['Delta', 'delta-air.example.com', 'Airlines', 90000, null, []],
    ['Echo', null, null, null, null, []],
  ] as const;
  for (const [name, domain, industry, employeeCount, tier, tags] of list)
    expect(
      (
        await ws.admin.api.post('/api/companies', {
          name,
          domain,
          industry,
          employeeCount,
          tags,
          ...(tier && { custom: { tier } }),
          ...(name === 'Echo' && { ownerId: rep.userId }),
        })
      ).statusCode,
    ).toBe(201);
  const gone = (await ws.admin.api.post('/api/companies', { name: 'Aardvark (deleted)' })).json();
  await ws.admin.api.delete(`/api/companies/${gone.id}`);
});
afterAll(() => t.close());

const search = (body: Record<string, unknown>, who = ws.admin) => who.api.post('/api/companies/search', body);

describe('listing and searching companies', () => {
  it('lists live companies by name with an exact total', async () => {
    const res = (await ws.admin.api.get('/api/companies')).json();
    expect(names(res.items)).toEqual(['Acme', 'Brick', 'Cobalt', 'Delta', 'Echo']);
    expect(res.total).toEqual({ value: 5, exact: true });
  });

  it('filters on built-in fields, custom fields and tags', async () => {
    const q = async (filter: unknown) => names((await search({ filter })).json().items);
    expect(await q({ field: 'domain', op: 'contains', value: '.io' })).toEqual(['Brick']);
    expect(await q({ field: 'custom.tier', op: 'eq', value: 'silver' })).toEqual(['Brick', 'Cobalt']);
    expect(await q({ predicate: 'has_tag', tag: 'partner' })).toEqual(['Acme', 'Cobalt']);
    expect(
      await q({
        or: [
          { field: 'employee_count', op: 'gt', value: 1000 },
          { field: 'industry', op: 'is_empty' },
        ],
      }),
    ).toEqual(['Delta', 'Echo']);
    expect(await q({ predicate: 'has_activity' })).toEqual([]);
  });

  it('sorts by several columns (empty values last) and pages with cursors', async () => {
    const sort = [
      { field: 'employee_count', dir: 'desc' },
      { field: 'name', dir: 'desc' },
    ];
    const first = (await search({ sort, limit: 2 })).json();
    expect(names(first.items)).toEqual(['Delta', 'Cobalt']);
    const second = (await search({ sort, limit: 2, cursor: first.nextCursor })).json();
    expect(names(second.items)).toEqual(['Acme', 'Brick']);
    const third = (await search({ sort, limit: 2, cursor: second.nextCursor })).json();
    expect(third).toMatchObject({ items: [{ name: 'Echo' }], nextCursor: null });
    expect(names((await ws.admin.api.get('/api/companies?sort=-employee_count,name&limit=3')).json().items)).toEqual([
      'Delta',
      'Acme',
      'Cobalt',
    ]);
  });

  it('answers 400 naming a bad filter node', async () => {
    const res = await search({ filter: { field: 'custom.tier', op: 'eq', value: 'platinum' } });
    expect(res.json().error).toMatchObject({ code: 'filter_invalid', details: { path: ['body', 'filter', 'value'] } });
    expect((await search({ colour: 'red' })).json().error.details.issues[0].path).toEqual(['body', 'colour']);
  });

  it('shows a rep only their own companies under own visibility', async () => {
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    expect(names((await rep.api.get('/api/companies')).json().items)).toEqual(['Echo']);
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
    expect((await rep.api.get('/api/companies')).json().total.value).toBe(5);
  });
});
