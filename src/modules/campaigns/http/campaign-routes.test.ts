import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { registerCampaignAssetType } from '../asset-types.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const formIds = new Set<string>();
registerCampaignAssetType({
  type: 'test_form',
  label: 'Test form',
  exists: async (_exec, _ws, ids) => new Set(ids.filter((id) => formIds.has(id))),
  describe: async (_exec, _ws, ids) => new Map(ids.map((id) => [id, { label: `Form ${id.slice(0, 4)}`, url: null }])),
});

describe('campaigns', () => {
  it('creates a campaign with a slug made from the name, the workspace currency and the caller as owner', async () => {
    const res = await ws.admin.api.post('/api/campaigns', {
      name: 'Spring Webinar 2026 — Café',
      channel: 'events',
      startDate: '2026-03-01',
      endDate: '2026-04-30',
      budgetAmount: 500_000,
      goals: { leads: 500, mqls: 100, revenue: 10_000_000 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      slug: 'spring-webinar-2026-cafe',
      status: 'planned',
      budgetCurrency: 'USD',
      ownerId: ws.admin.userId,
      goals: { leads: 500, mqls: 100, revenue: 10_000_000 },
    });
    const got = await ws.admin.api.get(`/api/campaigns/${res.json().id}`);
    expect(got.json().ownerName).toBe('Ada Admin');
  });

  it('keeps utm_campaign slugs unique per workspace and refuses bad slugs, dates and currencies with the field path', async () => {
    await ws.admin.api.post('/api/campaigns', { name: 'Q4 paid search', channel: 'paid_search' });
    const dup = await ws.admin.api.post('/api/campaigns', { name: 'Other', slug: 'q4-paid-search', channel: 'paid_search' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'campaign_slug_taken', details: { path: ['body', 'slug'] } });
    const bad = await ws.admin.api.post('/api/campaigns', { name: 'X', slug: 'Has Spaces', channel: 'other' });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'slug'] } });
    expect(bad.json().error.message).toContain('"has-spaces"');
    const dates = await ws.admin.api.post('/api/campaigns', {
      name: 'Y',
      channel: 'other',
      startDate: '2026-05-01',
      endDate: '2026-04-01',
    });
    expect(dates.json().error.details.path).toEqual(['body', 'endDate']);
    const cur = await ws.admin.api.post('/api/campaigns', { name: 'Z', channel: 'other', budgetCurrency: 'XYZ' });
    expect(cur.json().error).toMatchObject({ code: 'unknown_currency', details: { path: ['body', 'budgetCurrency'] } });
    const channel = await ws.admin.api.post('/api/campaigns', { name: 'Z', channel: 'tv' });
    expect(channel.statusCode).toBe(400);
    // Another workspace may use the same slug.
    const other = await createTestWorkspace(t);
    expect((await other.admin.api.post('/api/campaigns', { name: 'Q4 paid search', channel: 'paid_search' })).statusCode).toBe(201);
  });

  it('changes fields with an audit entry, and only marketers and admins may write', async () => {
    const c = (await ws.admin.api.post('/api/campaigns', { name: 'Partner Summit 2025', channel: 'partner' })).json();
    const res = await ws.admin.api.patch(`/api/campaigns/${c.id}`, {
      status: 'active',
      slug: 'partner-summit-2025',
      budgetCurrency: 'eur',
    });
    expect(res.json()).toMatchObject({ status: 'active', budgetCurrency: 'EUR' });
    const audit = await ws.admin.api.get(`/api/audit-log?entityType=campaign&entityId=${c.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('campaign.updated');
    const rep = await ws.member('sales_rep');
    expect((await rep.api.patch(`/api/campaigns/${c.id}`, { name: 'Mine' })).statusCode).toBe(403);
    expect((await rep.api.get(`/api/campaigns/${c.id}`)).statusCode).toBe(200);
    const marketer = await ws.member('marketing');
    expect((await marketer.api.patch(`/api/campaigns/${c.id}`, { name: 'Partner Summit' })).statusCode).toBe(200);
  });

  it('records spend in any currency and converts it at the rate of its day', async () => {
    await ws.admin.api.post('/api/exchange-rates', { currency: 'EUR', rate: 1.1, validFrom: '2026-01-01' });
    await ws.admin.api.post('/api/exchange-rates', { currency: 'EUR', rate: 1.2, validFrom: '2026-02-01' });
    const c = (await ws.admin.api.post('/api/campaigns', { name: 'Spend test', channel: 'paid_social', budgetCurrency: 'EUR' })).json();
    const jan = await ws.admin.api.post(`/api/campaigns/${c.id}/spend`, { spentOn: '2026-01-15', amount: 10_000, note: 'LinkedIn' });
    expect(jan.json()).toMatchObject({ currency: 'EUR', amount: 10_000 });
    await ws.admin.api.post(`/api/campaigns/${c.id}/spend`, { spentOn: '2026-02-15', amount: 10_000 });
    await ws.admin.api.post(`/api/campaigns/${c.id}/spend`, { spentOn: '2026-02-16', amount: 5_000, currency: 'USD' });
    await ws.admin.api.post(`/api/campaigns/${c.id}/spend`, { spentOn: '2025-12-31', amount: 1_000 });
    const list = (await ws.admin.api.get(`/api/campaigns/${c.id}/spend`)).json().items;
    expect(list.map((s: { spentOn: string; converted: number | null }) => [s.spentOn, s.converted])).toEqual([
      ['2026-02-16', 5_000],
      ['2026-02-15', 12_000],
      ['2026-01-15', 11_000],
      ['2025-12-31', null],
    ]);
    const edited = await ws.admin.api.patch(`/api/campaigns/${c.id}/spend/${jan.json().id}`, { amount: 20_000 });
    expect(edited.json().amount).toBe(20_000);
    const neg = await ws.admin.api.post(`/api/campaigns/${c.id}/spend`, { spentOn: '2026-02-15', amount: -5 });
    expect(neg.json().error.details.issues[0].path).toEqual(['body', 'amount']);
    const report = (await ws.admin.api.get('/api/attribution?groupBy=campaign')).json();
    const row = report.rows.find((r: { key: string }) => r.key === c.id);
    expect(row.spend).toBe(22_000 + 12_000 + 5_000);
    expect(row).toMatchObject({ roi: -1, costPerLead: null });
    expect(report.unconverted).toContainEqual({ currency: 'EUR', day: '2025-12-31', what: 'spend' });
    expect((await ws.admin.api.delete(`/api/campaigns/${c.id}/spend/${jan.json().id}`)).json()).toEqual({ ok: true });
    expect((await ws.admin.api.delete(`/api/campaigns/${c.id}/spend/${jan.json().id}`)).statusCode).toBe(404);
  });

  it('builds UTM links with the campaign’s slug and lists them', async () => {
    const c = (await ws.admin.api.post('/api/campaigns', { name: 'SEO guides', channel: 'content_seo' })).json();
    const res = await ws.admin.api.post(`/api/campaigns/${c.id}/links`, {
      baseUrl: 'https://tandem.example/guides?x=1',
      source: 'google',
      medium: 'organic',
      content: 'hero',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().url).toBe(
      'https://tandem.example/guides?x=1&utm_source=google&utm_medium=organic&utm_campaign=seo-guides&utm_content=hero',
    );
    const bad = await ws.admin.api.post(`/api/campaigns/${c.id}/links`, { baseUrl: 'ftp://x', source: 'a', medium: 'b' });
    expect(bad.json().error.details.path).toEqual(['body', 'baseUrl']);
    expect((await ws.admin.api.get(`/api/campaigns/${c.id}/links`)).json().items).toHaveLength(1);
  });

  it('links assets of registered types that exist, and names them', async () => {
    const c = (await ws.admin.api.post('/api/campaigns', { name: 'Assets', channel: 'email' })).json();
    const form = crypto.randomUUID();
    formIds.add(form);
    const unknown = await ws.admin.api.post(`/api/campaigns/${c.id}/assets`, { assetType: 'billboard', assetId: form });
    expect(unknown.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'assetType'] } });
    const missing = await ws.admin.api.post(`/api/campaigns/${c.id}/assets`, { assetType: 'test_form', assetId: crypto.randomUUID() });
    expect(missing.json().error.code).toBe('asset_not_found');
    expect((await ws.admin.api.post(`/api/campaigns/${c.id}/assets`, { assetType: 'test_form', assetId: form })).json()).toEqual({
      ok: true,
    });
    expect((await ws.admin.api.post(`/api/campaigns/${c.id}/assets`, { assetType: 'test_form', assetId: form })).json()).toEqual({
      ok: true,
    });
    const list = (await ws.admin.api.get(`/api/campaigns/${c.id}/assets`)).json().items;
    expect(list).toEqual([expect.objectContaining({ assetType: 'test_form', assetId: form, label: `Form ${form.slice(0, 4)}` })]);
    expect((await ws.admin.api.delete(`/api/campaigns/${c.id}/assets/test_form/${form}`)).json()).toEqual({ ok: true });
  });

  it('deletes a campaign with everything it owns, and 404s afterwards', async () => {
    const c = (await ws.admin.api.post('/api/campaigns', { name: 'Gone', channel: 'other' })).json();
    await ws.admin.api.post(`/api/campaigns/${c.id}/spend`, { spentOn: '2026-01-15', amount: 100 });
    expect((await ws.admin.api.delete(`/api/campaigns/${c.id}`)).json()).toEqual({ ok: true });
    expect((await ws.admin.api.get(`/api/campaigns/${c.id}`)).statusCode).toBe(404);
    expect((await ws.admin.api.get(`/api/campaigns/${c.id}/spend`)).statusCode).toBe(404);
  });
});
