import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, type Json, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
let other: Server;
let otherUrl = '';
let formId = '';
const slug = 'spring-webinar';
// The machine running these is shared and often loaded: generous waits, never timing assertions.
const wait = { timeout: 30_000 };

async function signedIn(): Promise<{ page: Page; api: ReturnType<typeof apiOf> }> {
  const { page } = await crm.e2e.newPage();
  await page.setViewportSize({ width: 1500, height: 950 });
  page.setDefaultTimeout(30_000);
  const { csrfToken } = await signIn(page);
  return { page, api: apiOf(page, csrfToken) };
}

const submissions = async (api: ReturnType<typeof apiOf>) =>
  (await api.get(`/api/forms/${formId}/submissions`)).items as {
    outcome: string;
    contactId: string | null;
    data: Record<string, string>;
  }[];

describeBrowser('forms and landing pages', () => {
  beforeAll(async () => {
    crm = await startCrm();
    // A customer's website on another origin, with nothing but the embed snippet.
    other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><head><title>Customer site</title></head><body><h1>Our webinar</h1><script src="${crm.e2e.url}/f/${slug}/embed.js"></script></body></html>`,
      );
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  }, 180_000);
  afterAll(async () => {
    other?.close();
    await crm?.e2e.close();
  });

  it('builds a form in the builder: fields, reorder, consent, publish', async () => {
    const { page } = await signedIn();
    await page.goto('/forms');
    await page.getByText('No forms yet').waitFor(wait);
    await crm.e2e.screenshot(page, 'forms-empty');
    await page.getByRole('link', { name: 'New form' }).first().click();
    await page.getByLabel('Form name').fill('Spring webinar');
    expect(await page.getByLabel('Address').inputValue()).toBe(slug);
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByRole('menuitem', { name: 'Long text' }).click();
    await page.getByLabel('Label').fill('Your question');
    await page.getByRole('button', { name: 'Move Your question up' }).click();
    const rows = page.getByTestId('form-field-row');
    expect(await rows.nth(1).textContent()).toContain('Your question');
    // Keyboard: Alt+↓ moves the focused field back down.
    await rows.nth(1).focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await rows.nth(2).textContent()).toContain('Your question');
    await expect.poll(() => page.getByLabel('Form preview').getByLabel('Your question').count()).toBe(1);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Ask for email consent').check();
    await page.getByLabel('Consent text').fill('Send me the recording and related news.');
    await page.getByLabel('Minimum seconds to fill in').fill('1');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\/forms\/[0-9a-f-]{36}$/, wait);
    formId = page.url().split('/').pop()!;
    await page.getByText('Published', { exact: true }).first().waitFor(wait);
    await page.getByRole('tab', { name: 'Embed' }).click();
    await page.getByText(`/f/${slug}/embed.js`).waitFor(wait);
    await crm.e2e.screenshot(page, 'form-embed-tab');
    await page.getByRole('tab', { name: 'Fields' }).click();
    await crm.e2e.screenshot(page, 'form-builder');
  }, 120_000);

  it('submits the embedded form on another site and the contact appears', async () => {
    const { context, page } = await crm.e2e.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${otherUrl}/?utm_source=partner&utm_campaign=spring`);
    await page.getByLabel('Email').waitFor(wait);
    await page.getByLabel('Email').fill('embed.visitor@example.org');
    await page.getByLabel('First name').fill('Elena');
    await page.getByLabel('Your question').fill('Will there be a recording?');
    await page.getByLabel('Send me the recording and related news.').check();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you' }).waitFor(wait);
    await crm.e2e.screenshot(page, 'form-embed-thanks');
    await context.close();
    const { page: admin, api } = await signedIn();
    const subs = await submissions(api);
    expect(subs[0]).toMatchObject({ outcome: 'created', data: { email: 'embed.visitor@example.org', first_name: 'Elena' } });
    const contact = await api.get(`/api/contacts/${subs[0]!.contactId}`);
    expect(contact).toMatchObject({ firstName: 'Elena', email: 'embed.visitor@example.org', emailConsent: 'subscribed' });
    await admin.goto(`/forms/${formId}`);
    await admin
      .getByRole('heading', { name: 'Spring webinar' })
      .waitFor(wait)
      .catch(async (e) => {
        await crm.e2e.screenshot(admin, 'form-builder-failed');
        throw e;
      });
    await admin.getByRole('tab', { name: 'Submissions' }).click();
    await admin.getByRole('link', { name: 'Elena' }).waitFor(wait);
    await crm.e2e.screenshot(admin, 'form-submissions');
  }, 120_000);

  it('submits the hosted form with JavaScript disabled (303 to the thank-you page), and a bot in the honeypot is dropped', async () => {
    const context = await crm.e2e.browser.newContext({ baseURL: crm.e2e.url, javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`/f/${slug}`);
    await page.getByLabel('Email').fill('no.script@example.org');
    await page.getByLabel('First name').fill('Nils');
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(`**/f/${slug}/thanks`, wait);
    expect(await page.getByRole('status').textContent()).toContain('Thank you');
    // The honeypot: a bot fills every input, the hidden one too.
    await page.goto(`/f/${slug}`);
    await page.getByLabel('Email').fill('bot@example.org');
    await page.locator('input[name="_website"]').fill('http://spam.example', { force: true });
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(`**/f/${slug}/thanks`, wait);
    await context.close();
    const { api } = await signedIn();
    const subs = await submissions(api);
    expect(subs.map((s) => s.data.email)).toContain('no.script@example.org');
    expect(subs.map((s) => s.data.email)).not.toContain('bot@example.org');
    expect((await api.get(`/api/forms/${formId}`)).spamCount).toBe(1);
  }, 120_000);

  it('publishes a landing page with its form and Open Graph tags', async () => {
    const { page, api } = await signedIn();
    const created: Json = await api.post('/api/pages', {
      slug: 'spring-webinar-live',
      title: 'Spring webinar: pipeline reviews',
      description: 'Forty-five minutes on pipeline reviews that move deals.',
      ogImage: 'https://cdn.example.com/spring.png',
      blocks: [
        { type: 'heading', text: 'Pipeline reviews that work', level: 1 },
        { type: 'columns', columns: [[{ type: 'richText', html: '<p>Join us <strong>live</strong>.</p>' }], [{ type: 'form', formId }]] },
        { type: 'cta', label: 'See the agenda', url: '#agenda' },
      ],
    });
    await page.goto(`/pages/${created.id}`);
    await page
      .getByRole('heading', { name: 'Spring webinar: pipeline reviews' })
      .waitFor(wait)
      .catch(async (e) => {
        await crm.e2e.screenshot(page, 'page-editor-failed');
        throw e;
      });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published (version 1)').waitFor(wait);
    await page.frameLocator('iframe[title="Page preview"]').getByText('Pipeline reviews that work').waitFor(wait);
    await crm.e2e.screenshot(page, 'page-editor');
    // Headless Chromium says so in its user agent and isbot (rightly) skips it; a visitor's browser does not.
    const context = await crm.e2e.browser.newContext({
      baseURL: crm.e2e.url,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
    });
    const visitor = await context.newPage();
    visitor.setDefaultTimeout(30_000);
    await visitor.goto('/p/spring-webinar-live?utm_source=newsletter');
    expect(await visitor.locator('meta[property="og:title"]').getAttribute('content')).toBe('Spring webinar: pipeline reviews');
    expect(await visitor.locator('meta[property="og:image"]').getAttribute('content')).toBe('https://cdn.example.com/spring.png');
    await visitor.getByLabel('Email').fill('page.visitor@example.org');
    await visitor.waitForTimeout(1200);
    await visitor.getByRole('button', { name: 'Submit' }).click();
    await visitor.getByRole('status').filter({ hasText: 'Thank you' }).waitFor(wait);
    await crm.e2e.screenshot(visitor, 'landing-page');
    await context.close();
    expect((await api.get(`/api/pages/${created.id}`)).viewCount).toBe(1);
    expect((await submissions(api)).map((s) => s.data.email)).toContain('page.visitor@example.org');
  }, 120_000);
});
