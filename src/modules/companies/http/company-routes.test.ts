import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { findOrCreateCompanyByDomain } from '../use-cases/find-or-create-company-by-domain.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const create = (body: Record<string, unknown>, w = ws) => w.admin.api.post('/api/companies', { name: 'Acme', ...body });

describe('creating companies', () => {
  it('normalizes the domain and defaults the owner to the creator and the revenue currency to the workspace’s', async () => {
    const res = await create({
      name: ' Globex ',
      domain: 'https://WWW.Globex.com:8443/about?x=1',
      annualRevenue: 12_000_000_00,
      country: 'de',
      tags: [' b2b ', 'B2B', 'saas'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Globex',
      domain: 'globex.com',
      ownerId: ws.admin.userId,
      annualRevenue: 12_000_000_00,
      annualRevenueCurrency: 'USD',
      country: 'DE',
      tags: ['b2b', 'saas'],
    });
    const got = await ws.admin.api.get(`/api/companies/${res.json().id}`);
    expect(got.json()).toMatchObject({ domain: 'globex.com', contactCount: 0 });
  });

  it.each(['not a domain', 'localhost', '10.0.0.1', 'acme.123', '-acme.com'])(
    'rejects the domain %j with 400 on body.domain',
    async (domain) => {
      const res = await create({ domain });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.path).toEqual(['body', 'domain']);
    },
  );

  it('answers 409 company_domain_taken naming the existing company, on create and update; a deleted company frees its domain', async () => {
    const first = (await create({ domain: 'initech.com' })).json();
    const dup = await create({ name: 'Initech 2', domain: 'http://www.INITECH.com/' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'company_domain_taken', details: { existingId: first.id, path: ['body', 'domain'] } });
    const other = (await create({ name: 'Other', domain: 'other-initech.com' })).json();
    const moved = await ws.admin.api.patch(`/api/companies/${other.id}`, { domain: 'initech.com' });
    expect(moved.json().error).toMatchObject({ code: 'company_domain_taken', details: { existingId: first.id } });
    expect((await ws.admin.api.delete(`/api/companies/${first.id}`)).statusCode).toBe(200);
    expect((await ws.admin.api.get(`/api/companies/${first.id}`)).statusCode).toBe(404);
    expect((await create({ name: 'Initech reborn', domain: 'initech.com' })).statusCode).toBe(201);
  });

  it('refuses an owner who is not a member and unknown fields', async () => {
    const stranger = await createTestWorkspace(t, 'Elsewhere');
    const res = await create({ ownerId: stranger.admin.userId });
    expect(res.json().error).toMatchObject({ code: 'user_not_found', details: { path: ['body', 'ownerId'] } });
    const unknown = await create({ revenue: 5 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toEqual(['body', 'revenue']);
    expect((await create({ annualRevenue: 12.5 })).json().error.details.issues[0].path).toEqual(['body', 'annualRevenue']);
  });
});

describe('company hierarchy', () => {
  it('links a parent and refuses loops', async () => {
    const group = (await create({ name: 'Group' })).json();
    const sub = (await create({ name: 'Sub', parentCompanyId: group.id })).json();
    const subsub = (await create({ name: 'SubSub', parentCompanyId: sub.id })).json();
    expect(sub.parentCompanyId).toBe(group.id);
    const loop = await ws.admin.api.patch(`/api/companies/${group.id}`, { parentCompanyId: subsub.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error).toMatchObject({ code: 'company_parent_cycle', details: { path: ['body', 'parentCompanyId'] } });
    expect((await ws.admin.api.patch(`/api/companies/${group.id}`, { parentCompanyId: group.id })).statusCode).toBe(400);
    const missing = await ws.admin.api.patch(`/api/companies/${group.id}`, { parentCompanyId: '01a2046c-2fe0-736a-9afc-6fa2c261295f' });
    expect(missing.json().error.code).toBe('company_not_found');
  });
});

describe('reading companies', () => {
  it('resolves a merged-away id to the survivor and says so', async () => {
    const survivor = (await create({ name: 'Survivor' })).json();
    const gone = '01a2046c-2fe0-736a-9afc-6fa2c2612999';
    await t.database.db.execute(
      sql`insert into record_aliases (workspace_id, entity_type, alias_id, target_id) values (${ws.workspaceId}, 'company', ${gone}, ${survivor.id})`,
    );
    const res = await ws.admin.api.get(`/api/companies/${gone}`);
    expect(res.json()).toMatchObject({ id: survivor.id, mergedFrom: gone });
  });

  it('counts and lists the company’s contacts, primary and other links', async () => {
    const co = (await create({ name: 'Counted', domain: 'counted.io' })).json();
    await ws.admin.api.post('/api/contacts', { firstName: 'Ann', emails: [{ email: 'ann@counted.io' }] });
    await ws.admin.api.post('/api/contacts', { firstName: 'Bob', companyIds: [co.id] });
    expect((await ws.admin.api.get(`/api/companies/${co.id}`)).json().contactCount).toBe(2);
    const page1 = (await ws.admin.api.get(`/api/companies/${co.id}/contacts?limit=1`)).json();
    expect(page1.items).toMatchObject([{ displayName: 'Ann', isPrimary: true }]);
    const page2 = (await ws.admin.api.get(`/api/companies/${co.id}/contacts?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ items: [{ displayName: 'Bob', isPrimary: false }], nextCursor: null });
  });

  it('hides another rep’s company from a rep under own visibility, for reads and writes', async () => {
    const [rep1, rep2] = [await ws.member('sales_rep'), await ws.member('sales_rep')];
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    const co = (await rep1.api.post('/api/companies', { name: 'Rep1 Co' })).json();
    expect(co.ownerId).toBe(rep1.userId);
    expect((await rep1.api.get(`/api/companies/${co.id}`)).statusCode).toBe(200);
    expect((await rep2.api.get(`/api/companies/${co.id}`)).statusCode).toBe(404);
    expect((await rep2.api.patch(`/api/companies/${co.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await rep2.api.delete(`/api/companies/${co.id}`)).statusCode).toBe(403);
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
  });
});

describe('changes are audited and announced', () => {
  it('writes before/after to the audit log and company.* events to the outbox', async () => {
    const co = (await create({ name: 'Audited', industry: 'Retail' })).json();
    await ws.admin.api.patch(`/api/companies/${co.id}`, { industry: 'Software' });
    await ws.admin.api.delete(`/api/companies/${co.id}`);
    const audit = await rows<{ action: string; before: { industry?: string } | null; after: { industry?: string } | null }>(
      t.database.db,
      sql`select action, before, after from audit_log where workspace_id = ${ws.workspaceId} and entity_id = ${co.id} order by created_at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['company.created', 'company.updated', 'company.deleted']);
    expect([audit[1]!.before!.industry, audit[1]!.after!.industry]).toEqual(['Retail', 'Software']);
    const events = await rows<{ type: string; data: { changed?: string[] } }>(
      t.database.db,
      sql`select type, data from outbox_events where entity_id = ${co.id} order by created_at, id`,
    );
    expect(events.map((e) => e.type)).toEqual(['company.created', 'company.updated', 'company.deleted']);
    expect(events[1]!.data.changed).toEqual(['industry']);
  });
});

describe('findOrCreateCompanyByDomain', () => {
  it('creates a company named after the domain once, then finds it', async () => {
    const first = await findOrCreateCompanyByDomain(ws.admin.ctx, 'https://www.hooli-labs.com/jobs');
    expect(first).toMatchObject({ created: true, company: { name: 'Hooli Labs', domain: 'hooli-labs.com' } });
    const again = await findOrCreateCompanyByDomain(ws.admin.ctx, 'HOOLI-LABS.com');
    expect(again).toMatchObject({ created: false, company: { id: first.company.id } });
  });
});
