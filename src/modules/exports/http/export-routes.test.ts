import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { exportRecordsCsv } from '../use-cases/export-records-csv.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  rep = await ws.member('sales_rep');
  await ws.admin.api.post('/api/custom-fields', { entityType: 'contact', key: 'score', label: 'Score', type: 'number' });
  await ws.admin.api.post('/api/companies', { name: 'Acme', domain: 'acme.com', industry: 'Software' });
  const people = [
    ['Ada', 'Lovelace', 'ada@acme.com', 'lead', 10, ['vip']],
    ['Alan', 'Turing', 'alan@acme.com', 'customer', 30, []],
    ['Barbara', 'Liskov', 'barbara@brick.io', 'lead', 20, ['vip', 'speaker']],
    ['=HYPERLINK("http://evil")', 'Mallory', 'mallory@gmail.com', 'lead', null, []],
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
  }
});
afterAll(() => t.close());

const csv = (body: string) => parse(body, { bom: true }) as string[][];

describe('exporting a list as CSV', () => {
  it('streams the filtered contacts in list order with labels, derived and custom columns', async () => {
    const filter = JSON.stringify({ field: 'lifecycle_stage', op: 'eq', value: 'lead' });
    const res = await ws.admin.api.get(`/api/contacts/export.csv?filter=${encodeURIComponent(filter)}&sort=last_name`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...data] = csv(res.body);
    expect(header).toContain('First name');
    expect(header).toContain('Company domain');
    expect(header?.at(-1)).toBe('Score');
    const col = (name: string) => header!.indexOf(name);
    expect(data.map((r) => r[col('Last name')])).toEqual(['Liskov', 'Lovelace', 'Mallory']);
    const ada = data.find((r) => r[col('First name')] === 'Ada')!;
    expect(ada[col('Email')]).toBe('ada@acme.com');
    expect(ada[col('Company domain')]).toBe('acme.com');
    expect(ada[col('Owner email')]).toBe(rep.email);
    expect(ada[col('Tags')]).toBe('vip');
    expect(ada[col('Score')]).toBe('10');
    expect(ada[col('Created')]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('makes formula cells inert', async () => {
    const res = await ws.admin.api.get('/api/contacts/export.csv?columns=first_name,last_name&sort=last_name');
    const rows = csv(res.body);
    expect(rows.find((r) => r[1] === 'Mallory')?.[0]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('takes columns in order and key headers', async () => {
    const res = await ws.admin.api.get('/api/contacts/export.csv?columns=email,custom.score,tags&sort=email&headers=keys');
    expect(csv(res.body)).toEqual([
      ['email', 'custom.score', 'tags'],
      ['ada@acme.com', '10', 'vip'],
      ['alan@acme.com', '30', ''],
      ['barbara@brick.io', '20', 'vip; speaker'],
      ['mallory@gmail.com', '', ''],
    ]);
  });

  it('uses a saved view’s filter, sort and columns', async () => {
    const view = await ws.admin.api.post('/api/views', {
      entityType: 'contact',
      name: 'VIPs',
      definition: { filter: { field: 'tags', op: 'has_any', value: ['vip'] }, sort: [{ field: 'email', dir: 'desc' }], columns: ['email'] },
    });
    expect(view.statusCode).toBe(201);
    const res = await ws.admin.api.get(`/api/contacts/export.csv?view=${view.json().id}&headers=keys`);
    expect(csv(res.body)).toEqual([['email'], ['barbara@brick.io'], ['ada@acme.com']]);
    const wrong = await ws.admin.api.get(`/api/companies/export.csv?view=${view.json().id}`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.path).toEqual(['query', 'view']);
  });

  it('applies rep visibility like the list', async () => {
    await t.database.db.execute(sql`update workspaces set settings = settings || '{"repVisibility":"own"}' where id = ${ws.workspaceId}`);
    try {
      const res = await rep.api.get('/api/contacts/export.csv?columns=email&headers=keys');
      expect(csv(res.body)).toEqual([['email'], ['ada@acme.com']]);
    } finally {
      await t.database.db.execute(sql`update workspaces set settings = settings - 'repVisibility' where id = ${ws.workspaceId}`);
    }
  });

  it('refuses a bad filter, sort or column before sending anything', async () => {
    const bad = await ws.admin.api.get(`/api/contacts/export.csv?filter=${encodeURIComponent('{"field":"nope","op":"eq","value":1}')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('filter_invalid');
    expect(bad.json().error.details.path).toEqual(['query', 'filter', 'field']);
    const sort = await ws.admin.api.get('/api/contacts/export.csv?sort=nope');
    expect(sort.json().error.code).toBe('sort_invalid');
    const column = await ws.admin.api.get('/api/contacts/export.csv?columns=email,password');
    expect(column.statusCode).toBe(400);
    expect(column.json().error.details.path).toEqual(['query', 'columns', 1]);
  });

  it('pages through keyset batches without losing or repeating a row', async () => {
    const prepared = await exportRecordsCsv(ws.admin.ctx, 'contacts', {
      sort: [{ field: 'custom.score', dir: 'desc' }],
      columns: ['email'],
      headers: 'keys',
      batchSize: 1,
    });
    let body = '';
    for await (const chunk of prepared.stream()) body += chunk;
    expect(csv(body).flat()).toEqual(['email', 'alan@acme.com', 'barbara@brick.io', 'ada@acme.com', 'mallory@gmail.com']);
  });

  it('without a sort, pages newest first through the time index, each row once', async () => {
    const prepared = await exportRecordsCsv(ws.admin.ctx, 'contacts', { columns: ['email'], headers: 'keys', batchSize: 1 });
    let body = '';
    for await (const chunk of prepared.stream()) body += chunk;
    const list = (await ws.admin.api.get('/api/contacts?columns=email&sort=-created_at,-id'))
      .json()
      .items.map((i: { email: string }) => i.email);
    expect(csv(body).flat()).toEqual(['email', ...list]);
    expect(await prepared.count()).toBe(4);
  });

  it('exports companies and activities too', async () => {
    const companies = csv((await ws.admin.api.get('/api/companies/export.csv?columns=name,domain&headers=keys')).body);
    expect(companies).toContainEqual(['Acme', 'acme.com']);
    const contact = (
      await ws.admin.api.get(`/api/contacts?filter=${encodeURIComponent('{"field":"email","op":"eq","value":"ada@acme.com"}')}`)
    ).json().items[0];
    const logged = await ws.admin.api.post('/api/activities', {
      type: 'note',
      subject: 'Met at the fair',
      body: 'x',
      links: [{ entityType: 'contact', entityId: contact.id }],
    });
    expect(logged.statusCode).toBe(201);
    const activities = csv((await ws.admin.api.get('/api/activities/export.csv?columns=type,subject,contact_emails&headers=keys')).body);
    expect(activities).toEqual([
      ['type', 'subject', 'contact_emails'],
      ['note', 'Met at the fair', 'ada@acme.com'],
    ]);
  });

  it('needs the record type’s read permission', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/contacts/export.csv' });
    expect(anon.statusCode).toBe(401);
  });
});
