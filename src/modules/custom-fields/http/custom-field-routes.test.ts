import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import { compileFilter, compileSort, customFieldDefs, defineRegistry } from '../../../kernel/filters/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const indexes = async (name: string) => (await rows(t.database.db, sql`select indexname from pg_indexes where indexname = ${name}`)).length;
const define = (w: TestWorkspace, body: Record<string, unknown>) =>
  w.admin.api.post('/api/custom-fields', { entityType: 'contact', label: 'A field', type: 'text', ...body });

describe('defining custom fields', () => {
  it('creates a select field with choices and lists it by entity type, in position order', async () => {
    const res = await define(ws, {
      key: 'tier',
      label: 'Tier',
      type: 'select',
      choices: [
        { value: 'gold', label: 'Gold' },
        { value: 'silver', label: 'Silver' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      key: 'tier',
      type: 'select',
      choices: [{ value: 'gold' }, { value: 'silver' }],
      archived: false,
      required: false,
    });
    await define(ws, { key: 'budget', type: 'money', label: 'Budget' });
    const list = (await ws.admin.api.get('/api/custom-fields?entityType=contact')).json().items;
    expect(list.map((f: { key: string }) => f.key)).toEqual(['tier', 'budget']);
    expect(list[1].currency).toBe('USD');
    expect((await ws.admin.api.get('/api/custom-fields?entityType=company')).json().items).toEqual([]);
  });

  it('rejects keys that are not snake_case, built-in names and duplicates, naming the key', async () => {
    const camel = await define(ws, { key: 'favouriteColour!' });
    expect(camel.statusCode).toBe(400);
    expect(camel.json().error.details.issues[0].path).toEqual(['body', 'key']);
    const builtin = await define(ws, { key: 'email' });
    expect(builtin.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'key'] } });
    expect(
      (await ws.admin.api.post('/api/custom-fields', { entityType: 'company', key: 'domain', label: 'D', type: 'text' })).statusCode,
    ).toBe(400);
    const first = await define(ws, { key: 'nickname' });
    const again = await define(ws, { key: 'nickname' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'custom_field_key_taken',
      details: { path: ['body', 'key'], existingId: first.json().id },
    });
  });

  it('checks choices, currency and uniqueness against the type', async () => {
    const noChoices = await define(ws, { key: 'size', type: 'multi_select' });
    expect(noChoices.json().error.details.path).toEqual(['body', 'choices']);
    const dupChoices = await define(ws, {
      key: 'size',
      type: 'select',
      choices: [
        { value: 'a', label: 'A' },
        { value: 'a', label: 'B' },
      ],
    });
    expect(dupChoices.json().error.details.path).toEqual(['body', 'choices']);
    expect((await define(ws, { key: 'size', type: 'text', choices: [{ value: 'a', label: 'A' }] })).json().error.details.path).toEqual([
      'body',
      'choices',
    ]);
    expect((await define(ws, { key: 'size', type: 'text', currency: 'EUR' })).json().error.details.path).toEqual(['body', 'currency']);
    expect((await define(ws, { key: 'size', type: 'boolean', unique: true })).json().error.details.path).toEqual(['body', 'unique']);
    const unknown = await define(ws, { key: 'size', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toEqual(['body', 'colour']);
  });

  it('lets every role read definitions but only admins change them', async () => {
    const rep = await ws.member('sales_rep');
    expect((await rep.api.get('/api/custom-fields')).statusCode).toBe(200);
    expect((await rep.api.post('/api/custom-fields', { entityType: 'contact', key: 'x', label: 'X', type: 'text' })).statusCode).toBe(403);
    const viewer = await ws.member('viewer');
    expect((await viewer.api.get('/api/custom-fields?entityType=company')).statusCode).toBe(200);
  });

  it('archives on DELETE (hidden unless asked for) and restores with archived: false', async () => {
    const { id } = (await define(ws, { key: 'old_code' })).json();
    const del = await ws.admin.api.delete(`/api/custom-fields/${id}`);
    expect(del.json()).toMatchObject({ archived: true });
    expect((await ws.admin.api.get('/api/custom-fields?entityType=contact')).json().items.some((f: { id: string }) => f.id === id)).toBe(
      false,
    );
    expect(
      (await ws.admin.api.get('/api/custom-fields?entityType=contact&includeArchived=true'))
        .json()
        .items.some((f: { id: string }) => f.id === id),
    ).toBe(true);
    const taken = await define(ws, { key: 'old_code' });
    expect(taken.json().error.message).toContain('archived');
    expect((await ws.admin.api.patch(`/api/custom-fields/${id}`, { archived: false })).json()).toMatchObject({
      archived: false,
      archivedAt: null,
    });
    expect((await ws.admin.api.patch(`/api/custom-fields/${id}`, { type: 'number' })).statusCode).toBe(400);
  });
});

describe('indexed custom fields', () => {
  it('creates the expression indexes, and drops them when un-indexed or archived', async () => {
    const { id } = (await define(ws, { key: 'region_code', indexed: true })).json();
    expect(await indexes('cf_contacts_region_code_t_idx')).toBe(1);
    expect(await indexes('cf_contacts_region_code_ts_idx')).toBe(1);
    await ws.admin.api.patch(`/api/custom-fields/${id}`, { indexed: false });
    expect(await indexes('cf_contacts_region_code_t_idx')).toBe(0);
    await ws.admin.api.patch(`/api/custom-fields/${id}`, { indexed: true });
    expect(await indexes('cf_contacts_region_code_t_idx')).toBe(1);
    await ws.admin.api.delete(`/api/custom-fields/${id}`);
    expect(await indexes('cf_contacts_region_code_t_idx')).toBe(0);
    expect(await indexes('cf_contacts_region_code_ts_idx')).toBe(0);
  });

  it('indexes exactly what the filter compiler emits, so the planner uses the index', async () => {
    await define(ws, { key: 'seats', type: 'number', indexed: true });
    await define(ws, { key: 'plan_code', indexed: true });
    const registry = defineRegistry({
      entity: 'contact',
      fields: [
        { key: 'id', label: 'Id', type: 'uuid', sql: sql`c.id`, nullable: false },
        ...customFieldDefs(
          [
            { key: 'seats', type: 'number' },
            { key: 'plan_code', type: 'text', sortable: true },
          ],
          sql`c.custom`,
        ),
      ],
    });
    const plan = async (where: unknown, order?: SQL) => {
      const cond = compileFilter(where, registry);
      await t.database.db.execute(sql`set enable_seqscan = off`);
      try {
        const lines = await rows<{ 'QUERY PLAN': string }>(
          t.database.db,
          sql`explain select c.id from contacts c where c.workspace_id = ${ws.workspaceId} and ${cond} ${order ?? sql``} limit 50`,
        );
        return lines.map((l) => l['QUERY PLAN']).join('\n');
      } finally {
        await t.database.db.execute(sql`set enable_seqscan = on`);
      }
    };
    expect(await plan({ field: 'custom.seats', op: 'gte', value: 10 })).toContain('cf_contacts_seats_n_idx');
    expect(await plan({ field: 'custom.plan_code', op: 'eq', value: 'GOLD' })).toContain('cf_contacts_plan_code_t_idx');
    const sort = compileSort([{ field: 'custom.plan_code', dir: 'asc' }], registry);
    expect(await plan({ and: [] }, sql`order by ${sort.orderBy}`)).toContain('cf_contacts_plan_code_ts_idx');
  });

  it('keeps a shared index while another workspace still indexes the same key', async () => {
    const other = await createTestWorkspace(t, 'Other');
    const mine = (await define(ws, { key: 'account_no', indexed: true })).json();
    await other.admin.api.post('/api/custom-fields', {
      entityType: 'company',
      key: 'account_no',
      label: 'Account',
      type: 'text',
      indexed: true,
    });
    await define(other, { key: 'account_no', indexed: true });
    await ws.admin.api.delete(`/api/custom-fields/${mine.id}`);
    expect(await indexes('cf_contacts_account_no_t_idx')).toBe(1);
    expect(await indexes('cf_companies_account_no_t_idx')).toBe(1);
  });
});

describe('unique custom fields', () => {
  it('refuses to make a field unique while two records share a value', async () => {
    const { id } = (await define(ws, { key: 'badge' })).json();
    for (const name of ['A', 'B'])
      expect((await ws.admin.api.post('/api/contacts', { firstName: name, custom: { badge: 'X1' } })).statusCode).toBe(201);
    const res = await ws.admin.api.patch(`/api/custom-fields/${id}`, { unique: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'custom_value_not_unique', details: { value: 'X1' } });
  });
});
