import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
const wait = { timeout: 15_000 };

/** Last completed quarter, e.g. 2026-Q3, and an instant in its second month. */
function lastQuarter() {
  const now = new Date();
  const idx = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1;
  const [y, q] = [Math.floor(idx / 4), (idx % 4) + 1];
  return { label: `${y}-Q${q}`, mid: (day: number) => new Date(Date.UTC(y, (q - 1) * 3 + 1, day, 12)).toISOString() };
}

async function pick(page: Awaited<ReturnType<CrmE2E['adminPage']>>, label: string, option: string) {
  await page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describeBrowser('funnel, cohorts and performance reports', () => {
  const quarter = lastQuarter();
  beforeAll(async () => {
    crm = await startCrm();
    const { page } = await crm.e2e.newPage();
    const { csrfToken } = await signIn(page);
    const api = apiOf(page, csrfToken);
    const db = crm.e2e.server.platform.database.db;
    // Alice: lead on day 1, MQL on 3, customer on 11; Bob: lead on 2, MQL on 6; Carol: lead on 4.
    const contact = async (firstName: string, history: [string, number][]) => {
      const c = await api.post('/api/contacts', { firstName, lastName: 'Funnel' });
      await db.execute(sql`update contacts set created_at = ${quarter.mid(history[0]![1])} where id = ${c.id}`);
      await db.execute(sql`delete from lifecycle_history where contact_id = ${c.id}`);
      for (const [stage, day] of history)
        await db.execute(sql`insert into lifecycle_history (id, workspace_id, contact_id, to_stage, changed_at, actor_type)
          select ${crypto.randomUUID()}, workspace_id, id, ${stage}, ${quarter.mid(day)}, 'user' from contacts where id = ${c.id}`);
    };
    await contact('Alice', [
      ['lead', 1],
      ['marketing_qualified', 3],
      ['customer', 11],
    ]);
    await contact('Bob', [
      ['lead', 2],
      ['marketing_qualified', 6],
    ]);
    await contact('Carol', [['lead', 4]]);
    const pipeline = await api.post('/api/pipelines', {
      name: 'New business',
      stages: [
        { name: 'Qualify', probability: 20 },
        { name: 'Won', type: 'won' },
        { name: 'Lost', type: 'lost' },
      ],
    });
    const stages = pipeline.stages as { id: string; name: string }[];
    const d = await api.post('/api/deals', { name: 'Globex renewal', stageId: stages[0]!.id, amount: 2_400_000 });
    await db.execute(sql`update deals set status = 'won', stage_id = ${stages[1]!.id}, created_at = ${quarter.mid(1)},
      closed_at = ${quarter.mid(11)} where id = ${d.id}`);
    await page.context().close();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('shows the funnel for a period and lists who stopped at a stage, each a link to the contact', async () => {
    const page = await crm.adminPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Funnel' }).click();
    await page.getByRole('heading', { name: 'Funnel', exact: true }).waitFor();
    await pick(page, 'Period', quarter.label);
    const table = page.getByRole('table', { name: 'Funnel stages' });
    const row = (stage: string) => table.getByRole('row').filter({ hasText: stage });
    // Subscriber 3, lead 3, MQL 2 (66.7 %), SQL and opportunity 1 (Alice skipped them), customer 1.
    await expect.poll(async () => row('MQL').textContent(), wait).toContain('66.7 %');
    expect(await row('Customer').textContent()).toContain('33.3 %');
    await page.getByTestId('funnel-chart').locator('svg').waitFor(wait);
    await crm.e2e.screenshot(page, 'funnel-light');

    await page.getByRole('button', { name: 'MQL: who stopped here' }).click();
    const drawer = page.getByRole('dialog', { name: 'Stopped at MQL' });
    await drawer.getByTestId('drop-off-total').filter({ hasText: '1 contact' }).waitFor(wait);
    await crm.e2e.screenshot(page, 'funnel-drop-off-light');
    await drawer.getByRole('link', { name: 'Bob Funnel' }).click();
    await page.getByRole('heading', { name: 'Bob Funnel' }).waitFor(wait);
  });

  it('shows customer cohorts as a retention heatmap', async () => {
    const page = await crm.adminPage();
    await page.goto('/reports/cohorts');
    await page.getByRole('heading', { name: 'Cohorts', exact: true }).waitFor();
    await pick(page, 'Start months in', quarter.label);
    const heatmap = page.getByRole('table', { name: 'Cohort retention' });
    // Alice became a customer in the quarter's second month and still is.
    const month = quarter.mid(11).slice(0, 7);
    await expect.poll(async () => heatmap.getByRole('row').filter({ hasText: month }).textContent(), wait).toContain('100 %');
    await page.locator('label', { hasText: 'Recurring revenue' }).click();
    await page.getByText('No cohort started in this period').waitFor(wait);
    await page.locator('label', { hasText: /^Customers$/ }).click();
    await heatmap.waitFor(wait);
    await crm.e2e.screenshot(page, 'cohorts-light');
  });

  it('shows sales performance per rep', async () => {
    const page = await crm.adminPage();
    await page.goto('/reports/sales-performance');
    await page.getByRole('heading', { name: 'Sales performance' }).waitFor();
    await pick(page, 'Period', quarter.label);
    const reps = page.getByRole('table', { name: 'Reps' });
    await expect.poll(async () => reps.textContent(), wait).toContain('$24,000');
    expect(await reps.textContent()).toContain('100 %');
    await crm.e2e.screenshot(page, 'sales-performance-light');
  });

  it('subscribes to the weekly KPI email from the dashboard', async () => {
    const page = await crm.adminPage();
    await page.goto('/reports/kpis');
    const toggle = page.getByRole('switch', { name: 'Email me every Monday' });
    await expect.poll(async () => toggle.isEnabled(), wait).toBe(true);
    // The switch follows the saved state, so it flips once the server has answered (hence no check()).
    await toggle.click({ force: true });
    await expect.poll(async () => toggle.isChecked(), wait).toBe(true);
    await expect
      .poll(async () => (await (await page.request.get('/api/analytics/digest-subscription')).json()).subscribed, wait)
      .toBe(true);
  });
});
