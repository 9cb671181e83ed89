import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, joinByInvite, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
let dealId = '';
const wait = { timeout: 30_000 };
const rep = { name: 'Rita Rep', email: 'rita@example.com', password: 'rita password 123' };
const manager = { name: 'Max Manager', email: 'max@example.com', password: 'max password 123' };

async function pageOf(who?: { email: string; password: string }): Promise<Page> {
  const { page } = await crm.e2e.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  page.setDefaultTimeout(30_000);
  await signIn(page, who?.email, who?.password);
  return page;
}

describeBrowser('quotes, approvals and orders', () => {
  beforeAll(async () => {
    crm = await startCrm();
    const page = await pageOf();
    const { csrfToken } = await signIn(page);
    const api = apiOf(page, csrfToken);
    await joinByInvite(page, api, rep, 'sales_rep');
    await joinByInvite(page, api, manager, 'sales_manager');
    await api.post('/api/pipelines', { name: 'New business' });
    await api.post('/api/products', {
      sku: 'PLAT-STD',
      name: 'Platform Standard',
      billing: 'yearly',
      prices: [{ currency: 'USD', unitPrice: 1_200_00 }],
    });
    await api.patch('/api/quote-settings', { terms: 'Net 30. Prices exclude travel.' });
    const contact = await api.post('/api/contacts', { firstName: 'Bo', lastName: 'Buyer', emails: [{ email: 'bo@initech.example' }] });
    const converted = await api.post(`/api/contacts/${contact.id}/convert`, {
      company: { name: 'Initech', domain: 'initech.example' },
      name: 'Initech platform',
    });
    dealId = (converted.deal as { id: string }).id;
    await page.context().close();
  }, 400_000);
  afterAll(() => crm?.e2e.close(), 120_000);

  it('a rep builds a discounted quote, a manager approves it, the PDF downloads, and the accepted quote becomes an order', async () => {
    const page = await pageOf(rep);
    await page.goto(`/deals/${dealId}`);
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.getByRole('button', { name: 'Build the first quote' }).click();
    const builder = page.getByRole('dialog', { name: 'New quote' });
    await builder.getByRole('button', { name: 'Add line' }).click();
    await builder.getByRole('combobox', { name: 'Line 1 product' }).fill('Platform');
    await page.getByRole('option', { name: /Platform Standard/ }).click();
    await expect.poll(() => builder.getByRole('textbox', { name: 'Line 1 unit price' }).inputValue(), wait).toBe('1200');
    await builder.getByRole('textbox', { name: 'Line 1 quantity' }).fill('2');
    await builder.getByRole('textbox', { name: 'Line 1 discount percent' }).fill('20');
    await builder.getByRole('button', { name: 'Add line' }).click();
    await builder.getByRole('textbox', { name: 'Line 2 name' }).fill('Consulting hours');
    await builder.getByRole('textbox', { name: 'Line 2 quantity' }).fill('1.5');
    await builder.getByRole('textbox', { name: 'Line 2 unit price' }).fill('150');
    // Live totals: 2 × 1,200 − 20% = 1,920; 1.5 × 150 = 225.
    await expect.poll(() => builder.getByTestId('quote-total').textContent(), wait).toBe('$2,145');
    await builder.getByText('needs a manager’s approval').waitFor(wait);
    await crm.e2e.screenshot(page, 'quote-builder');
    await builder.getByRole('button', { name: 'Save quote' }).click();
    await builder.waitFor({ state: 'hidden', ...wait });
    await page.getByText('Discount above 15% needs approval').waitFor(wait);
    await page.getByRole('button', { name: 'Request approval' }).click();
    await expect.poll(() => page.getByTestId('quote-status').textContent(), wait).toBe('Waiting for approval');
    await page.context().close();

    const boss = await pageOf(manager);
    await boss.goto('/approvals');
    const row = boss.getByRole('row', { name: /Initech platform/ });
    await row.waitFor(wait);
    await crm.e2e.screenshot(boss, 'quote-approvals');
    await row.getByText('Review').click();
    await boss.getByRole('textbox', { name: 'Comment' }).fill('OK for a two-year commitment');
    await boss.getByRole('button', { name: 'Approve discount' }).click();
    await expect.poll(() => boss.getByTestId('quote-status').textContent(), wait).toBe('Ready to send');
    await boss.context().close();

    const again = await pageOf(rep);
    await again.goto(`/deals/${dealId}`);
    await again.getByRole('tab', { name: 'Quotes' }).click();
    await again.getByText('Discount approved').waitFor(wait);
    const [download] = await Promise.all([again.waitForEvent('download'), again.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('Q-000001-v1.pdf');
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);

    await again.getByRole('button', { name: 'Mark sent' }).click();
    await expect.poll(() => again.getByTestId('quote-status').textContent(), wait).toBe('Sent');
    await again.getByRole('button', { name: 'Mark accepted' }).click();
    await expect.poll(() => again.getByTestId('quote-status').textContent(), wait).toBe('Accepted');
    await crm.e2e.screenshot(again, 'quote-accepted');
    await again.getByRole('button', { name: 'Create order' }).click();
    await again.getByRole('link', { name: 'View order' }).click();
    await again.getByRole('heading', { name: 'SO-000001' }).waitFor(wait);
    await again.getByRole('button', { name: 'Confirm order' }).click();
    await expect.poll(() => again.getByTestId('order-status').textContent(), wait).toBe('Confirmed');
    await crm.e2e.screenshot(again, 'order');
    await again.goto('/orders');
    await again.getByRole('row', { name: /SO-000001/ }).waitFor(wait);
    // The platform line is yearly: 1,920 ARR, 160 MRR.
    await expect.poll(() => again.getByTestId('summary-MRR').textContent(), wait).toBe('$160');
    await crm.e2e.screenshot(again, 'orders');
    const deal = await (await again.request.get(`/api/deals/${dealId}`)).json();
    expect(deal.status).toBe('won');
  }, 400_000);
});
