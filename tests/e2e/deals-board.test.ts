import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
let pipelineId = '';
let contactId = '';
const wait = { timeout: 10_000 };

async function signedIn(): Promise<{ page: Page; api: ReturnType<typeof apiOf> }> {
  const { page } = await crm.e2e.newPage();
  await page.setViewportSize({ width: 1500, height: 900 });
  const { csrfToken } = await signIn(page);
  return { page, api: apiOf(page, csrfToken) };
}

const column = (page: Page, stage: string) => page.getByRole('region', { name: new RegExp(`^${stage}: \\d+ deals$`) });
const amountOf = (page: Page, stage: string) => column(page, stage).getByTestId('column-amount');

describeBrowser('the deals board', () => {
  beforeAll(async () => {
    crm = await startCrm();
    const { page, api } = await signedIn();
    const p = await api.post('/api/pipelines', {
      name: 'Board test',
      stages: [
        { name: 'Lead', probability: 10 },
        { name: 'Proposal', probability: 50 },
        { name: 'Contract', probability: 80, requiredFields: ['close_date'] },
        { name: 'Won', type: 'won' },
        { name: 'Lost', type: 'lost' },
      ],
    });
    pipelineId = p.id;
    const lead = (p.stages as { id: string }[])[0]!.id;
    await api.post('/api/deals', { name: 'Globex renewal', amount: 100_000, stageId: lead });
    await api.post('/api/deals', { name: 'Hooli pilot', amount: 50_000, stageId: lead });
    contactId = (
      await api.post('/api/contacts', {
        firstName: 'Mia',
        lastName: 'Buyer',
        emails: [{ email: 'mia@umbrella.example' }],
        lifecycleStage: 'sales_qualified',
      })
    ).id;
    await page.context().close();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('drags a deal to another stage and both columns’ totals change', async () => {
    const { page } = await signedIn();
    await page.goto(`/deals?pipeline=${pipelineId}`);
    await column(page, 'Lead').waitFor(wait);
    expect(await amountOf(page, 'Lead').textContent()).toBe('$1,500');
    expect(await amountOf(page, 'Proposal').textContent()).toBe('$0');
    const card = page.locator('[data-deal-id]', { hasText: 'Globex renewal' });
    const from = (await card.boundingBox())!;
    const to = (await column(page, 'Proposal').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 40);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + 50, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
    await page.mouse.up();
    await column(page, 'Proposal').getByText('Globex renewal').waitFor(wait);
    await expect.poll(() => amountOf(page, 'Proposal').textContent(), wait).toBe('$1,000');
    expect(await amountOf(page, 'Lead').textContent()).toBe('$500');
    expect(await column(page, 'Proposal').getByTestId('column-weighted').textContent()).toContain('$500');
    await crm.e2e.screenshot(page, 'deals-board');
  });

  it('moves a deal with the keyboard and asks for what the stage requires', async () => {
    const { page } = await signedIn();
    await page.goto(`/deals?pipeline=${pipelineId}`);
    const card = column(page, 'Proposal').locator('[data-deal-id]', { hasText: 'Globex renewal' });
    await card.waitFor(wait);
    await card.focus();
    await page.keyboard.press('Space');
    await page.locator('[data-deal-id][aria-pressed="true"]').waitFor(wait);
    await page.keyboard.press('ArrowRight');
    await page.locator('section[data-over="true"]', { hasText: 'Contract' }).waitFor(wait);
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog', { name: /Move “Globex renewal” to Contract/ });
    await dialog.waitFor(wait);
    await dialog.getByLabel('Expected close date').fill('2031-05-31');
    await crm.e2e.screenshot(page, 'deals-move-requirements');
    await dialog.getByRole('button', { name: 'Move deal' }).click();
    await column(page, 'Contract').getByText('Globex renewal').waitFor(wait);
    await expect.poll(() => amountOf(page, 'Contract').textContent(), wait).toBe('$1,000');
  });

  it('converts a contact into a deal from the contact page and opens the deal', async () => {
    const { page } = await signedIn();
    await page.goto(`/contacts/${contactId}`);
    await page.getByRole('button', { name: 'Convert to deal' }).click();
    const dialog = page.getByRole('dialog', { name: /Convert Mia Buyer/ });
    await dialog.getByLabel('Deal name').fill('Umbrella expansion');
    await dialog.getByRole('button', { name: 'Convert to deal' }).click();
    await page.getByRole('heading', { name: 'Umbrella expansion', level: 1 }).waitFor(wait);
    await page.getByRole('link', { name: 'Mia Buyer' }).waitFor(wait);
    await crm.e2e.screenshot(page, 'deal-page');
    const contact = await (await page.request.get(`/api/contacts/${contactId}`)).json();
    expect(contact.lifecycleStage).toBe('opportunity');
  });

  it('adds a product with a price from the products screen', async () => {
    const { page } = await signedIn();
    await page.goto('/settings/products');
    await page.getByRole('button', { name: 'New product' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New product' });
    await dialog.getByLabel('SKU').fill('PLAT-STD');
    await dialog.getByLabel('Name').fill('Platform – Standard');
    await dialog.getByLabel('Unit price').fill('6000');
    await dialog.getByRole('button', { name: 'Save product' }).click();
    await page.getByRole('cell', { name: 'PLAT-STD' }).waitFor(wait);
    await page.getByText('Standard: $6,000').waitFor(wait);
    await crm.e2e.screenshot(page, 'products');
  });
});
