import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
// Generous: other engineers' test runs share this machine's two cores.
const wait = { timeout: 30_000 };

async function signedIn(): Promise<{ page: Page; api: ReturnType<typeof apiOf> }> {
  const { page } = await crm.e2e.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  page.context().setDefaultTimeout(30_000);
  const { csrfToken } = await signIn(page);
  return { page, api: apiOf(page, csrfToken) };
}

async function pick(page: Page, scope: ReturnType<Page['locator']> | Page, combobox: string, option: string) {
  await scope.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).click();
}

describeBrowser('email', () => {
  beforeAll(async () => {
    crm = await startCrm();
  }, 400_000);
  afterAll(() => crm?.e2e.close());

  it('writes a template with a live preview, sends a broadcast to a list, follows it to the report and the outbox', async () => {
    const { page, api } = await signedIn();
    await flow(page, api).catch(async (e) => {
      await crm.e2e.screenshot(page, 'email-failed');
      throw e;
    });
  }, 180_000);
});

/** The whole path a marketer takes, in order (one server, one page). */
async function flow(page: Page, api: ReturnType<typeof apiOf>) {
  const people = [
    ['Ana', 'ana@example.org'],
    ['Ben', 'ben@example.org'],
    ['Carl', 'carl@example.org'],
  ];
  const ids: string[] = [];
  for (const [firstName, email] of people)
    ids.push((await api.post('/api/contacts', { firstName, lastName: 'Reader', emails: [{ email }] })).id);
  const list = await api.post('/api/lists', { name: 'Newsletter readers' });
  await api.post(`/api/lists/${list.id}/members`, { contactIds: ids });

  // Sending settings: a sender and a domain with the records to publish.
  await page.goto('/settings/email');
  await page.getByText('No sender yet').waitFor(wait);
  await page.getByText('No SMTP relay').waitFor(wait);
  await page.getByRole('button', { name: 'Add sender' }).click();
  const senderDialog = page.getByRole('dialog', { name: 'New sender' });
  await senderDialog.getByLabel('From name').fill('Acme News');
  await senderDialog.getByLabel('From address').fill('not-an-address');
  await senderDialog.getByRole('button', { name: 'Add sender' }).click();
  await senderDialog.getByText('must be an email address').waitFor(wait);
  await senderDialog.getByLabel('From address').fill('news@example.com');
  await senderDialog.getByLabel('Postal address').fill('1 Main St, Springfield');
  await senderDialog.getByLabel('Default sender').check();
  await senderDialog.getByRole('button', { name: 'Add sender' }).click();
  await page.getByRole('table', { name: 'Senders' }).getByText('<news@example.com>').waitFor(wait);
  const domainForm = page.getByRole('form', { name: 'Add a sending domain' });
  await domainForm.getByLabel('Domain').fill('example.com');
  await domainForm.getByRole('button', { name: 'Add domain' }).click();
  const records = page.getByRole('table', { name: 'Records for example.com' });
  await records.getByText('tandem._domainkey.example.com').waitFor(wait);
  expect(await records.getByRole('button', { name: /^Copy .* value$/ }).count()).toBeGreaterThanOrEqual(3);
  await crm.e2e.screenshot(page, 'email-settings');

  // The suppression list: Carl asked not to be emailed.
  await page.goto('/email/suppressions');
  await page.getByText('Nobody is suppressed').waitFor(wait);
  const suppress = page.getByRole('form', { name: 'Add to the suppression list' });
  await suppress.getByLabel('Email address').fill('carl@example.org');
  await suppress.getByLabel('Why (optional)').fill('Asked by phone');
  await suppress.getByRole('button', { name: 'Suppress' }).click();
  await page.getByRole('table', { name: 'Suppressed addresses' }).getByText('carl@example.org').waitFor(wait);

  // A template: a syntax error shows where it is, the fix updates the preview.
  await page.getByRole('tab', { name: 'Templates' }).click();
  await page.getByText('No templates yet').waitFor(wait);
  await page.getByRole('button', { name: 'New template' }).first().click();
  const newTemplate = page.getByRole('dialog', { name: 'New template' });
  await newTemplate.getByLabel('Name').fill('Spring news');
  await newTemplate.getByRole('button', { name: 'Create template' }).click();
  await page.getByRole('heading', { name: 'Spring news', level: 1 }).waitFor(wait);
  const preview = page.frameLocator('iframe[title="Email preview"]');
  await preview.getByText('Write your message here.').waitFor(wait);
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.fill(
    '<mjml><mj-body><mj-section><mj-column>\n<mj-text>Hi {{ contact.first_name </mj-text>\n</mj-column></mj-section></mj-body></mjml>',
  );
  const error = page.getByTestId('template-error');
  await error.waitFor(wait);
  expect(await error.textContent()).toMatch(/Body error at line \d+/);
  await crm.e2e.screenshot(page, 'email-template-error');
  await body.fill(
    '<mjml><mj-body><mj-section><mj-column>\n<mj-text>Hi {{ contact.first_name | default: "friend" }}, spring is here.</mj-text>\n<mj-button href="https://example.com/spring">See the offers</mj-button>\n</mj-column></mj-section></mj-body></mjml>',
  );
  await preview.getByText('Hi Jane, spring is here.').waitFor(wait);
  await expect.poll(() => error.count(), wait).toBe(0);
  await page.getByRole('textbox', { name: 'Subject' }).fill('Spring news for {{ contact.first_name | default: "you" }}');
  await expect.poll(() => page.getByTestId('preview-subject').textContent(), wait).toBe('Spring news for Jane');
  // Preview as a contact, on a phone.
  await page.getByRole('combobox', { name: 'Preview as' }).fill('Ana');
  await page.getByRole('option', { name: /Ana Reader/ }).click();
  await preview.getByText('Hi Ana, spring is here.').waitFor(wait);
  await page.locator('label').filter({ hasText: 'Mobile' }).click();
  await expect.poll(() => page.locator('iframe[title="Email preview"]').evaluate((f) => f.getBoundingClientRect().width), wait).toBe(375);
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByText('Version 2 saved').waitFor(wait);
  await preview.getByText('Hi Ana, spring is here.').waitFor(wait);
  await expect.poll(() => page.getByRole('table', { name: 'Version history' }).locator('tbody tr').count(), wait).toBe(2);
  await crm.e2e.screenshot(page, 'email-template-editor');

  // Compose a broadcast to the list: the estimate leaves Carl out.
  await page.goto('/email');
  await page.getByText('No broadcasts yet').waitFor(wait);
  await page.getByRole('link', { name: 'New broadcast' }).first().click();
  await page.getByRole('heading', { name: 'New broadcast' }).waitFor(wait);
  await page.getByLabel('Name').first().fill('Spring newsletter');
  await pick(page, page, 'List', 'Newsletter readers (3)');
  await pick(page, page, 'Template', 'Spring news');
  await expect.poll(() => page.getByTestId('estimate-recipients').textContent(), wait).toBe('2');
  await page.getByText('3 in the audience with an email, 1 skipped by suppression').waitFor(wait);
  // A second variant turns the content into an A/B test (B starts from A's template); removing it turns it back.
  await page.getByRole('button', { name: 'Add variant' }).click();
  await page.getByRole('heading', { name: 'Variants (A/B test)' }).waitFor(wait);
  expect(await page.getByRole('combobox', { name: 'Template B' }).inputValue()).toBe('Spring news');
  await page.getByRole('textbox', { name: 'Test share (%)' }).waitFor(wait);
  await crm.e2e.screenshot(page, 'email-composer-ab');
  await page.getByRole('button', { name: 'Remove variant B' }).click();
  await page.getByRole('heading', { name: 'Content' }).waitFor(wait);
  await crm.e2e.screenshot(page, 'email-composer');
  await page.getByRole('button', { name: 'Send…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send this broadcast now?' });
  await expect.poll(() => confirm.getByTestId('confirm-recipients').textContent(), wait).toBe('2');
  await confirm.getByRole('button', { name: 'Send now' }).click();

  // Progress until sent (no SMTP relay: the outbox keeps the mail), then the report.
  await page.getByRole('heading', { name: 'Spring newsletter', level: 1 }).waitFor(wait);
  await expect.poll(() => page.getByTestId('progress-text').textContent(), wait).toBe('3 of 3 done');
  await expect.poll(() => page.getByTestId('broadcast-status').textContent(), wait).toBe('Sent');
  await expect.poll(() => page.getByTestId('count-sent').textContent(), wait).toBe('Sent2');
  expect(await page.getByTestId('count-suppressed').textContent()).toBe('Suppressed1');
  const report = page.getByRole('table', { name: 'Report' });
  await expect.poll(() => report.getByRole('row', { name: /^Sent/ }).textContent(), wait).toBe('Sent2');
  await report.getByRole('row', { name: /Opens \(human\)/ }).waitFor(wait);
  await report.getByRole('row', { name: /Open rate/ }).waitFor(wait);
  await page.getByText('No clicks yet.').waitFor(wait);
  await crm.e2e.screenshot(page, 'email-broadcast-report');

  // The outbox has both messages, readable and downloadable.
  await page.getByRole('link', { name: 'All broadcasts' }).click();
  await page.getByRole('table', { name: 'Broadcasts' }).getByText('Spring newsletter').waitFor(wait);
  await page.getByRole('tab', { name: 'Outbox' }).click();
  const outbox = page.getByRole('table', { name: 'Outbox' });
  await expect.poll(() => outbox.locator('tbody tr').count(), wait).toBe(2);
  expect(await outbox.getByText('carl@example.org').count()).toBe(0);
  await page.getByRole('button', { name: 'Open message to ana@example.org: Spring news for Ana' }).click();
  const drawer = page.getByRole('dialog', { name: 'Spring news for Ana' });
  // A cell of the summary (the headers tab holds the same address in its From line).
  await drawer.getByRole('cell', { name: 'Acme News <news@example.com>' }).waitFor(wait);
  await drawer.getByText('DKIM-signed', { exact: true }).waitFor(wait);
  await drawer.frameLocator('iframe[title="Message HTML"]').getByText('Hi Ana, spring is here.').waitFor(wait);
  expect(await drawer.getByRole('link', { name: 'Download .eml' }).getAttribute('href')).toMatch(
    /^\/api\/email\/outbox\/[0-9a-f-]{36}\.eml$/,
  );
  await crm.e2e.screenshot(page, 'email-outbox-message');
  await page.keyboard.press('Escape');

  // Carl comes off the suppression list.
  await page.getByRole('tab', { name: 'Suppression list' }).click();
  await page.getByRole('button', { name: 'Remove carl@example.org' }).click();
  await page.getByRole('dialog', { name: 'Remove carl@example.org?' }).getByRole('button', { name: 'Remove' }).click();
  await page.getByText('Nobody is suppressed').waitFor(wait);
}
