import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../../src/kernel/db/index.ts';
import { signContactLink, withContactToken } from '../../src/modules/tracking/index.ts';
import { dayIn } from '../../web/src/lib/days.ts';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

// Headless Chromium says "HeadlessChrome", which the bot filter drops: visitors here are a regular Chrome.
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const wait = { timeout: 15_000, interval: 250 };
let crm: CrmE2E;
let site: Server;
let siteUrl = '';
const snippets: Record<string, string> = {};

/** The customer's website: another origin (127.0.0.1 on its own port) with the snippet pasted into every page. */
function page(name: string, snippet: string, body: string) {
  return `<!doctype html><html><head><title>${name}</title>${snippet}</head><body><h1>${name}</h1>${body}</body></html>`;
}
const pages: Record<string, (s: Record<string, string>) => string> = {
  '/index.html': (s) =>
    page('Home', s.main!, '<a href="/pricing.html">Pricing</a><form id="f" action="/thanks.html"><input name="email"></form>'),
  '/pricing.html': (s) => page('Pricing', s.main!, `<button onclick="tandem('track','signup',{plan:'pro'})">Sign up</button>`),
  '/offer.html': (s) => page('Offer', s.main!, '<p>Welcome back</p>'),
  '/dnt.html': (s) => page('Private', s.main!, '<p>DNT</p>'),
  '/consent.html': (s) => page('Consent', s.consent!, `<button onclick="tandem('consent', true)">Accept cookies</button>`),
};

