import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { identifyWebVisitor, purgeExpiredSessions, signContactLink, withContactToken } from './index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp({ TANDEM_TRACKING_IP_LIMIT: '100000' });
});
afterAll(() => t.close());

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const origin = 'https://www.shop.example';

async function site(ws: TestWorkspace, body: Record<string, unknown> = {}) {
  const res = await ws.admin.api.post('/api/tracking/sites', { name: 'Shop', allowedOrigins: ['www.shop.example'], ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; siteKey: string };
}

const hit = (key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/t/collect?k=${key}`,
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin, 'user-agent': chrome, ...headers },
    payload: JSON.stringify(body),
  });

const eventsOf = (ws: string, visitor: string) =>
  rows<{ kind: string; name: string | null; url: string; contact_id: string | null; session_id: string; props: Record<string, unknown> }>(
    t.database.db,
    sql`select kind, name, url, contact_id, session_id, props from contact_events where workspace_id = ${ws} and visitor_id = ${visitor} order by occurred_at, id`,
  );
const sessionsOf = (ws: string, visitor: string) =>
  rows<{
    id: string;
    utm_source: string | null;
    utm_campaign: string | null;
    referrer_host: string | null;
    landing_url: string;
    page_count: number;
    event_count: number;
    contact_id: string | null;
  }>(t.database.db, sql`select * from web_sessions where workspace_id = ${ws} and visitor_id = ${visitor} order by started_at`);

describe('tracked sites', () => {
  it('are added with a public key and origins as hosts; a bad domain is a 400 naming the entry', async () => {
    const ws = await createTestWorkspace(t);
    const bad = await ws.admin.api.post('/api/tracking/sites', { name: 'Shop', allowedOrigins: ['www.ok.example', 'not a domain'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toEqual(['body', 'allowedOrigins', 1]);
    const made = await ws.admin.api.post('/api/tracking/sites', {
      name: 'Shop',
      allowedOrigins: ['https://www.shop.example/', '*.Shop.example', 'localhost:3000'],
    });
    expect(made.json()).toMatchObject({ allowedOrigins: ['www.shop.example', '*.shop.example', 'localhost:3000'], consentMode: 'always' });
    expect(made.json().siteKey).toMatch(/^ts_/);
    const rep = await ws.member('sales_rep');
    expect((await rep.api.post('/api/tracking/sites', { name: 'X', allowedOrigins: ['x.example'] })).statusCode).toBe(403);
    expect((await rep.api.get('/api/tracking/sites')).json().items).toHaveLength(1);
    const other = await createTestWorkspace(t);
    expect((await other.admin.api.get(`/api/tracking/sites/${made.json().id}`)).statusCode).toBe(404);
  }, 120_000);
});

describe('collecting', () => {
  it('stores page views with UTM and referrer, keeps one session per visit and counts its pages', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const v = crypto.randomUUID();
    const landing = `${origin}/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=spring-webinar-2026`;
    expect((await hit(s.siteKey, { t: 'pv', v, u: landing, ti: 'Pricing', r: 'https://mail.google.com/' })).statusCode).toBe(204);
    const second = await hit(s.siteKey, { t: 'pv', v, u: `${origin}/features`, ti: 'Features', r: landing });
    expect(second.headers['access-control-allow-origin']).toBe(origin);
    expect((await hit(s.siteKey, { t: 'ev', v, u: `${origin}/features`, n: 'signup', p: { plan: 'pro' } })).statusCode).toBe(204);

    const events = await eventsOf(ws.workspaceId, v);
    expect(events.map((e) => [e.kind, e.name])).toEqual([
      ['page_view', null],
      ['page_view', null],
      ['custom', 'signup'],
    ]);
    expect(events[0]!.props).toMatchObject({
      utm: { source: 'newsletter', medium: 'email', campaign: 'spring-webinar-2026' },
      referrer: 'https://mail.google.com/',
      title: 'Pricing',
    });
    expect(events[2]!.props).toMatchObject({ plan: 'pro' });
    expect(new Set(events.map((e) => e.session_id)).size).toBe(1);
    const [session] = await sessionsOf(ws.workspaceId, v);
    expect(session).toMatchObject({
      utm_source: 'newsletter',
      utm_campaign: 'spring-webinar-2026',
      referrer_host: 'mail.google.com',
      landing_url: landing,
      page_count: 2,
      event_count: 3,
    });
    const sites = (await ws.admin.api.get('/api/tracking/sites')).json().items;
    expect(sites[0].lastHitUrl).toBe(`${origin}/features`);
  });

  it('writes many concurrent hits in group commits, every one durable before its answer', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const visitors = Array.from({ length: 20 }, () => crypto.randomUUID());
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => hit(s.siteKey, { t: 'pv', v: visitors[i % 20]!, u: `${origin}/p/${i}` })),
    );
    expect(answers.every((a) => a.statusCode === 204)).toBe(true);
    const [c] = await rows<{ events: number; sessions: number; pages: number }>(
      t.database.db,
      sql`select (select count(*)::int from contact_events where workspace_id = ${ws.workspaceId}) as events,
        (select count(*)::int from web_sessions where workspace_id = ${ws.workspaceId}) as sessions,
        (select sum(page_count)::int from web_sessions where workspace_id = ${ws.workspaceId}) as pages`,
    );
    expect(c).toEqual({ events: 200, sessions: 20, pages: 200 });
  }, 120_000);

  it('answers bad input with 4xx naming the field, never storing it', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const noName = await hit(s.siteKey, { t: 'ev', v: crypto.randomUUID(), u: `${origin}/` });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details.issues[0].path).toEqual(['body', 'n']);
    expect((await hit(s.siteKey, { t: 'pv', v: 'nope' })).statusCode).toBe(400);
    const big = await hit(s.siteKey, { t: 'pv', v: crypto.randomUUID(), u: `${origin}/`, ti: 'x'.repeat(9000) });
    expect(big.statusCode).toBe(413);
    const notJson = await t.app.inject({
      method: 'POST',
      url: `/t/collect?k=${s.siteKey}`,
      headers: { 'content-type': 'text/plain', origin },
      payload: '{',
    });
    expect(notJson.statusCode).toBe(400);
    const [{ n }] = (await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from contact_events where workspace_id = ${ws.workspaceId}`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('refuses other origins and unknown keys alike, and drops DNT, GPC and bot hits silently', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const v = crypto.randomUUID();
    const foreign = await hit(s.siteKey, { t: 'pv', v, u: 'https://evil.example/' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const unknown = await hit('ts_doesnotexist', { t: 'pv', v, u: `${origin}/` });
    expect([unknown.statusCode, unknown.json().error.message]).toEqual([403, foreign.json().error.message]);
    expect((await hit(s.siteKey, { t: 'pv', v, u: `${origin}/` }, { dnt: '1' })).statusCode).toBe(204);
    expect((await hit(s.siteKey, { t: 'pv', v, u: `${origin}/` }, { 'sec-gpc': '1' })).statusCode).toBe(204);
    expect(
      (await hit(s.siteKey, { t: 'pv', v, u: `${origin}/` }, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }))
        .statusCode,
    ).toBe(204);
    expect(await eventsOf(ws.workspaceId, v)).toEqual([]);
  });

  it('in consent mode stores nothing until the hit says the visitor consented', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws, { consentMode: 'after_consent' });
    const v = crypto.randomUUID();
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/` });
    expect(await eventsOf(ws.workspaceId, v)).toEqual([]);
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/`, c: 1 });
    expect(await eventsOf(ws.workspaceId, v)).toHaveLength(1);
  });

  it('serves the pixel for pages without JavaScript, taking the page from the Referer', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const res = await t.app.inject({
      method: 'GET',
      url: `/t/p.gif?k=${s.siteKey}`,
      headers: { referer: `${origin}/noscript?utm_source=print`, 'user-agent': chrome },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/gif');
    expect(res.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    const [e] = await rows<{ url: string; visitor_id: string; props: { utm: unknown } }>(
      t.database.db,
      sql`select url, visitor_id, props from contact_events where workspace_id = ${ws.workspaceId}`,
    );
    expect(e).toMatchObject({ url: `${origin}/noscript?utm_source=print`, props: { utm: { source: 'print' } } });
    // The same browser the same day is the same visitor, without storing anything on it.
    await t.app.inject({ method: 'GET', url: `/t/p.gif?k=${s.siteKey}`, headers: { referer: `${origin}/other`, 'user-agent': chrome } });
    expect(await sessionsOf(ws.workspaceId, e!.visitor_id)).toHaveLength(1);
  });

  it('answers the pixel with the embedded-resource headers, and a malformed query with a 400 naming the field', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const get = (query: string) =>
      t.app.inject({ method: 'GET', url: `/t/p.gif?k=${s.siteKey}${query}`, headers: { 'user-agent': chrome } });
    const ok = await get('&unknown=1');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'no-store',
    });
    // Not the page set: a GIF is never rendered as a page.
    expect(ok.headers['content-security-policy']).toBeUndefined();
    expect(ok.headers['x-frame-options']).toBeUndefined();
    for (const [query, field] of [
      [`&n=${'x'.repeat(65)}`, 'n'],
      ['&v=a&v=b', 'v'],
      [`&u=${'x'.repeat(2001)}`, 'u'],
    ] as const) {
      const bad = await get(query);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues[0].path).toEqual(['querystring', field]);
    }
  });

  it('limits hits per address with 429', async () => {
    const limited = await createTestApp({ TANDEM_TRACKING_IP_LIMIT: '3' });
    try {
      const ws = await createTestWorkspace(limited);
      const s = (await ws.admin.api.post('/api/tracking/sites', { name: 'S', allowedOrigins: ['www.shop.example'] })).json();
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: `/t/collect?k=${s.siteKey}`,
              headers: { 'content-type': 'text/plain', origin, 'user-agent': chrome },
              payload: JSON.stringify({ t: 'pv', v: crypto.randomUUID(), u: `${origin}/` }),
            })
          ).statusCode,
        );
      expect(codes).toEqual([204, 204, 204, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('identification', () => {
  it('a signed link stitches the visitor’s earlier pages and sessions to the contact; forged, expired and foreign tokens do nothing', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const contact = (await ws.admin.api.post('/api/contacts', { firstName: 'Lina', emails: [{ email: 'lina@shop.example' }] })).json()
      .id as string;
    const v = crypto.randomUUID();
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/blog` });
    const forged = `${signContactLink(t.secretKey, ws.workspaceId, contact).split('.')[0]}.AAAA`;
    const expired = signContactLink(t.secretKey, ws.workspaceId, contact, -1);
    const other = await createTestWorkspace(t);
    const foreign = signContactLink(t.secretKey, other.workspaceId, contact);
    for (const token of [forged, expired, foreign, 'garbage'])
      expect((await hit(s.siteKey, { t: 'pv', v, u: withContactToken(`${origin}/blog`, token) })).statusCode).toBe(204);
    expect((await eventsOf(ws.workspaceId, v)).every((e) => e.contact_id === null)).toBe(true);

    const link = withContactToken(
      `${origin}/offer?utm_campaign=spring-webinar-2026`,
      signContactLink(t.secretKey, ws.workspaceId, contact),
    );
    await hit(s.siteKey, { t: 'pv', v, u: link });
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/after` });
    const events = await eventsOf(ws.workspaceId, v);
    expect(events.every((e) => e.contact_id === contact)).toBe(true);
    expect(events.some((e) => e.url.includes('tdm='))).toBe(false);
    expect((await sessionsOf(ws.workspaceId, v)).every((x) => x.contact_id === contact)).toBe(true);

    const activity = (await ws.admin.api.get(`/api/contacts/${contact}/web-activity`)).json();
    expect(activity.sessions[0]).toMatchObject({ utm: { campaign: 'spring-webinar-2026' }, pageCount: 2 });
    expect(activity.sessions[0].events.map((e: { url: string }) => e.url)).toEqual([
      `${origin}/offer?utm_campaign=spring-webinar-2026`,
      `${origin}/after`,
    ]);
  });

  it('identifyWebVisitor (forms) gives the anonymous sessions to the contact', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const contact = (await ws.admin.api.post('/api/contacts', { firstName: 'Form' })).json().id as string;
    const v = crypto.randomUUID();
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/contact-us` });
    expect(await identifyWebVisitor(t.database.db, ws.workspaceId, v, contact)).toBe(1);
    expect((await sessionsOf(ws.workspaceId, v))[0]!.contact_id).toBe(contact);
    // The collector remembered the session as anonymous; its next hit sees the change and carries the contact.
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/thanks` });
    expect((await eventsOf(ws.workspaceId, v)).map((e) => e.contact_id)).toEqual([contact, contact]);
    expect(await sessionsOf(ws.workspaceId, v)).toMatchObject([{ contact_id: contact, page_count: 2 }]);
  });

  it('continues the visit another process (or a direct write) moved on, instead of the one the collector remembers', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const v = crypto.randomUUID();
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/a?utm_campaign=x` });
    const [first] = await sessionsOf(ws.workspaceId, v);
    // Another process started a newer session for this visitor (a new campaign click) that this one never saw.
    const other = crypto.randomUUID();
    await t.database.db.execute(sql`insert into web_sessions (workspace_id, id, site_id, visitor_id, started_at, last_seen_at, utm_campaign,
        page_count, event_count) values (${ws.workspaceId}, ${other}, ${s.id}, ${v}, now(), now() + interval '1 second', 'y', 1, 1)`);
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/b` });
    const events = await eventsOf(ws.workspaceId, v);
    expect(events.map((e) => e.session_id)).toEqual([first!.id, other]);
    // The session is gone (retention): the next hit starts a new one rather than pointing at a deleted row.
    await t.database.db.execute(sql`delete from web_sessions where workspace_id = ${ws.workspaceId} and visitor_id = ${v}`);
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/c` });
    const after = await sessionsOf(ws.workspaceId, v);
    expect(after).toHaveLength(1);
    expect((await eventsOf(ws.workspaceId, v)).at(-1)!.session_id).toBe(after[0]!.id);
  });
});

describe('snippet, analytics and retention', () => {
  it('serves a cacheable snippet under 3 KB gzipped', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/t.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('max-age=3600');
    expect(res.rawPayload.length).toBeLessThanOrEqual(3072);
    const plain = await t.app.inject({ method: 'GET', url: '/t.js' });
    expect(gzipSync(plain.rawPayload).length).toBeLessThanOrEqual(3072);
    expect((await t.app.inject({ method: 'GET', url: '/t.js', headers: { 'if-none-match': res.headers.etag as string } })).statusCode).toBe(
      304,
    );
  });

  it('reports page views, sessions, top pages, sources and campaigns for a period', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws);
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    await hit(s.siteKey, { t: 'pv', v: a, u: `${origin}/?utm_source=linkedin&utm_medium=social&utm_campaign=q3-launch` });
    await hit(s.siteKey, { t: 'pv', v: a, u: `${origin}/pricing` });
    await hit(s.siteKey, { t: 'pv', v: b, u: `${origin}/pricing?x=1`, r: 'https://www.google.com/search' });
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const r = (await ws.admin.api.get(`/api/tracking/analytics?from=${yesterday}&to=${tomorrow}`)).json();
    expect(r.totals).toMatchObject({ pageViews: 3, sessions: 2, visitors: 2 });
    expect(r.topPages[0]).toEqual({ key: `${origin}/pricing`, views: 2 });
    expect(r.sources).toEqual(
      expect.arrayContaining([
        { key: 'linkedin', sessions: 1 },
        { key: 'google.com', sessions: 1 },
      ]),
    );
    expect(r.campaigns).toEqual([{ source: 'linkedin', medium: 'social', campaign: 'q3-launch', sessions: 1 }]);
    expect(r.days.map((d: { day: string }) => d.day)).toContain(today);
    const bad = await ws.admin.api.get(`/api/tracking/analytics?from=${tomorrow}&to=${yesterday}`);
    expect(bad.statusCode).toBe(400);
  });

  it('deletes sessions past their site’s retention', async () => {
    const ws = await createTestWorkspace(t);
    const s = await site(ws, { sessionRetentionDays: 30 });
    const v = crypto.randomUUID();
    await hit(s.siteKey, { t: 'pv', v, u: `${origin}/` });
    await purgeExpiredSessions(t.database.db, new Date(Date.now() + 29 * 86_400_000));
    expect(await sessionsOf(ws.workspaceId, v)).toHaveLength(1);
    await purgeExpiredSessions(t.database.db, new Date(Date.now() + 31 * 86_400_000));
    expect(await sessionsOf(ws.workspaceId, v)).toHaveLength(0);
  });
});
