import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const post = async (url: string, body: unknown, status = 201) => {
  const res = await ws.admin.api.post(url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
const company = async (body: Record<string, unknown>) => (await post('/api/companies', body)).id as string;
const contact = async (body: Record<string, unknown>) => (await post('/api/contacts', body)).id as string;

describe('merging companies', () => {
  it('moves contacts, links, subsidiaries, activities and tasks to the survivor, and takes a chosen domain', async () => {
    const s = await company({ name: 'Umbrella', domain: 'umbrella.example', industry: 'Pharma' });
    const m = await company({ name: 'Umbrella Corporation', domain: 'umbrella-corp.example', employeeCount: 5000, tags: ['enterprise'] });
    const child = await company({ name: 'Umbrella Labs', parentCompanyId: m });
    const onM = await contact({ firstName: 'Albert', lastName: 'Wesker', companyId: m });
    const both = await contact({ firstName: 'Alex', lastName: 'Wesker', companyId: s, companyIds: [m] });
    const other = await contact({ firstName: 'Jill', lastName: 'Valentine', companyId: null, companyIds: [m] });
    const activity = (await post('/api/activities', { type: 'note', body: 'Deal talk', links: [{ entityType: 'company', entityId: m }] }))
      .id;
    const task = (await post('/api/tasks', { title: 'Renewal', entityType: 'company', entityId: m })).id;

    const res = await ws.admin.api.post('/api/companies/merge', { survivorId: s, mergedIds: [m], fields: { domain: m, name: m } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: s,
      name: 'Umbrella Corporation',
      domain: 'umbrella-corp.example',
      industry: 'Pharma',
      employeeCount: 5000,
      tags: ['enterprise'],
      contactCount: 3,
    });
    expect((await ws.admin.api.get(`/api/contacts/${onM}`)).json().companyId).toBe(s);
    expect((await ws.admin.api.get(`/api/contacts/${both}`)).json()).toMatchObject({ companyId: s, companyIds: [] });
    expect((await ws.admin.api.get(`/api/contacts/${other}`)).json()).toMatchObject({ companyId: null, companyIds: [s] });
    expect((await ws.admin.api.get(`/api/companies/${child}`)).json().parentCompanyId).toBe(s);
    const activities = (await ws.admin.api.get(`/api/activities?entityType=company&entityId=${s}`)).json().items;
    expect(activities.map((a: { id: string }) => a.id)).toEqual([activity]);
    expect((await ws.admin.api.get(`/api/tasks/${task}`)).json().entityId).toBe(s);
    expect((await ws.admin.api.get(`/api/companies/${m}`)).json()).toMatchObject({ id: s, mergedFrom: m });
    const [event] = await rows<{ data: unknown }>(
      t.database.db,
      sql`select data from outbox_events where type = 'company.merged' and entity_id = ${s}`,
    );
    expect(event!.data).toEqual({ survivorId: s, mergedIds: [m] });
  });

  it('changes nothing when a late step fails (a parent that would make a loop)', async () => {
    const s = await company({ name: 'Loop Parent', domain: 'loop-parent.example' });
    const kid = await company({ name: 'Loop Kid', parentCompanyId: s });
    const m = await company({ name: 'Loop Other', parentCompanyId: kid });
    const person = await contact({ firstName: 'Leon', lastName: 'Kennedy', companyId: m });
    const res = await ws.admin.api.post('/api/companies/merge', { survivorId: s, mergedIds: [m], fields: { parentCompanyId: m } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'company_parent_cycle', details: { path: ['body', 'fields', 'parentCompanyId'] } });
    expect((await ws.admin.api.get(`/api/companies/${m}`)).json()).toMatchObject({ id: m, parentCompanyId: kid });
    expect((await ws.admin.api.get(`/api/contacts/${person}`)).json().companyId).toBe(m);
    const aliases = await rows(t.database.db, sql`select 1 from record_aliases where alias_id = ${m}`);
    expect(aliases).toEqual([]);
  });

  it('refuses a company of another workspace with a 404 naming it', async () => {
    const s = await company({ name: 'Mine' });
    const b = await createTestWorkspace(t, 'Beta');
    const theirs = (await b.admin.api.post('/api/companies', { name: 'Theirs' })).json().id;
    const res = await ws.admin.api.post('/api/companies/merge', { survivorId: s, mergedIds: [theirs] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'company_not_found', details: { id: theirs } });
    expect((await b.admin.api.get(`/api/companies/${theirs}`)).statusCode).toBe(200);
  });
});
