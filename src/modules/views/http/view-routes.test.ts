import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep: TestMember;
let other: TestMember;
let viewer: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  [rep, other, viewer] = [await ws.member('sales_rep'), await ws.member('sales_rep'), await ws.member('viewer')];
  await ws.admin.api.post('/api/custom-fields', { entityType: 'contact', key: 'score', label: 'Score', type: 'number' });
});
afterAll(() => t.close());

const leads = {
  entityType: 'contact',
  name: 'Hot leads',
  definition: {
    filter: {
      and: [
        { field: 'lifecycle_stage', op: 'eq', value: 'lead' },
        { field: 'custom.score', op: 'gte', value: 50 },
      ],
    },
    sort: [{ field: 'custom.score', dir: 'desc' }],
    columns: ['display_name', 'email', 'custom.score'],
  },
};

describe('saved views', () => {
  it('lists the built-in views of each record type before any is saved', async () => {
    const res = await rep.api.get('/api/views?entityType=contact');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((v: { name: string }) => v.name)).toEqual(['All contacts', 'My contacts', 'New this week']);
    expect(items.every((v: { builtIn: boolean }) => v.builtIn)).toBe(true);
    expect(items[1].definition.filter).toEqual({ field: 'owner_id', op: 'eq', value: rep.userId });
    const all = (await rep.api.get('/api/views')).json().items.map((v: { id: string }) => v.id);
    expect(all).toContain('builtin:company:all');
    expect((await rep.api.get('/api/views/builtin:company:mine')).json().name).toBe('My companies');
  });

  it('the built-in filters run as list filters', async () => {
    for (const v of (await rep.api.get('/api/views')).json().items) {
      const list = v.entityType === 'contact' ? '/api/contacts/search' : '/api/companies/search';
      const res = await rep.api.post(list, { filter: v.definition.filter, sort: v.definition.sort });
      expect(res.statusCode, v.id).toBe(200);
    }
  });

  it('saves a private view that only its owner sees, with sort directions filled in', async () => {
    const res = await rep.api.post('/api/views', { ...leads, definition: { ...leads.definition, sort: [{ field: 'created_at' }] } });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ name: 'Hot leads', ownerId: rep.userId, shared: false, builtIn: false });
    expect(view.definition.sort).toEqual([{ field: 'created_at', dir: 'asc' }]);
    expect((await rep.api.get('/api/views?entityType=contact')).json().items.map((v: { id: string }) => v.id)).toContain(view.id);
    expect((await other.api.get('/api/views?entityType=contact')).json().items.map((v: { id: string }) => v.id)).not.toContain(view.id);
    expect((await other.api.get(`/api/views/${view.id}`)).statusCode).toBe(404);
    expect((await other.api.patch(`/api/views/${view.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await ws.admin.api.delete(`/api/views/${view.id}`)).statusCode).toBe(404);
  });

  it('refuses a filter that does not compile, with the path of the bad node', async () => {
    const bad = {
      ...leads,
      definition: {
        filter: {
          and: [
            { field: 'lifecycle_stage', op: 'eq', value: 'lead' },
            { field: 'shoe_size', op: 'eq', value: 3 },
          ],
        },
      },
    };
    const res = await rep.api.post('/api/views', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('filter_invalid');
    expect(res.json().error.details.path).toEqual(['body', 'definition', 'filter', 'and', 1, 'field']);
  });

  it('refuses unknown sort fields and columns at their paths', async () => {
    const sort = await rep.api.post('/api/views', { ...leads, definition: { sort: [{ field: 'nope', dir: 'asc' }] } });
    expect(sort.statusCode).toBe(400);
    expect(sort.json().error).toMatchObject({ code: 'sort_invalid', details: { path: ['body', 'definition', 'sort', 0, 'field'] } });
    const cols = await rep.api.post('/api/views', { ...leads, definition: { columns: ['email', 'custom.missing'] } });
    expect(cols.statusCode).toBe(400);
    expect(cols.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'definition', 'columns', 1] } });
    const company = await rep.api.post('/api/views', { entityType: 'company', name: 'x', definition: { columns: ['lifecycle_stage'] } });
    expect(company.json().error.details.path).toEqual(['body', 'definition', 'columns', 0]);
  });

  it('shares a view with the workspace; only its owner or an admin may change or delete it', async () => {
    const view = (await rep.api.post('/api/views', { ...leads, name: 'Team pipeline', shared: true })).json();
    expect((await other.api.get('/api/views?entityType=contact')).json().items.map((v: { id: string }) => v.id)).toContain(view.id);
    expect((await viewer.api.get(`/api/views/${view.id}`)).statusCode).toBe(200);
    const denied = await other.api.patch(`/api/views/${view.id}`, { name: 'Hijacked' });
    expect(denied.statusCode).toBe(403);
    expect((await other.api.delete(`/api/views/${view.id}`)).statusCode).toBe(403);
    const renamed = await ws.admin.api.patch(`/api/views/${view.id}`, { name: 'Pipeline (all reps)' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Pipeline (all reps)');
    const redefined = await rep.api.patch(`/api/views/${view.id}`, { definition: { columns: ['email'] } });
    expect(redefined.json().definition).toEqual({ columns: ['email'] });
    expect(
      (await rep.api.patch(`/api/views/${view.id}`, { definition: { filter: { field: 'email', op: 'gt', value: 1 } } })).json().error.code,
    ).toBe('filter_invalid');
    expect((await ws.admin.api.delete(`/api/views/${view.id}`)).statusCode).toBe(200);
    expect((await rep.api.get(`/api/views/${view.id}`)).statusCode).toBe(404);
  });

  it('lets every role save its own views, but built-in views cannot be changed', async () => {
    const res = await viewer.api.post('/api/views', {
      entityType: 'company',
      name: 'Big ones',
      definition: { filter: { field: 'employee_count', op: 'gte', value: 1000 } },
    });
    expect(res.statusCode).toBe(201);
    expect((await viewer.api.patch('/api/views/builtin:contact:all', { name: 'x' })).statusCode).toBe(404);
    expect((await rep.api.post('/api/views', { ...leads, name: '   ' })).json().error.details.path).toEqual(['body', 'name']);
  });

  it('records every view change in the audit log', async () => {
    const view = (await rep.api.post('/api/views', { ...leads, name: 'Audited' })).json();
    await rep.api.patch(`/api/views/${view.id}`, { shared: true });
    await rep.api.delete(`/api/views/${view.id}`);
    const log = (await ws.admin.api.get(`/api/audit-log?entityType=view&entityId=${view.id}`)).json();
    expect(log.items.map((e: { action: string }) => e.action).sort()).toEqual(['view.created', 'view.deleted', 'view.updated']);
  });
});
