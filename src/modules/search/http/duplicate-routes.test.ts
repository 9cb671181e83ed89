import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
const ids: Record<string, string> = {};

type Pair = { reason: string; score: number; ids: [string, string]; records: { id: string }[] };
const key = (p: Pair) => `${p.reason}:${[...p.ids].sort().join(',')}`;
const pairOf = (a: string, b: string) => [ids[a]!, ids[b]!].sort().join(',');

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  const make = async (kind: 'contacts' | 'companies', k: string, body: Record<string, unknown>) => {
    const res = await ws.admin.api.post(`/api/${kind}`, body);
    expect(res.statusCode, res.body).toBe(201);
    ids[k] = res.json().id;
  };
  await make('companies', 'acme', { name: 'Acme', domain: 'acme.example' });
  await make('companies', 'umbrellaUk', { name: 'Umbrella UK', domain: 'umbrella.co.uk' });
  await make('companies', 'umbrellaEu', { name: 'Umbrella Europe', domain: 'eu.umbrella.com' });
  await make('companies', 'wayne', { name: 'Wayne Enterprises' });
  await make('companies', 'wayneInc', { name: 'Wayne Enterprises, Inc.' });
  await make('companies', 'stark', { name: 'Stark Industries' });
  await make('contacts', 'grace', { firstName: 'Grace', lastName: 'Hopper', phones: [{ phone: '+1 202 555 0101' }], companyId: null });
  await make('contacts', 'gHopper', { firstName: 'G.', lastName: 'Hopper', phones: [{ phone: '+12025550101' }], companyId: null });
  await make('contacts', 'jonathan', { firstName: 'Jonathan', lastName: 'Smithers', companyId: ids.acme });
  await make('contacts', 'jonathon', { firstName: 'Jonathon', lastName: 'Smithers', companyId: ids.acme });
  await make('contacts', 'katherine', { firstName: 'Katherine', lastName: 'Johnson', companyId: ids.acme });
  await make('contacts', 'catherine', { firstName: 'Catherine', lastName: 'Johnson', companyId: ids.acme });
  await make('contacts', 'other', { firstName: 'Zed', lastName: 'Unrelated', companyId: ids.acme });
  await make('contacts', 'linusA', {
    firstName: 'Linus',
    lastName: 'Torvalds',
    emails: [{ email: 'linus@osdl.example' }],
    companyId: null,
  });
  await make('contacts', 'linusB', {
    firstName: 'Linus',
    lastName: 'Torvalds',
    emails: [{ email: 'linus@transmeta.example' }],
    companyId: null,
  });
});
afterAll(() => t.close());

const all = async (path: string, limit: number) => {
  const out: Pair[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await ws.admin.api.get(`${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    out.push(...res.json().items);
    cursor = res.json().nextCursor;
    if (!cursor) return out;
  }
  throw new Error('too many pages');
};

describe('duplicate contacts report', () => {
  it('pairs contacts with the same phone, similar names at one company, or one name and email local part at two domains', async () => {
    const pairs = await all('/api/duplicates/contacts', 50);
    const found = new Map(pairs.map((p) => [`${p.reason}:${p.ids.join(',')}`, p]));
    expect(found.get(`same_phone:${pairOf('grace', 'gHopper')}`)?.score).toBe(1);
    expect(found.get(`similar_name_same_company:${pairOf('jonathan', 'jonathon')}`)?.score).toBeGreaterThanOrEqual(0.6);
    expect(found.has(`similar_name_same_company:${pairOf('katherine', 'catherine')}`)).toBe(true);
    expect(
      found
        .get(`same_name_email_local_part:${pairOf('linusA', 'linusB')}`)
        ?.records.map((r) => r.id)
        .sort(),
    ).toEqual([ids.linusA, ids.linusB].sort());
    expect(pairs.some((p) => p.ids.includes(ids.other!))).toBe(false);
  });

  it('pages through the same pairs with any page size, without repeats', async () => {
    const whole = (await all('/api/duplicates/contacts', 200)).map(key);
    const paged = (await all('/api/duplicates/contacts', 1)).map(key);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('leaves out pairs someone dismissed', async () => {
    const res = await ws.admin.api.post('/api/duplicates/dismiss', { entityType: 'contact', ids: [ids.gHopper, ids.grace] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await ws.admin.api.post('/api/duplicates/dismiss', { entityType: 'contact', ids: [ids.grace, ids.gHopper] })).statusCode).toBe(
      200,
    );
    const pairs = await all('/api/duplicates/contacts', 50);
    expect(pairs.some((p) => p.ids.join(',') === pairOf('grace', 'gHopper'))).toBe(false);
  });

  it('refuses to dismiss records of another workspace, naming the id', async () => {
    const other = await createTestWorkspace(t, 'Other');
    const res = await other.admin.api.post('/api/duplicates/dismiss', { entityType: 'contact', ids: [ids.grace, ids.linusA] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'contact_not_found', details: { id: ids.grace, path: ['body', 'ids', 0] } });
    expect((await other.admin.api.get('/api/duplicates/contacts')).json().items).toEqual([]);
  });

  it('refuses a pair of one record', async () => {
    const res = await ws.admin.api.post('/api/duplicates/dismiss', { entityType: 'contact', ids: [ids.grace, ids.grace] });
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'ids', 1] } });
  });
});

describe('duplicate companies report', () => {
  it('pairs companies with the same domain root or similar names', async () => {
    const pairs = await all('/api/duplicates/companies', 50);
    const keys = pairs.map((p) => `${p.reason}:${p.ids.join(',')}`);
    expect(keys).toContain(`same_domain_root:${pairOf('umbrellaUk', 'umbrellaEu')}`);
    expect(keys).toContain(`similar_name:${pairOf('wayne', 'wayneInc')}`);
    expect(pairs.some((p) => p.ids.includes(ids.stark!) || p.ids.includes(ids.acme!))).toBe(false);
  });

  it('leaves out dismissed company pairs', async () => {
    expect((await ws.admin.api.post('/api/duplicates/dismiss', { entityType: 'company', ids: [ids.wayne, ids.wayneInc] })).statusCode).toBe(
      200,
    );
    const pairs = await all('/api/duplicates/companies', 1);
    expect(pairs.map((p) => p.reason)).toEqual(['same_domain_root']);
  });
});
