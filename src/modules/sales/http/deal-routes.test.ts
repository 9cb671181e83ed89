import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let pipeline: { id: string; stages: { id: string; name: string }[] };
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  pipeline = (await ws.admin.api.post('/api/pipelines', { name: 'Sales' })).json();
});
afterAll(() => t.close());

const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;

describe('creating and changing deals', () => {
  it('creates a deal in the first open stage with the workspace currency, owner and contacts with roles', async () => {
    const contact = (await ws.admin.api.post('/api/contacts', { firstName: 'Dana', lastName: 'Buyer' })).json();
    const company = (await ws.admin.api.post('/api/companies', { name: 'Buyer Inc', domain: 'buyer.example' })).json();
    const res = await ws.admin.api.post('/api/deals', {
      name: ' Buyer Inc – platform ',
      amount: 1_250_000,
      companyId: company.id,
      contacts: [{ contactId: contact.id, role: 'champion' }],
      competitors: ['Rival', 'rival', ' Other '],
      tags: ['q3'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Buyer Inc – platform',
      pipelineId: pipeline.id,
      stageId: stage('Qualification'),
      status: 'open',
      currency: 'USD',
      amount: 1_250_000,
      ownerId: ws.admin.userId,
      forecastCategory: 'pipeline',
      competitors: ['Rival', 'Other'],
      contacts: [{ contactId: contact.id, role: 'champion', displayName: 'Dana Buyer' }],
      stage: { name: 'Qualification', probability: 10 },
      rotting: false,
    });
  });

  it('refuses unknown currencies, unknown contacts and companies with the path of the field', async () => {
    const cur = await ws.admin.api.post('/api/deals', { name: 'X', currency: 'XYZ' });
    expect(cur.statusCode).toBe(400);
    expect(cur.json().error).toMatchObject({ code: 'unknown_currency', details: { path: ['body', 'currency'] } });
    const contact = await ws.admin.api.post('/api/deals', { name: 'X', contacts: [{ contactId: '01a2046c-2fe0-736a-9afc-6fa2c261295f' }] });
    expect(contact.json().error).toMatchObject({ code: 'contact_not_found', details: { path: ['body', 'contacts', 0, 'contactId'] } });
    const company = await ws.admin.api.post('/api/deals', { name: 'X', companyId: '01a2046c-2fe0-736a-9afc-6fa2c261295f' });
    expect(company.statusCode).toBe(404);
  });

  it('needs the stage’s required fields to create a deal there, naming every missing one', async () => {
    const res = await ws.admin.api.post('/api/deals', { name: 'Early proposal', stageId: stage('Proposal') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'stage_requirements_missing',
      details: { path: ['body', 'stageId'], missing: ['amount', 'close_date'] },
    });
    expect(res.json().error.message).toContain('amount, close_date');
    const ok = await ws.admin.api.post('/api/deals', { name: 'Ready', stageId: stage('Proposal'), amount: 100, closeDate: '2030-01-31' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().closeDate).toBe('2030-01-31');
    const cleared = await ws.admin.api.patch(`/api/deals/${ok.json().id}`, { amount: null });
    expect(cleared.json().error).toMatchObject({ code: 'stage_requirements_missing', details: { missing: ['amount'] } });
  });

  it('creates deals in open stages only', async () => {
    const res = await ws.admin.api.post('/api/deals', { name: 'Already won', stageId: stage('Won') });
    expect(res.json().error.code).toBe('deal_stage_closed');
  });

  it('updates fields, merges custom values and records the change in the audit log', async () => {
    await ws.admin.api.post('/api/custom-fields', { entityType: 'deal', key: 'seats', label: 'Seats', type: 'number' });
    const d = (await ws.admin.api.post('/api/deals', { name: 'Seats deal', custom: { seats: 10 } })).json();
    const res = await ws.admin.api.patch(`/api/deals/${d.id}`, { nextStep: 'Send pricing', custom: { seats: 25 }, currency: 'eur' });
    expect(res.json()).toMatchObject({ nextStep: 'Send pricing', custom: { seats: 25 }, currency: 'EUR' });
    const bad = await ws.admin.api.patch(`/api/deals/${d.id}`, { custom: { seats: 'many' } });
    expect(bad.json().error.details.path).toEqual(['body', 'custom', 'seats']);
    const [audit] = await t.database.db
      .execute(sql`select count(*)::int as n from audit_log where workspace_id = ${ws.workspaceId} and entity_id = ${d.id}`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(audit!.n).toBeGreaterThanOrEqual(2);
  });
});

describe('the deal list (table view)', () => {
  it('filters over deal fields, custom fields and the company, sorts and pages with a total', async () => {
    const co = (await ws.admin.api.post('/api/companies', { name: 'Filter Co', domain: 'filter.example', industry: 'Banking' })).json();
    for (const [i, amount] of [500, 5_000, 50_000].entries())
      await ws.admin.api.post('/api/deals', { name: `Filter ${i}`, amount, companyId: co.id, tags: ['filtered'] });
    const filter = JSON.stringify({
      and: [
        { field: 'amount', op: 'gte', value: 1_000 },
        { predicate: 'company', where: { field: 'industry', op: 'eq', value: 'banking' } },
      ],
    });
    const res = await ws.admin.api.get(`/api/deals?filter=${encodeURIComponent(filter)}&sort=-amount&limit=1`);
    expect(res.json()).toMatchObject({ items: [{ name: 'Filter 2', amount: 50_000 }], total: { value: 2, exact: true } });
    const next = await ws.admin.api.get(
      `/api/deals?filter=${encodeURIComponent(filter)}&sort=-amount&limit=1&cursor=${res.json().nextCursor}`,
    );
    expect(next.json().items[0].name).toBe('Filter 1');
    const bad = await ws.admin.api.get(`/api/deals?filter=${encodeURIComponent(JSON.stringify({ field: 'nope', op: 'eq', value: 1 }))}`);
    expect(bad.json().error).toMatchObject({ code: 'filter_invalid', details: { path: ['query', 'filter', 'field'] } });
  });

  it('shows a rep only the deals they may see when visibility is own', async () => {
    const rep = await ws.member('sales_rep');
    const mine = (await rep.api.post('/api/deals', { name: 'Rep deal' })).json();
    expect((await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } })).statusCode).toBe(200);
    const list = (await rep.api.get('/api/deals?limit=500')).json();
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([mine.id]);
    const other = (await ws.admin.api.post('/api/deals', { name: 'Admin deal' })).json();
    expect((await rep.api.get(`/api/deals/${other.id}`)).statusCode).toBe(404);
    expect((await rep.api.patch(`/api/deals/${other.id}`, { nextStep: 'x' })).statusCode).toBe(404);
    const board = (await rep.api.get(`/api/pipelines/${pipeline.id}/board`)).json();
    expect(board.columns.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(1);
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
  });
});

describe('stage history', () => {
  it('records who moved the deal when, with time in each stage and the sales cycle', async () => {
    const d = (await ws.admin.api.post('/api/deals', { name: 'Journey', amount: 1_000, closeDate: '2030-06-30' })).json();
    await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Discovery') });
    await t.database.db.execute(
      sql`update deal_stage_history set entered_at = entered_at - interval '3 days' where deal_id = ${d.id} and stage_id = ${stage('Qualification')}`,
    );
    await t.database.db.execute(sql`update deals set created_at = created_at - interval '3 days' where id = ${d.id}`);
    await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Won') });
    const h = (await ws.admin.api.get(`/api/deals/${d.id}/stage-history`)).json();
    expect(h.items.map((i: { stageName: string }) => i.stageName)).toEqual(['Qualification', 'Discovery', 'Won']);
    expect(h.items[0].seconds).toBeGreaterThanOrEqual(3 * 86_400);
    expect(h.items[1]).toMatchObject({ fromStageId: stage('Qualification'), actorId: ws.admin.userId, actorLabel: 'Ada Admin' });
    expect(h.items[2].leftAt).toBeNull();
    expect(h.closed).toBe(true);
    expect(h.salesCycleSeconds).toBeGreaterThanOrEqual(3 * 86_400);
  });
});
