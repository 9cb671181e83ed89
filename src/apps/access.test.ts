import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, type TestPlatform } from '../kernel/testing/index.ts';
import { createTestApp, createTestWorkspace, type TestWorkspace } from './test-kit.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Public routes are few and deliberate: adding one means adding it here, with its reason in the route. */
const expectedPublic = [
  'GET /api/openapi.json',
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/auth/login',
  'GET /api/invites/by-token/:token',
  'POST /api/invites/by-token/:token/accept',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  // Published forms and landing pages (capture): public by nature, spam-checked and rate-limited, outside /api.
  'GET /f/:slug',
  'POST /f/:slug',
  'OPTIONS /f/:slug',
  'GET /f/:slug/thanks',
  'GET /f/:slug/embed.js',
  'GET /p/:slug',
  // Email: reached from mail without signing in; every one takes a signed token (src/modules/email/public).
  'GET /u/:token',
  'POST /u/:token',
  'GET /preferences/:token',
  'POST /preferences/:token',
  'GET /e/o/:token',
  'GET /e/c/:token',
  'GET /e/v/:token',
  'GET /e/confirm/:token',
  'POST /e/confirm/:token',
  'POST /e/confirm/:token/resend',
  'GET /t.js',
  'OPTIONS /t/collect',
  'POST /t/collect',
  'GET /t/p.gif',
];

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Fills a workspace with one of everything the API can create, and returns every id it can list. */
async function populate(ws: TestWorkspace): Promise<Set<string>> {
  await ws.member('sales_rep');
  await ws.admin.api.post('/api/invites', { email: `invitee-${ws.workspaceId.slice(-6)}@example.com`, role: 'viewer' });
  await ws.admin.api.post('/api/api-keys', { name: 'extra', scope: 'read' });
  if (apiRoutes().some((r) => r.url === '/api/webhooks' && r.method === 'POST'))
    await ws.admin.api.post('/api/webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes: ['*'] });
  await ws.admin.api.patch('/api/workspace', { name: 'Populated' });
  // CRM records, when those modules are present, so their :id routes are exercised with real ids.
  const has = (url: string) => apiRoutes().some((r) => r.url === url && r.method === 'POST');
  const tag = ws.workspaceId.slice(-6);
  if (has('/api/custom-fields'))
    await ws.admin.api.post('/api/custom-fields', { entityType: 'contact', key: `budget_${tag}`, label: 'Budget', type: 'number' });
  let companyId: string | undefined;
  if (has('/api/companies'))
    companyId = (await ws.admin.api.post('/api/companies', { name: `Co ${tag}`, domain: `co-${tag}.example` })).json().id;
  let contactId: string | undefined;
  if (has('/api/contacts'))
    contactId = (
      await ws.admin.api.post('/api/contacts', { firstName: 'Iso', lastName: tag, emails: [{ email: `iso@co-${tag}.example` }], companyId })
    ).json().id;
  if (has('/api/activities') && contactId)
    await ws.admin.api.post('/api/activities', { type: 'note', body: 'hello', links: [{ entityType: 'contact', entityId: contactId }] });
  if (has('/api/tasks') && contactId)
    await ws.admin.api.post('/api/tasks', { title: 'Call back', entityType: 'contact', entityId: contactId });
  if (has('/api/views'))
    await ws.admin.api.post('/api/views', {
      entityType: 'contact',
      name: `Shared ${tag}`,
      shared: true,
      definition: { filter: { field: 'email', op: 'contains', value: tag } },
    });
  if (has('/api/bulk/contacts') && contactId)
    await ws.admin.api.post('/api/bulk/contacts', { selection: { ids: [contactId] }, action: 'add_tags', params: { tags: ['iso'] } });
  if (has('/api/products')) {
    const book = (await ws.admin.api.post('/api/price-books', { name: `Book ${tag}` })).json();
    await ws.admin.api.post('/api/products', {
      sku: `SKU-${tag}`,
      name: 'Thing',
      prices: [{ priceBookId: book.id, currency: 'USD', unitPrice: 100 }],
    });
  }
  if (has('/api/pipelines')) {
    await ws.admin.api.post('/api/pipelines', { name: `Pipe ${tag}` });
    await ws.admin.api.post('/api/exchange-rates', { currency: 'EUR', rate: 1.1, validFrom: '2024-01-01' });
    const deal = (
      await ws.admin.api.post('/api/deals', { name: `Deal ${tag}`, amount: 100, companyId, contacts: contactId ? [{ contactId }] : [] })
    ).json();
    if (contactId)
      await ws.admin.api.post('/api/activities', { type: 'note', body: 'on deal', links: [{ entityType: 'deal', entityId: deal.id }] });
    if (has('/api/quotas')) {
      const year = new Date().getUTCFullYear();
      await ws.admin.api.post('/api/quotas', {
        items: [{ subjectType: 'user', subjectId: ws.admin.userId, period: `${year}-06`, amount: 100 }],
      });
      await ws.admin.api.post('/api/forecasts/overrides', {
        subjectType: 'workspace',
        category: 'commit',
        amount: 1,
        comment: 'isolation',
        period: `${year}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`,
      });
    }
    if (has('/api/orders')) {
      const line = { name: 'Line', quantity: 1, unitPrice: 100 };
      const quote = (await ws.admin.api.post(`/api/deals/${deal.id}/quotes`, { lines: [line] })).json();
      await ws.admin.api.post(`/api/quotes/${quote.id}/send`);
      await ws.admin.api.post(`/api/quotes/${quote.id}/accept`);
      await ws.admin.api.post(`/api/quotes/${quote.id}/order`);
      const discounted = (await ws.admin.api.post(`/api/deals/${deal.id}/quotes`, { lines: [{ ...line, discountPct: 50 }] })).json();
      await ws.admin.api.post(`/api/quotes/${discounted.id}/request-approval`);
    }
  }
  if (has('/api/forms')) {
    const form = (
      await ws.admin.api.post('/api/forms', {
        name: `Form ${tag}`,
        slug: `iso-form-${tag}`,
        status: 'published',
        fields: [{ key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true }],
      })
    ).json();
    await ws.admin.api.post('/api/pages', { slug: `iso-page-${tag}`, title: 'Iso', blocks: [{ type: 'form', formId: form.id }] });
  }
  if (has('/api/campaigns')) {
    const campaign = (await ws.admin.api.post('/api/campaigns', { name: `Campaign ${tag}`, channel: 'email' })).json();
    await ws.admin.api.post(`/api/campaigns/${campaign.id}/spend`, { spentOn: '2026-01-15', amount: 100 });
    await ws.admin.api.post(`/api/campaigns/${campaign.id}/links`, { baseUrl: 'https://x.example', source: 's', medium: 'm' });
    if (contactId) await ws.admin.api.post(`/api/campaigns/${campaign.id}/touchpoints`, { contactId });
  }
  if (has('/api/email/templates')) {
    const tpl = (
      await ws.admin.api.post('/api/email/templates', { name: `Tpl ${tag}`, subject: 'Hi', body: '<p>Hi {{ contact.first_name }}</p>' })
    ).json();
    await ws.admin.api.post('/api/email/transports', { name: `Relay ${tag}`, host: '127.0.0.1', port: 9 });
    const sender = (await ws.admin.api.post('/api/email/senders', { fromName: 'Iso', fromEmail: `news@co-${tag}.example` })).json();
    await ws.admin.api.post('/api/email/domains', { domain: `co-${tag}.example` });
    await ws.admin.api.post('/api/email/subscription-types', { key: `news-${tag}`, name: 'News' });
    await ws.admin.api.post('/api/email/suppressions', { email: `gone-${tag}@example.com` });
    await ws.admin.api.post('/api/email/broadcasts', {
      name: `Broadcast ${tag}`,
      senderId: sender.id,
      audience: { kind: 'filter', filter: { field: 'email', op: 'contains', value: tag } },
      variants: [{ templateId: tpl.id }],
    });
  }
  return listedIds(ws);
}

describe('access control on every route', () => {
  it('every API route declares a permission or why it is public', () => {
    for (const r of apiRoutes()) expect(r.permission || r.public, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('only the expected routes are public', () => {
    const open = t.app.routeTable.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([...expectedPublic].sort());
  });

  it('every non-public route refuses anonymous callers with 401', async () => {
    for (const r of apiRoutes().filter((r) => !r.public)) {
      const url = r.url.replace(/:\w+/g, '01a2046c-2fe0-736a-9afc-6fa2c261295f');
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});

describe('workspace isolation', { timeout: 600_000 }, () => {
  it('no list or get route returns another workspace’s rows, and no route acts on them', async () => {
    const a = await createTestWorkspace(t, 'Alpha');
    const b = await createTestWorkspace(t, 'Beta');
    const aIds = await populate(a);
    await populate(b);
    expect(aIds.size).toBeGreaterThan(5);
    for (const r of apiRoutes().filter((r) => !r.public)) {
      if (!r.url.includes(':')) {
        if (r.method !== 'GET') continue;
        const res = await b.admin.api.get(r.url);
        const leaked = (res.body.match(uuid) ?? []).filter((id) => aIds.has(id));
        expect(leaked, `GET ${r.url} leaked ${leaked.join(', ')}`).toEqual([]);
        continue;
      }
      for (const id of aIds) {
        const url = r.url.replace(/:\w+/g, id);
        const res = await t.app.inject({
          method: r.method as 'GET',
          url,
          headers: { authorization: `Bearer ${b.admin.apiKey}` },
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        expect(res.statusCode, `${r.method} ${url} answered ${res.statusCode}`).toBeGreaterThanOrEqual(400);
        const leaked = (res.body.match(uuid) ?? []).filter((x) => aIds.has(x) && x !== id);
        expect(leaked, `${r.method} ${r.url} leaked`).toEqual([]);
      }
    }
    // Nothing of A's disappeared (a successful DELETE or revoke from B would remove an id).
    expect([...(await listedIds(a))].sort()).toEqual([...aIds].sort());
  });

  it('a session or key of one workspace never reads another through a forged workspace id', async () => {
    const a = await createTestWorkspace(t, 'Alpha');
    const b = await createTestWorkspace(t, 'Beta');
    const res = await caller(t.app, { apiKey: b.admin.apiKey }).post('/api/auth/switch-workspace', { workspaceId: a.workspaceId });
    expect((await b.admin.api.get('/api/me')).json().workspace.id).toBe(b.workspaceId);
    expect(res.statusCode).toBeLessThan(500);
    const forged = await b.admin.web.post('/api/auth/switch-workspace', { workspaceId: a.workspaceId });
    expect(forged.statusCode).toBe(403);
    expect((await b.admin.web.get('/api/me')).json().workspace.id).toBe(b.workspaceId);
  });
});

async function listedIds(ws: TestWorkspace) {
  const ids = new Set<string>([ws.workspaceId]);
  // CSV exports repeat the lists' ids, and each one adds an audit entry (an id) that would make this set move.
  for (const r of apiRoutes().filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.endsWith('.csv')))
    for (const id of (await ws.admin.api.get(r.url)).body.match(uuid) ?? []) ids.add(id);
  return ids;
}
