import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const crmRoutes = () => t.app.routeTable.filter((r) => /^\/api\/(contacts|companies|custom-fields)/.test(r.url));

/** One of every CRM record in a workspace; returns their ids. */
async function populate(ws: TestWorkspace) {
  const api = ws.admin.api;
  const field = (await api.post('/api/custom-fields', { entityType: 'contact', key: 'code', label: 'Code', type: 'text' })).json();
  const company = (await api.post('/api/companies', { name: 'Isolated', domain: `iso-${ws.workspaceId.slice(-8)}.com` })).json();
  const contact = (
    await api.post('/api/contacts', {
      firstName: 'Iso',
      emails: [{ email: `iso@iso-${ws.workspaceId.slice(-8)}.com` }],
      lifecycleStage: 'lead',
      custom: { code: 'A' },
    })
  ).json();
  await api.post(`/api/contacts/${contact.id}/consent`, { status: 'subscribed' });
  return [field.id, company.id, contact.id] as string[];
}

/** A valid body per route, so a refusal can only come from the workspace check. */
const bodyFor = (url: string) =>
  url.endsWith('/consent')
    ? { status: 'unsubscribed' }
    : url.endsWith('/convert')
      ? {}
      : url.startsWith('/api/contacts')
        ? { title: 'Hijacked' }
        : url.startsWith('/api/companies')
          ? { name: 'Hijacked' }
          : { label: 'Hijacked' };

describe('CRM workspace isolation', () => {
  it('no contact, company or custom-field route reads or changes another workspace’s records', async () => {
    const a = await createTestWorkspace(t, 'Alpha');
    const b = await createTestWorkspace(t, 'Beta');
    const aIds = await populate(a);
    await populate(b);
    expect(crmRoutes().length).toBeGreaterThanOrEqual(18);
    for (const r of crmRoutes()) {
      if (!r.url.includes(':')) {
        const res =
          r.method === 'GET' ? await b.admin.api.get(r.url) : await b.admin.api.post(r.url, r.url.endsWith('/search') ? {} : undefined);
        const leaked = (res.body.match(uuid) ?? []).filter((id) => aIds.includes(id));
        expect(leaked, `${r.method} ${r.url}`).toEqual([]);
        continue;
      }
      for (const id of aIds) {
        const url = r.url.replace(/:\w+/g, id);
        const payload = r.method === 'GET' || r.method === 'DELETE' ? undefined : bodyFor(r.url);
        const res = await t.app.inject({ method: r.method as 'GET', url, headers: { authorization: `Bearer ${b.admin.apiKey}` }, payload });
        expect(res.statusCode, `${r.method} ${url}`).toBe(404);
      }
    }
    const [fieldId, companyId, contactId] = aIds;
    expect((await a.admin.api.get(`/api/custom-fields/${fieldId}`)).json()).toMatchObject({ label: 'Code', archived: false });
    expect((await a.admin.api.get(`/api/companies/${companyId}`)).json()).toMatchObject({ name: 'Isolated', contactCount: 1 });
    expect((await a.admin.api.get(`/api/contacts/${contactId}`)).json()).toMatchObject({ displayName: 'Iso', emailConsent: 'subscribed' });
  });
});
