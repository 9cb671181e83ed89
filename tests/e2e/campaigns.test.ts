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

describeBrowser('campaigns and attribution', () => {
  beforeAll(async () => {
    crm = await startCrm();
  }, 400_000);
  afterAll(() => crm?.e2e.close());

  it('creates a campaign, adds spend, builds a UTM link, and shows touchpoints and ROI', async () => {
    const { page, api } = await signedIn();
    await page.goto('/campaigns');
    await page.getByText('No campaigns yet').waitFor(wait);
    await crm.e2e.screenshot(page, 'campaigns-empty');

    // Create through the form.
    await page.getByRole('button', { name: 'New campaign' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByLabel('Name').fill('Spring webinar 2026');
    await expect.poll(() => dialog.getByText('Will be “spring-webinar-2026”').count()).toBe(1);
    await dialog.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Events' }).click();
    await dialog.getByLabel('Budget').fill('5000');
    await dialog.getByLabel('Leads').fill('10');
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await page
      .getByRole('heading', { name: 'Spring webinar 2026', level: 1 })
      .waitFor(wait)
      .catch(async (e) => {
        await crm.e2e.screenshot(page, 'campaign-create-failed');
        throw e;
      });
    const campaignId = page.url().split('/').pop()!;

    // Spend.
    await page.getByRole('button', { name: 'Add spend' }).click();
    const spend = page.getByRole('dialog', { name: 'Add spend' });
    await spend.getByLabel('Amount').fill('1000');
    await spend.getByLabel('Note').fill('Webinar platform');
    await spend.getByRole('button', { name: 'Add spend' }).click();
    await expect.poll(() => page.getByTestId('spend-total').textContent(), wait).toBe('$1,000');

    // A bad UTM address is refused on its field; a good one is built with the slug.
    const builder = page.getByRole('form', { name: 'UTM link builder' });
    await builder.getByLabel('Page address').fill('tandem.example/webinar');
    await builder.getByLabel('Source').fill('linkedin');
    await builder.getByLabel('Medium').fill('paid_social');
    await builder.getByRole('button', { name: 'Build link' }).click();
    await builder.getByText(/is not a URL/).waitFor(wait);
    await builder.getByLabel('Page address').fill('https://tandem.example/webinar');
    await builder.getByLabel('Content').fill('banner a');
    await builder.getByRole('button', { name: 'Build link' }).click();
    await expect
      .poll(() => page.getByTestId('utm-link').first().textContent(), wait)
      .toBe(
        'https://tandem.example/webinar?utm_source=linkedin&utm_medium=paid_social&utm_campaign=spring-webinar-2026&utm_content=banner+a',
      );
    await page.getByRole('button', { name: 'Copy link for linkedin / paid_social' }).waitFor(wait);

    // A person touched by the campaign wins a deal: touchpoints, leads and ROI follow.
    const contact = await api.post('/api/contacts', { firstName: 'Mia', lastName: 'Buyer', emails: [{ email: 'mia@umbrella.example' }] });
    await api.post(`/api/campaigns/${campaignId}/touchpoints`, {
      contactId: contact.id,
      occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      note: 'Attended the webinar',
    });
    await api.patch(`/api/contacts/${contact.id}`, { lifecycleStage: 'marketing_qualified' });
    const pipeline = await api.post('/api/pipelines', { name: 'Sales' });
    const won = (pipeline.stages as { id: string; type: string }[]).find((s) => s.type === 'won')!.id;
    const deal = await api.post('/api/deals', {
      name: 'Umbrella platform',
      amount: 1_000_000,
      closeDate: '2031-01-31',
      contacts: [{ contactId: contact.id }],
    });
    await api.post(`/api/deals/${deal.id}/move`, { stageId: won });

    await page.reload();
    const touchpoints = page.getByRole('table', { name: 'Touchpoints' });
    await touchpoints.getByText('Mia Buyer').waitFor(wait);
    await touchpoints.getByText('Manual').waitFor(wait);
    const byModel = page.getByRole('table', { name: 'Revenue and ROI by model' });
    await byModel.getByText('+900%').first().waitFor(wait);
    expect(await page.getByText('1 of 10 (10%)').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Attribution model' }).click();
    await page.getByRole('option', { name: 'W-shaped (30/30/30/10)' }).click();
    await expect.poll(() => byModel.locator('tr', { hasText: 'W-shaped' }).textContent(), wait).toContain('$10,000');
    await crm.e2e.screenshot(page, 'campaign-page');

    // The list shows the bar and ROI; the attribution report has the chart and the channel row.
    await page.goto('/campaigns');
    const row = page.getByRole('row', { name: /Spring webinar 2026/ });
    await row.getByText('+900%').waitFor(wait);
    await row.getByRole('progressbar').waitFor(wait);
    await crm.e2e.screenshot(page, 'campaigns-list');
    await page.getByRole('link', { name: 'Attribution report' }).click();
    await page.getByRole('img', { name: 'Attributed revenue and spend per channel' }).locator('canvas').waitFor(wait);
    const report = page.getByRole('table', { name: 'Attribution' });
    await report
      .getByRole('row', { name: /Events/ })
      .getByText('$10,000')
      .waitFor(wait);
    await page.getByText('By campaign').click();
    await report.getByRole('link', { name: 'Spring webinar 2026' }).waitFor(wait);
    await crm.e2e.screenshot(page, 'attribution-report');
  }, 180_000);
});