async function visitor(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await crm.e2e.browser.newContext({ userAgent, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

const db = () => crm.e2e.server.platform.database.db;
const eventsOf = (visitorId: string) =>
  rows<{
    kind: string;
    name: string | null;
    url: string;
    contact_id: string | null;
    props: { utm?: Record<string, string>; plan?: string };
  }>(
    db(),
    sql`select kind, name, url, contact_id, props from contact_events where workspace_id = ${crm.workspaceId} and visitor_id = ${visitorId} order by occurred_at, id`,
  );
const vidOf = (p: Page) => p.evaluate(() => localStorage.getItem('tandem_vid'));

describeBrowser('web tracking on a customer site', () => {
  beforeAll(async () => {
    crm = await startCrm();
    site = createServer((req, res) => {
      const render = pages[(req.url ?? '/').split('?')[0]!];
      res.writeHead(render ? 200 : 404, { 'content-type': 'text/html' }).end(render ? render(snippets) : 'not found');
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  }, 600_000);
  afterAll(async () => {
    site?.close();
    await crm?.e2e.close();
  });

  it('adds the site in settings, tracks UTM, pages and events, and stitches the visitor by a signed link', async () => {
    const admin = await crm.adminPage();
    await admin.goto('/settings/tracking');
    await admin.getByText('No website tracked yet').waitFor();
    await crm.e2e.screenshot(admin, 'tracking-empty-light');
    await admin.getByRole('button', { name: 'Add website' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a website' });
    await dialog.getByLabel('Name').fill('Acme marketing site');
    await dialog.getByLabel(/Domains allowed/).fill('bad_domain!');
    await dialog.getByLabel(/Domains allowed/).press('Enter');
    await dialog.getByRole('button', { name: 'Add website' }).click();
    await dialog.getByText(/is not a domain/).waitFor();
    await dialog.getByLabel(/Domains allowed/).press('Backspace');
    await dialog.getByLabel(/Domains allowed/).fill(siteUrl.replace('http://', ''));
    await dialog.getByLabel(/Domains allowed/).press('Enter');
    await dialog.getByRole('button', { name: 'Add website' }).click();
    await dialog.waitFor({ state: 'hidden' });
    snippets.main = (await admin.getByTestId('snippet').textContent())!;
    expect(snippets.main).toContain('/t.js');

    const { context, page } = await visitor();
    await page.goto(`${siteUrl}/index.html?utm_source=newsletter&utm_medium=email&utm_campaign=spring-webinar-2026`);
    await expect.poll(() => vidOf(page), wait).toMatch(/^[0-9a-f-]{36}$/);
    const vid = (await vidOf(page))!;
    // Forms on the page carry the visitor id for the forms engine.
    expect(await page.locator('#f input[name=tandem_visitor]').inputValue()).toBe(vid);
    await page.getByRole('link', { name: 'Pricing' }).click();
    await page.getByRole('heading', { name: 'Pricing' }).waitFor();
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(async () => (await eventsOf(vid)).length, wait).toBe(3);
    const events = await eventsOf(vid);
    expect(events.map((e) => [e.kind, e.name])).toEqual([
      ['page_view', null],
      ['page_view', null],
      ['custom', 'signup'],
    ]);
    expect(events[0]!.props.utm).toEqual({ source: 'newsletter', medium: 'email', campaign: 'spring-webinar-2026' });
    expect(events[2]!.props.plan).toBe('pro');

    // The live check on the settings screen sees the hits.
    await admin.getByTestId('last-hit').getByText('Last page view').waitFor({ timeout: 15_000 });
    await crm.e2e.screenshot(admin, 'tracking-settings-light');

    const contact = await apiOf(admin, (await signIn(admin)).csrfToken).post('/api/contacts', {
      firstName: 'Nora',
      lastName: 'Newsletter',
    });
    const token = signContactLink(crm.e2e.server.platform.secretKey, crm.workspaceId, contact.id);
    await page.goto(withContactToken(`${siteUrl}/offer.html`, token));
    await page.getByRole('heading', { name: 'Offer' }).waitFor();
    await expect.poll(() => page.url(), wait).not.toContain('tdm=');
    await expect.poll(async () => (await eventsOf(vid)).every((e) => e.contact_id === contact.id), wait).toBe(true);
    expect(await eventsOf(vid)).toHaveLength(4);
    const sessions = await rows<{ utm_campaign: string; page_count: number; contact_id: string }>(
      db(),
      sql`select utm_campaign, page_count, contact_id from web_sessions where workspace_id = ${crm.workspaceId} and visitor_id = ${vid}`,
    );
    expect(sessions).toEqual([{ utm_campaign: 'spring-webinar-2026', page_count: 3, contact_id: contact.id }]);

    await admin.goto(`/contacts/${contact.id}`);
    const card = admin.getByTestId('web-session').first();
    await card
      .getByText(/utm_campaign: spring-webinar-2026/)
      .first()
      .waitFor({ timeout: 30_000 });
    await card.getByText('Event: signup').waitFor();
    await crm.e2e.screenshot(admin, 'contact-web-activity-light');

    await admin.goto('/analytics/web');
    await expect.poll(async () => admin.getByTestId('stat-page-views').textContent(), wait).toBe('3');
    await admin.getByRole('table', { name: 'Campaigns (UTM)' }).getByText('spring-webinar-2026').waitFor();
    await crm.e2e.screenshot(admin, 'web-analytics-light');

    // The default period ends today in the workspace's time zone, the zone the server counts days in, not in UTC or
    // the browser's (Berlin here): at any hour, one of these two zones is on another date than UTC.
    const far = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const api = apiOf(admin, (await signIn(admin)).csrfToken);
    await api.patch('/api/workspace', { timezone: far });
    await admin.goto('/analytics/web');
    await expect.poll(() => admin.getByLabel('To', { exact: true }).inputValue(), wait).toBe(dayIn(new Date(), far));
    await api.patch('/api/workspace', { timezone: 'Europe/Berlin' });
    await context.close();
  }, 120_000);

  it('sends and stores nothing when the browser says Do Not Track', async () => {
    const { context, page } = await visitor();
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }));
    await page.goto(`${siteUrl}/dnt.html`);
    await page.getByRole('heading', { name: 'Private' }).waitFor();
    await page.waitForTimeout(1000);
    expect(await vidOf(page)).toBeNull();
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const stored = await rows(db(), sql`select 1 from contact_events where workspace_id = ${crm.workspaceId} and url like '%/dnt.html%'`);
    expect(stored).toHaveLength(0);
    await context.close();
  }, 60_000);

  it('in consent mode stores nothing on the device or the server until the visitor accepts', async () => {
    const admin = await crm.adminPage();
    const api = apiOf(admin, (await signIn(admin)).csrfToken);
    const s = await api.post('/api/tracking/sites', { name: 'Consent site', allowedOrigins: [siteUrl], consentMode: 'after_consent' });
    await admin.goto('/settings/tracking');
    snippets.consent = (await admin.locator('section', { hasText: 'Consent site' }).getByTestId('snippet').textContent())!;
    expect(snippets.consent).toContain('data-consent="required"');
    expect(s.siteKey).toBeTruthy();

    const { context, page } = await visitor();
    await page.goto(`${siteUrl}/consent.html?utm_source=linkedin`);
    await page.getByRole('heading', { name: 'Consent' }).waitFor();
    await page.waitForTimeout(1000);
    expect(await vidOf(page)).toBeNull();
    const before = await rows(
      db(),
      sql`select 1 from contact_events where workspace_id = ${crm.workspaceId} and url like '%/consent.html%'`,
    );
    expect(before).toHaveLength(0);

    await page.getByRole('button', { name: 'Accept cookies' }).click();
    await expect.poll(() => vidOf(page), wait).toMatch(/^[0-9a-f-]{36}$/);
    const vid = (await vidOf(page))!;
    await expect.poll(async () => (await eventsOf(vid)).map((e) => e.props.utm?.source), wait).toEqual(['linkedin']);
    await context.close();
  }, 60_000);
});
