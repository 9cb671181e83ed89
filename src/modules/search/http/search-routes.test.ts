import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  const contact = async (key: string, body: Record<string, unknown>) => {
    const res = await ws.admin.api.post('/api/contacts', body);
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  const company = async (key: string, body: Record<string, unknown>) => {
    const res = await ws.admin.api.post('/api/companies', body);
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await company('globex', { name: 'Globex Corporation', domain: 'globex.example' });
  await company('initech', { name: 'Initech', domain: 'initech.example' });
  await contact('margaret', {
    firstName: 'Margaret',
    lastName: 'Hamilton',
    emails: [{ email: 'margaret@apollo.example' }],
    companyId: null,
  });
  await contact('ada', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: [{ email: 'ada@analytical.example' }, { email: 'countess@lovelace.example' }],
    phones: [{ phone: '+1 202-456-1111' }],
    companyId: null,
  });
  await contact('adaB', { firstName: 'Ada', lastName: 'Byron', emails: [{ email: 'ada.byron@analytical.example' }], companyId: null });
  await contact('hamlet', { firstName: 'Hamlet', lastName: 'Dane', companyId: null });
});
afterAll(() => t.close());

const search = async (q: string, who = ws.admin) => {
  const res = await who.api.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { type: string; id: string; title: string; subtitle: string | null; score: number }[];
};

describe('global search', () => {
  it('finds a contact by a misspelled name', async () => {
    const [first] = await search('margret hamiltn');
    expect(first).toMatchObject({ type: 'contact', id: ids.margaret, title: 'Margaret Hamilton' });
  });

  it('puts the contact with that exact email first, above similar ones', async () => {
    const hits = await search('ada@analytical.example');
    expect(hits[0]).toMatchObject({ id: ids.ada, subtitle: 'ada@analytical.example', score: 4 });
  });

  it('finds a contact by any of its emails, not only the primary one', async () => {
    const [first] = await search('countess@lovelace.example');
    expect(first).toMatchObject({ id: ids.ada, subtitle: 'countess@lovelace.example' });
  });

  it('finds a contact by phone however the number is written', async () => {
    expect((await search('+1 (202) 456-1111'))[0]).toMatchObject({ id: ids.ada, subtitle: '+12024561111', score: 4 });
    expect((await search('+1202456'))[0]).toMatchObject({ id: ids.ada });
  });

  it('ranks exact matches, then prefixes, then fuzzy matches', async () => {
    const hits = await search('ada');
    const scoreOf = (id: string) => hits.find((h) => h.id === id)?.score ?? -1;
    expect(scoreOf(ids.ada!)).toBeGreaterThanOrEqual(1);
    expect(scoreOf(ids.adaB!)).toBeGreaterThanOrEqual(1);
    const ham = await search('haml');
    expect(ham[0]!.id).toBe(ids.hamlet);
    expect(ham.find((h) => h.id === ids.margaret)?.score ?? 0).toBeLessThan(ham[0]!.score);
  });

  it('finds companies by name, misspelled name and exact domain', async () => {
    expect((await search('globex.example'))[0]).toMatchObject({ type: 'company', id: ids.globex, subtitle: 'globex.example', score: 4 });
    expect((await search('globx corporation'))[0]).toMatchObject({ type: 'company', id: ids.globex });
    expect((await search('initech'))[0]).toMatchObject({ type: 'company', id: ids.initech, score: 3 });
    expect((await search('@initech'))[0]).toMatchObject({ type: 'company', id: ids.initech });
  });

  it('leaves out deleted records', async () => {
    const res = await ws.admin.api.post('/api/contacts', { firstName: 'Ephemeral', lastName: 'Person', companyId: null });
    expect((await search('ephemeral person')).map((h) => h.id)).toContain(res.json().id);
    await ws.admin.api.delete(`/api/contacts/${res.json().id}`);
    expect((await search('ephemeral person')).map((h) => h.id)).not.toContain(res.json().id);
  });

  it('shows a sales rep only the records they may see', async () => {
    const rep = await ws.member('sales_rep');
    const own = await rep.api.post('/api/contacts', { firstName: 'Repsown', lastName: 'Contact', companyId: null });
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    try {
      expect((await search('margaret hamilton', rep)).map((h) => h.id)).not.toContain(ids.margaret);
      expect((await search('repsown contact', rep))[0]!.id).toBe(own.json().id);
      expect((await search('margaret hamilton')).map((h) => h.id)).toContain(ids.margaret);
    } finally {
      await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
    }
  });

  it('never returns records of another workspace', async () => {
    const other = await createTestWorkspace(t, 'Other');
    const hits = (await other.admin.api.get('/api/search?q=margaret%20hamilton')).json().items;
    expect(hits).toEqual([]);
  });

  it('validates the query', async () => {
    const res = await ws.admin.api.get('/api/search?q=');
    expect(res.statusCode).toBe(400);
    expect((await ws.admin.api.get('/api/search?q=x&limit=500')).statusCode).toBe(400);
  });
});
