import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
const wait = { timeout: 15_000 };

/** Last completed quarter, e.g. 2026-Q3, and an instant in its middle. */
function lastQuarter() {
  const now = new Date();
  const idx = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1;
  const [y, q] = [Math.floor(idx / 4), (idx % 4) + 1];
  return { label: `${y}-Q${q}`, mid: (day: number) => new Date(Date.UTC(y, (q - 1) * 3 + 1, day, 12)).toISOString() };
}

describeBrowser('the KPI dashboard', () => {
  const quarter = lastQuarter();
  beforeAll(async () => {
    crm = await startCrm();
    const { page } = await crm.e2e.newPage();
    const { csrfToken } = await signIn(page);
    const api = apiOf(page, csrfToken);
    const pipeline = await api.post('/api/pipelines', {
      name: 'New business',
      stages: [
        { name: 'Qualify', probability: 20 },
        { name: 'Won', type: 'won' },
        { name: 'Lost', type: 'lost' },
      ],
    });
    const stages = pipeline.stages as { id: string; name: string }[];
    const db = crm.e2e.server.platform.database.db;
    const deal = async (name: string, status: 'won' | 'lost', amount: number, day: number) => {
      const d = await api.post('/api/deals', { name, stageId: stages[0]!.id, amount });
      const stage = stages.find((s) => s.name === (status === 'won' ? 'Won' : 'Lost'))!.id;
      await db.execute(sql`update deals set status = ${status}, stage_id = ${stage}, created_at = ${quarter.mid(1)}, closed_at = ${quarter.mid(day)}
        where id = ${d.id}`);
    };
    await deal('Globex renewal', 'won', 2_400_000, 11);
    await deal('Initech pilot', 'won', 600_000, 21);
    await deal('Umbrella expansion', 'lost', 900_000, 15);
    await api.post('/api/analytics/sales-costs', {
      month: quarter.mid(2).slice(0, 7),
      category: 'salaries',
      amount: 1_500_000,
      currency: 'USD',
    });
    await page.context().close();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('shows the board for a period, opens the deals behind a number and follows one to its page', async () => {
    const page = await crm.adminPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'KPI dashboard' }).click();
    await page.getByRole('heading', { name: 'KPI dashboard' }).waitFor();
    await page
      .getByRole('textbox', { name: 'Period' })
      .or(page.getByRole('combobox', { name: 'Period' }))
      .first()
      .click();
    await page.getByRole('option', { name: quarter.label, exact: true }).click();
    await expect.poll(() => page.url(), wait).toContain(`period=${quarter.label}`);
    const win = page.getByTestId('kpi-win_rate');
    await expect.poll(async () => win.getByTestId('kpi-value').textContent(), wait).toBe('66.7 %');
    await expect.poll(async () => page.getByTestId('kpi-average_deal_size').getByTestId('kpi-value').textContent(), wait).toBe('$15,000');
    await expect.poll(async () => page.getByTestId('kpi-marketing_roi').textContent(), wait).toContain('No marketing spend recorded');
    await crm.e2e.screenshot(page, 'kpi-dashboard-light');

    await win.getByRole('button').click();
    const drawer = page.getByRole('dialog', { name: `Win rate · ${quarter.label}` });
    await drawer.getByRole('table', { name: 'Deals closed (won or lost) in the period' }).waitFor(wait);
    expect(await drawer.getByRole('row').count()).toBe(4); // header + 3 deals
    await drawer.getByRole('link', { name: 'Umbrella expansion' }).click();
    await page.getByRole('heading', { name: 'Umbrella expansion' }).waitFor(wait);
  });

  it('sets a target and judges the KPI against it', async () => {
    const page = await crm.adminPage();
    await page.goto('/settings/kpis');
    await page.getByRole('heading', { name: 'Targets & costs' }).waitFor();
    await page.getByRole('table', { name: 'Sales costs' }).waitFor(wait);
    const field = page.getByRole('textbox', { name: 'Win rate' });
    await field.fill('80');
    await page.getByRole('button', { name: 'Save targets' }).click();
    await page.getByText('Targets saved').waitFor(wait);
    await page.goto(`/reports/kpis?period=${quarter.label}`);
    const win = page.getByTestId('kpi-win_rate');
    await expect.poll(async () => win.textContent(), wait).toContain('Off target');
    await expect.poll(async () => win.textContent(), wait).toContain('target ≥ 80 %');
    await page.emulateMedia({ colorScheme: 'dark' });
    await crm.e2e.screenshot(page, 'kpi-dashboard-dark');
  });
});
