import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { identifyVisitor, recordContactEvents } from '../engagement/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
const derive = async () => (await ws.admin.api.post('/api/campaigns/derive-touchpoints', {})).json();
const touchpoints = async (campaignId: string) =>
  (await ws.admin.api.get(`/api/campaigns/${campaignId}/touchpoints`)).json().items as {
    kind: string;
    contactId: string;
    occurredAt: string;
  }[];

describe('touchpoints and attribution', () => {
  let webinar: { id: string };
  let search: { id: string };
  let x: string;
  let y: string;
  let z: string;
  let visitor: string;
  let company: string;

  it('derives touchpoints from campaign events of known contacts, by campaign id or utm slug, once', async () => {
    webinar = (await ws.admin.api.post('/api/campaigns', { name: 'Spring webinar 2026', channel: 'events' })).json();
    search = (await ws.admin.api.post('/api/campaigns', { name: 'Q4 paid search', channel: 'paid_search' })).json();
    company = (await ws.admin.api.post('/api/companies', { name: 'Journey Inc', domain: 'journey.example' })).json().id;
    x = (
      await ws.admin.api.post('/api/contacts', { firstName: 'Xena', emails: [{ email: 'x@journey.example' }], companyId: company })
    ).json().id;
    y = (await ws.admin.api.post('/api/contacts', { firstName: 'Yuri', emails: [{ email: 'y@elsewhere.example' }] })).json().id;
    visitor = crypto.randomUUID();
    await recordContactEvents(t.database.db, ws.workspaceId, [
      { kind: 'page_view', contactId: x, occurredAt: daysAgo(10), props: { utm: { source: 'linkedin', campaign: 'Spring-Webinar-2026' } } },
      { kind: 'email_click', contactId: x, occurredAt: daysAgo(5), campaignId: search.id },
      { kind: 'email_open', contactId: x, occurredAt: daysAgo(5), campaignId: search.id },
      { kind: 'page_view', contactId: x, occurredAt: daysAgo(4), props: { utm: { campaign: 'unknown-campaign' } } },
      { kind: 'page_view', visitorId: visitor, occurredAt: daysAgo(3), props: { utm: { campaign: 'q4-paid-search' } } },
    ]);
    // email_open is not a touchpoint kind, so four events are read.
    expect(await derive()).toEqual({ events: 4, touchpoints: 2, pending: 1 });
    expect((await touchpoints(webinar.id)).map((p) => [p.kind, p.contactId])).toEqual([['visit', x]]);
    expect((await touchpoints(search.id)).map((p) => [p.kind, p.contactId])).toEqual([['email_click', x]]);
    // Reading the same events again (the overlap window) adds nothing.
    await t.database.db.execute(
      sql`update campaign_derivation_state set events_through = '-infinity' where workspace_id = ${ws.workspaceId}`,
    );
    expect((await derive()).touchpoints).toBe(0);
  });

  it('turns an anonymous visitor’s campaign visit into a touchpoint once the visitor is identified', async () => {
    await identifyVisitor(t.database.db, ws.workspaceId, visitor, y);
    expect(await derive()).toMatchObject({ touchpoints: 1, pending: 0 });
    expect((await touchpoints(search.id)).map((p) => [p.kind, p.contactId])).toContainEqual(['visit', y]);
  });

  it('records manual touchpoints, refuses unknown contacts, and deletes only manual ones', async () => {
    z = (await ws.admin.api.post('/api/contacts', { firstName: 'Zoe', emails: [{ email: 'z@journey.example' }] })).json().id;
    const res = await ws.admin.api.post(`/api/campaigns/${webinar.id}/touchpoints`, {
      contactId: z,
      occurredAt: daysAgo(20).toISOString(),
      note: 'Booth',
    });
    expect(res.statusCode).toBe(201);
    const bad = await ws.admin.api.post(`/api/campaigns/${webinar.id}/touchpoints`, { contactId: crypto.randomUUID() });
    expect(bad.json().error).toMatchObject({ code: 'contact_not_found', details: { path: ['body', 'contactId'] } });
    const extra = (await ws.admin.api.post(`/api/campaigns/${webinar.id}/touchpoints`, { contactId: z })).json();
    expect((await ws.admin.api.delete(`/api/campaigns/${webinar.id}/touchpoints/${extra.id}`)).json()).toEqual({ ok: true });
    const derived = (await touchpoints(webinar.id)).find((p) => p.kind === 'visit') as unknown as { id: string };
    expect((await ws.admin.api.delete(`/api/campaigns/${webinar.id}/touchpoints/${derived.id}`)).json().error.code).toBe(
      'touchpoint_derived',
    );
  });

  it('credits a won deal’s revenue to the touchpoints of its contacts and its company’s contacts under each model', async () => {
    await ws.admin.api.patch(`/api/contacts/${x}`, { lifecycleStage: 'marketing_qualified' });
    const pipeline = (await ws.admin.api.post('/api/pipelines', { name: 'Sales' })).json();
    const won = pipeline.stages.find((s: { type: string }) => s.type === 'won').id;
    const deal = (
      await ws.admin.api.post('/api/deals', {
        name: 'Journey deal',
        amount: 100_000,
        closeDate: '2030-01-01',
        campaignId: 'q4-paid-search',
        companyId: company,
        contacts: [{ contactId: x }],
      })
    ).json();
    expect((await derive()).touchpoints).toBe(1);
    expect((await touchpoints(search.id)).map((p) => p.kind)).toContain('deal_source');
    expect((await ws.admin.api.post(`/api/deals/${deal.id}/move`, { stageId: won })).statusCode).toBe(200);
    await ws.admin.api.post(`/api/campaigns/${webinar.id}/spend`, { spentOn: new Date().toISOString().slice(0, 10), amount: 10_000 });

    // Journey: Zoe manual webinar (−20 d), Xena webinar visit (−10 d), search click (−5 d), search deal source (deal created).
    // Lead milestone: Zoe was created after the click; opportunity: the deal-source touch.
    const expected = {
      first_touch: [100_000, 0],
      last_touch: [0, 100_000],
      linear: [50_000, 50_000],
      u_shaped: [50_000, 50_000],
      w_shaped: [40_000, 60_000],
    };
    for (const [model, [w, s]] of Object.entries(expected)) {
      const report = (await ws.admin.api.get(`/api/attribution?model=${model}`)).json();
      const byKey = Object.fromEntries(report.rows.map((r: { key: string; revenue: number }) => [r.key, r.revenue]));
      expect([model, byKey[webinar.id], byKey[search.id]]).toEqual([model, w, s]);
      expect(report.totals).toMatchObject({ revenue: 100_000, wonDeals: 1, wonWithoutTouches: 0 });
    }
    const decay = (await ws.admin.api.get('/api/attribution?model=time_decay')).json();
    const sum = decay.rows.reduce((a: number, r: { revenue: number }) => a + r.revenue, 0);
    expect(sum).toBe(100_000);

    const perf = (await ws.admin.api.get(`/api/campaigns/${webinar.id}/performance?model=first_touch`)).json();
    expect(perf.row).toMatchObject({
      leads: 1,
      mqls: 1,
      sqls: 1,
      customers: 1,
      spend: 10_000,
      revenue: 100_000,
      roi: 9,
      costPerLead: 10_000,
    });
    expect(perf.row.roiByModel).toMatchObject({ first_touch: 9, last_touch: -1, linear: 4 });
    const searchPerf = (await ws.admin.api.get(`/api/campaigns/${search.id}/performance`)).json().row;
    expect(searchPerf).toMatchObject({ leads: 1, customers: 1, spend: 0, roi: null });
    expect(searchPerf.roiNote).toMatch(/No spend/);
  });

  it('groups by channel and limits to a period in the workspace time zone', async () => {
    const byChannel = (await ws.admin.api.get('/api/attribution?model=linear&groupBy=channel')).json();
    expect(byChannel.rows.map((r: { key: string; revenue: number }) => [r.key, r.revenue]).sort()).toEqual([
      ['events', 50_000],
      ['paid_search', 50_000],
    ]);
    const future = (await ws.admin.api.get('/api/attribution?from=2099-01-01&to=2099-12-31')).json();
    expect(future.totals).toMatchObject({ revenue: 0, wonDeals: 0 });
    expect(future.rows.every((r: { leads: number }) => r.leads === 0)).toBe(true);
    const swapped = await ws.admin.api.get('/api/attribution?from=2026-02-01&to=2026-01-01');
    expect(swapped.json().error.details.path).toEqual(['querystring', 'to']);
    const badModel = await ws.admin.api.get('/api/attribution?model=magic');
    expect(badModel.statusCode).toBe(400);
  });

  it('moves deal-source touchpoints when the deal’s campaign changes', async () => {
    const [deal] = await rows<{ id: string }>(t.database.db, sql`select id from deals where workspace_id = ${ws.workspaceId}`);
    await ws.admin.api.patch(`/api/deals/${deal!.id}`, { campaignId: webinar.id });
    await derive();
    expect((await touchpoints(search.id)).map((p) => p.kind)).not.toContain('deal_source');
    expect((await touchpoints(webinar.id)).map((p) => p.kind)).toContain('deal_source');
  });

  it('lists campaigns with spend, leads and ROI, and shows another workspace none of it', async () => {
    const list = (await ws.admin.api.get('/api/campaigns?model=first_touch')).json().items;
    expect(list.find((c: { id: string }) => c.id === webinar.id)).toMatchObject({ spend: 10_000, leads: 1, revenue: 100_000, roi: 9 });
    const other = await createTestWorkspace(t);
    expect((await other.admin.api.get('/api/campaigns')).json().items).toEqual([]);
    expect((await other.admin.api.get(`/api/campaigns/${webinar.id}/touchpoints`)).statusCode).toBe(404);
    expect((await other.admin.api.get('/api/attribution')).json().totals.revenue).toBe(0);
  });
});
