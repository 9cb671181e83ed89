import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { convertContact, convertContactFlow } from './convert-contact.ts';
import { moveDealFlow, moveDealWithOutcome } from './move-deal-flow.ts';

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
const count = async (table: string) =>
  (
    await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${ws.workspaceId}`,
    )
  )[0]!.n;
const lead = (email: string, extra: Record<string, unknown> = {}) =>
  ws.admin.api
    .post('/api/contacts', { firstName: 'Lee', lastName: 'Lead', emails: [{ email }], lifecycleStage: 'sales_qualified', ...extra })
    .then((r) => r.json());
const failing = { name: 'explode', run: async () => Promise.reject(new Error('injected failure')) };

describe('converting a contact into a deal', () => {
  it('finds or creates the company, opens a deal with the contact and moves the lifecycle to opportunity', async () => {
    const c = await lead('lee@gmail.com');
    const res = await ws.admin.api.post(`/api/contacts/${c.id}/convert`, {
      company: { name: 'Lead Labs', domain: 'https://www.leadlabs.example/about' },
      amount: 900_000,
      role: 'champion',
    });
    expect(res.statusCode).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ companyCreated: true, lifecycleChanged: true });
    expect(out.deal).toMatchObject({
      name: 'Lead Labs deal',
      companyId: out.companyId,
      amount: 900_000,
      stageId: stage('Qualification'),
      contacts: [{ contactId: c.id, role: 'champion' }],
    });
    const contact = (await ws.admin.api.get(`/api/contacts/${c.id}`)).json();
    expect(contact).toMatchObject({ lifecycleStage: 'opportunity', companyId: out.companyId });
    const history = (await ws.admin.api.get(`/api/contacts/${c.id}/lifecycle-history`)).json();
    expect(history.items.at(-1)).toMatchObject({ toStage: 'opportunity', rule: 'lead_converted' });
  });

  it('links the contact’s own company and leaves a customer’s lifecycle alone', async () => {
    const c = await lead('cust@acme-owned.example', { lifecycleStage: 'customer' });
    const out = (await ws.admin.api.post(`/api/contacts/${c.id}/convert`, { name: 'Upsell' })).json();
    expect(out).toMatchObject({ companyId: c.companyId, companyCreated: false, lifecycleChanged: false, deal: { name: 'Upsell' } });
  });

  it('leaves nothing behind when a step fails half-way', async () => {
    const c = await lead('half@halfway.example');
    const before = { deals: await count('deals'), companies: await count('companies'), history: await count('lifecycle_history') };
    const flow = { ...convertContactFlow, steps: [...convertContactFlow.steps, failing] };
    await expect(convertContact(ws.admin.ctx, c.id, { company: { domain: 'brand-new-co.example' } }, flow)).rejects.toThrow(
      'injected failure',
    );
    expect({ deals: await count('deals'), companies: await count('companies'), history: await count('lifecycle_history') }).toEqual(before);
    expect((await ws.admin.api.get(`/api/contacts/${c.id}`)).json().lifecycleStage).toBe('sales_qualified');
    expect(await count('deal_stage_history')).toBe(await count('deals'));
  });
});

describe('moving deals: requirements, wins and losses', () => {
  it('refuses a stage whose required fields are missing, and accepts them with the move', async () => {
    const d = (await ws.admin.api.post('/api/deals', { name: 'Needs fields' })).json();
    const bad = await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Proposal') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'stage_requirements_missing', details: { missing: ['amount', 'close_date'] } });
    const ok = await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Proposal'), amount: 5_000, closeDate: '2031-03-01' });
    expect(ok.json()).toMatchObject({ moved: true, deal: { stageId: stage('Proposal'), amount: 5_000 } });
  });

  it('a won deal makes its contacts customers and tags its company, in one step', async () => {
    const c = await lead('buyer@winners.example');
    const { deal } = (await ws.admin.api.post(`/api/contacts/${c.id}/convert`, {})).json();
    const res = (await ws.admin.api.post(`/api/deals/${deal.id}/move`, { stageId: stage('Won') })).json();
    expect(res).toMatchObject({ moved: true, customers: [c.id], companyMarked: true, deal: { status: 'won', forecastCategory: 'closed' } });
    expect(res.deal.closedAt).not.toBeNull();
    expect((await ws.admin.api.get(`/api/contacts/${c.id}`)).json().lifecycleStage).toBe('customer');
    expect((await ws.admin.api.get(`/api/companies/${deal.companyId}`)).json().tags).toContain('customer');
    const events = await rows<{ type: string }>(
      t.database.db,
      sql`select type from outbox_events where workspace_id = ${ws.workspaceId} and entity_id = ${deal.id} order by created_at`,
    );
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['deal.created', 'deal.stage_changed', 'deal.won']));
  });

  it('a failure while marking customers leaves the deal where it was', async () => {
    const c = await lead('undo@undone.example');
    const { deal } = (await ws.admin.api.post(`/api/contacts/${c.id}/convert`, {})).json();
    const flow = { ...moveDealFlow, steps: [...moveDealFlow.steps, failing] };
    await expect(moveDealWithOutcome(ws.admin.ctx, deal.id, { stageId: stage('Won') }, flow)).rejects.toThrow('injected failure');
    expect((await ws.admin.api.get(`/api/deals/${deal.id}`)).json()).toMatchObject({ status: 'open', stageId: stage('Qualification') });
    expect((await ws.admin.api.get(`/api/contacts/${c.id}`)).json().lifecycleStage).toBe('opportunity');
    expect((await ws.admin.api.get(`/api/deals/${deal.id}/stage-history`)).json().items).toHaveLength(1);
  });

  it('a lost deal needs a reason and records the competitor it went to', async () => {
    const d = (await ws.admin.api.post('/api/deals', { name: 'Lost one', competitors: ['Globex'] })).json();
    const bad = await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Lost') });
    expect(bad.json().error).toMatchObject({ code: 'stage_requirements_missing', details: { missing: ['loss_reason'] } });
    const res = (
      await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Lost'), lossReason: 'Price', lostTo: 'Initech' })
    ).json();
    expect(res.deal).toMatchObject({
      status: 'lost',
      forecastCategory: 'omitted',
      lossReason: 'Price',
      lostTo: 'Initech',
      competitors: ['Globex', 'Initech'],
    });
    const reopened = (await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Discovery') })).json();
    expect(reopened.deal).toMatchObject({ status: 'open', closedAt: null, lossReason: null, forecastCategory: 'pipeline' });
  });
});
