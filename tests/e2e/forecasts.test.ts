import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
const wait = { timeout: 15_000 };
const now = new Date();
const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
const monthLabel = now.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });

async function signedIn(): Promise<{ page: Page; api: ReturnType<typeof apiOf> }> {
  const { page } = await crm.e2e.newPage();
  await page.setViewportSize({ width: 1500, height: 1000 });
  const { csrfToken } = await signIn(page);
  return { page, api: apiOf(page, csrfToken) };
}

describeBrowser('forecasts, quotas and win/loss', () => {
  beforeAll(async () => {
    crm = await startCrm();
    const { page, api } = await signedIn();
    await api.patch('/api/workspace', { timezone: 'UTC', currency: 'USD' });
    const p = await api.post('/api/pipelines', {
      name: 'Forecast test',
      stages: [
        { name: 'Lead', probability: 20 },
        { name: 'Won', type: 'won' },
        { name: 'Lost', type: 'lost' },
      ],
    });
    const [lead, won] = p.stages as { id: string }[];
    const today = now.toISOString().slice(0, 10);
    const w = await api.post('/api/deals', { name: 'Initech expansion', amount: 60_000, stageId: lead!.id, source: 'Referral' });
    await api.post(`/api/deals/${w.id}/move`, { stageId: won!.id });
    await api.post('/api/deals', { name: 'Globex pilot', amount: 40_000, stageId: lead!.id, closeDate: today, forecastCategory: 'commit' });
    await page.context().close();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('sets a quota in the grid, shows attainment, and overrides a figure with a comment', async () => {
    const { page } = await signedIn();
    await page.goto(`/forecasts/quotas?year=${month.slice(0, 4)}`);
    const cell = page.getByRole('textbox', { name: `Quota of Ada Admin for ${monthLabel} ${month.slice(0, 4)}` });
    await cell.waitFor(wait);
    await cell.fill('1000');
    await page.getByText('1 unsaved change').waitFor(wait);
    await crm.e2e.screenshot(page, 'quotas-grid');
    await page.getByRole('button', { name: 'Save quotas' }).click();
    await page.getByText('All saved').waitFor(wait);

    await page.goto(`/forecasts?period=${month}`);
    const row = page.locator('[data-testid="forecast-row-user"][data-name="Ada Admin"]');
    await row.waitFor(wait);
    await expect.poll(() => row.textContent(), wait).toContain('60%');
    expect(await row.getByRole('progressbar', { name: 'Attainment of Ada Admin: 60%' }).count()).toBe(1);
    expect(await row.textContent()).toContain('$1,000');

    await row.getByRole('button', { name: 'Override commit for Ada Admin' }).click();
    const amount = page.getByRole('textbox', { name: 'Commit (USD)' });
    await amount.fill('500');
    await page.getByRole('textbox', { name: 'Why' }).fill('Verbal yes from the CFO');
    await page.getByRole('button', { name: 'Save override' }).click();
    await row.getByTestId('override-commit').waitFor(wait);
    expect(await row.getByTestId('override-commit').textContent()).toBe('$500');
    expect(await row.textContent()).toContain('computed $400');
    // Forecast = closed won $600 + the $500 override; gap = $1,000 − $1,100 (over quota by $100).
    expect(await row.textContent()).toContain('$1,100');
    expect(await row.textContent()).toContain('+$100');
    await crm.e2e.screenshot(page, 'forecast');

    await page.getByRole('button', { name: 'Take snapshot now' }).click();
    await page.getByRole('table', { name: 'Forecast accuracy per rep' }).waitFor(wait);

    await page.goto('/reports/win-loss');
    await page.getByRole('table', { name: 'By rep' }).waitFor(wait);
    expect(await page.getByRole('table', { name: 'By source' }).textContent()).toContain('referral');
    await crm.e2e.screenshot(page, 'win-loss');
  });
});
