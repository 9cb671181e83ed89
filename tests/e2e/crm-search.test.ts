import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
let searchReady = false;
let mergeReady = false;
const wait = { timeout: 10_000 };

async function signedIn(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; api: ReturnType<typeof apiOf> }> {
  const { page } = await crm.e2e.newPage({ colorScheme });
  const { csrfToken } = await signIn(page);
  return { page, api: apiOf(page, csrfToken) };
}

describeBrowser('global search and duplicates', () => {
  beforeAll(async () => {
    crm = await startCrm();
    const { page, api } = await signedIn();
    // Search and merge are built in parallel with these screens: the tests skip until the server has them.
    searchReady = (await page.request.get('/api/search?q=x')).status() !== 404;
    mergeReady = (await page.request.get('/api/duplicates/contacts')).status() !== 404;
    const initech = await api.post('/api/companies', { name: 'Initech', domain: 'initech.example' });
    await api.post('/api/contacts', {
      firstName: 'Peter',
      lastName: 'Gibbons',
      emails: [{ email: 'peter@initech.example' }],
      companyId: initech.id,
    });
    await api.post('/api/contacts', {
      firstName: 'Michael',
      lastName: 'Bolton',
      emails: [{ email: 'michael@initech.example' }],
      phones: [{ phone: '+14155550111' }],
    });
    await api.post('/api/contacts', {
      firstName: 'Mike',
      lastName: 'Bolton',
      title: 'Programmer',
      emails: [{ email: 'mbolton@example.org' }],
      phones: [{ phone: '+14155550111' }],
    });
    await page.context().close();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('opens a record from the ⌘K / Ctrl+K palette', async (ctx) => {
    if (!searchReady) ctx.skip();
    const { page } = await signedIn();
    await page.goto('/tasks');
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.keyboard.press('Control+K');
    const box = page.getByRole('combobox', { name: 'Search contacts, companies and deals' });
    await box.waitFor();
    await box.fill('gibons');
    const results = page.getByRole('listbox', { name: 'Results' });
    await results.getByRole('option', { name: /Peter Gibbons/ }).waitFor();
    await crm.e2e.screenshot(page, 'search-palette-light');
    await box.press('Enter');
    await page.getByRole('heading', { name: 'Peter Gibbons', level: 1 }).waitFor();
    // Opened records come back as "Recent" in the empty palette; arrows and Enter reach a company.
    await page.keyboard.press('Control+K');
    await page.getByRole('listbox', { name: 'Results' }).getByText('Recent').waitFor();
    await box.fill('initech');
    await results.getByRole('option', { name: /^Initech initech\.example/ }).waitFor();
    // Arrow down to the company (its contacts match the domain too), then Enter.
    for (let i = 0; i < 6; i++) {
      const id = await results.getByRole('option', { selected: true }).getAttribute('id');
      if (id?.startsWith('palette-company:')) break;
      await box.press('ArrowDown');
    }
    await box.press('Enter');
    await page.getByRole('heading', { name: 'Initech', level: 1 }).waitFor();
  });

  it('merges two duplicate contacts, keeping the chosen job title and both emails', async (ctx) => {
    if (!mergeReady) ctx.skip();
    const { page } = await signedIn();
    await page.goto('/duplicates');
    const pair = page.getByRole('list', { name: 'Candidate pairs' }).getByRole('listitem').filter({ hasText: 'Michael Bolton' });
    await pair.getByText('Same phone').waitFor();
    await pair.click();
    const compare = page.getByRole('region', { name: 'Compare and merge' });
    await compare.getByRole('radio', { name: 'Keep Michael Bolton' }).check();
    await compare.getByRole('radio', { name: 'Job title from Mike Bolton' }).check();
    await crm.e2e.screenshot(page, 'duplicates-light');
    await compare.getByRole('button', { name: 'Merge into Michael Bolton' }).click();
    await page.getByText('Mike Bolton was merged into Michael Bolton.').waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Candidate pairs' }).getByText('Michael Bolton').count(), wait).toBe(0);

    await page.goto('/contacts');
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('Bolton');
    await expect.poll(async () => (await page.getByTestId('list-total').textContent())?.trim(), wait).toBe('1 contact');
    await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Michael Bolton' }).click();
    await page.getByRole('heading', { name: 'Michael Bolton', level: 1 }).waitFor();
    await page.getByText('Programmer').first().waitFor();
    await page.getByRole('link', { name: 'mbolton@example.org' }).waitFor();
  });

  it('renders the palette and the duplicates screen in dark mode', async (ctx) => {
    if (!searchReady || !mergeReady) ctx.skip();
    const { page } = await signedIn('dark');
    await page.goto('/duplicates');
    await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await crm.e2e.screenshot(page, 'duplicates-dark');
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Search contacts, companies and deals' }).fill('bolton');
    await page.getByRole('listbox', { name: 'Results' }).getByRole('option').first().waitFor();
    await crm.e2e.screenshot(page, 'search-palette-dark');
  });
});
