import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoContactCount } from '../../src/modules/contacts/index.ts';
import { routingDemoLeads } from '../../src/modules/routing/index.ts';
import { describeBrowser } from './browser.ts';
import { type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
/** Polls wait up to 10 s: a loaded CI machine renders slower than vitest's 1 s default. */
const wait = { timeout: 10_000 };

/** The demo's contacts: the CRM book of business plus the routing demo's web leads. */
const allContacts = `${(demoContactCount + routingDemoLeads).toLocaleString('en-US')} contacts`;
/** The list's total once its count has arrived (the screens fetch it beside the first page). */
const total = async (page: Page) => {
  const settled = page.locator('[data-testid="list-total"]:not([aria-busy="true"])');
  await settled.waitFor();
  return (await settled.textContent())?.trim() ?? '';
};
const columnTexts = (page: Page, grid: string, field: string) =>
  page.getByRole('table', { name: grid }).locator(`tbody td[data-col="${field}"]`).allTextContents();

describeBrowser('contacts and companies lists', () => {
  beforeAll(async () => {
    crm = await startCrm({ demo: true });
  }, 240_000);
  afterAll(() => crm?.e2e.close());

  it('shows the contacts with their total, and loads more rows as you scroll', async () => {
    const page = await crm.adminPage();
    await page.goto('/contacts');
    const grid = page.getByRole('table', { name: 'Contacts' });
    await grid.locator('tbody tr').first().waitFor();
    expect(await total(page)).toBe(allContacts);
    await crm.e2e.screenshot(page, 'contacts-light');
    // Only what is in view is rendered, however long the list.
    expect(await grid.locator('tbody tr').count()).toBeLessThan(60);
    // Keyboard: End jumps to the last loaded row, and the next page loads by cursor.
    const nextPage = page.waitForResponse((r) => r.url().includes('/api/contacts/search') && !!r.request().postDataJSON()?.cursor);
    await grid.locator('tbody tr').first().focus();
    await page.keyboard.press('End');
    await nextPage;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex')), wait).toBe('101');
  });

  it('filters with the builder and the count follows; clearing brings everyone back', async () => {
    const page = await crm.adminPage();
    await page.goto('/contacts');
    await page.getByRole('table', { name: 'Contacts' }).locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Filter' }).click();
    const builder = page.getByRole('dialog', { name: 'Filter builder' });
    await builder.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'Lifecycle stage' }).click();
    await builder.getByRole('combobox', { name: 'Lifecycle stage value' }).click();
    await page.getByRole('option', { name: 'Customer' }).click();
    await expect.poll(() => total(page), wait).not.toBe(allContacts);
    const customers = await total(page);
    expect(customers).toMatch(/^\d[\d,]* contacts?$/);
    await crm.e2e.screenshot(page, 'contacts-filter-light');
    await page.keyboard.press('Escape');
    const stages = await columnTexts(page, 'Contacts', 'lifecycle_stage');
    expect(stages.length).toBeGreaterThan(0);
    expect(new Set(stages)).toEqual(new Set(['Customer']));
    // The filter is in the address, so a reload keeps it.
    expect(new URL(page.url()).searchParams.get('filter')).toContain('customer');
    await page.reload();
    await expect.poll(() => total(page), wait).toBe(customers);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => total(page), wait).toBe(allContacts);
  });

  it('sorts by a header click, flips on a second click, and adds a key with shift-click', async () => {
    const page = await crm.adminPage();
    await page.goto('/companies');
    const grid = page.getByRole('table', { name: 'Companies' });
    await grid.locator('tbody tr').first().waitFor();
    expect(await total(page)).toBe('320 companies');
    const header = (name: string) => grid.getByRole('button', { name: new RegExp(`^${name}`) });
    await header('Employees').click();
    await expect.poll(async () => grid.getByRole('columnheader', { name: /Employees/ }).getAttribute('aria-sort'), wait).toBe('descending');
    const desc = (await columnTexts(page, 'Companies', 'employee_count')).map((t) => Number(t.replace(/,/g, '')));
    expect(desc.length).toBeGreaterThan(5);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await header('Employees').click();
    await expect.poll(async () => grid.getByRole('columnheader', { name: /Employees/ }).getAttribute('aria-sort'), wait).toBe('ascending');
    // Industry first, then shift-click adds Name as the second key (numbered 2 in its header).
    await header('Industry').click();
    await header('Name').click({ modifiers: ['Shift'] });
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), wait).toBe('industry,name');
    await grid.getByRole('button', { name: /^Name.*2$/ }).waitFor();
    const industries = (await columnTexts(page, 'Companies', 'industry')).map((t) => t.toLowerCase());
    const names = (await columnTexts(page, 'Companies', 'name')).map((t) => t.toLowerCase());
    for (let i = 1; i < industries.length; i++) {
      const cmp = industries[i - 1]!.localeCompare(industries[i]!);
      expect(cmp < 0 || (cmp === 0 && names[i - 1]!.localeCompare(names[i]!) <= 0)).toBe(true);
    }
    await crm.e2e.screenshot(page, 'companies-sorted-light');
  });

  it('creates a contact: a bad email is shown on the email field, then fixed, and the new contact opens', async () => {
    const page = await crm.adminPage();
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'New contact' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Grace');
    await dialog.getByLabel('Last name').fill('Hopper');
    await dialog.getByLabel('Email', { exact: true }).fill('grace@');
    await dialog.getByLabel('Job title').fill('Rear Admiral');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    const emailError = dialog.locator('.mantine-InputWrapper-error').filter({ hasText: 'is not an email address' });
    await emailError.waitFor();
    expect(await dialog.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await crm.e2e.screenshot(page, 'contact-new-error-light');
    await dialog.getByLabel('Email', { exact: true }).fill('grace@navy.example.mil');
    await dialog.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/contacts\/[0-9a-f-]{36}$/);
    await page.getByText('Rear Admiral').first().waitFor();
    await crm.e2e.screenshot(page, 'contact-page-light');
  });

  it('saves a filtered list as a view that comes back as a tab', async () => {
    const page = await crm.adminPage();
    await page.goto('/contacts');
    await page.getByRole('tab', { name: 'All contacts', selected: true }).waitFor();
    await expect.poll(() => total(page), wait).toMatch(/contacts$/);
    const everyone = await total(page);
    await page.getByRole('button', { name: 'Filter' }).click();
    const builder = page.getByRole('dialog', { name: 'Filter builder' });
    await builder.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'Lead status' }).click();
    await builder.getByRole('combobox', { name: 'Lead status value' }).click();
    await page.getByRole('option', { name: 'Qualified', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => total(page), wait).not.toBe(everyone);
    const qualified = await total(page);
    await page.getByRole('button', { name: 'Save as view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as a new view' });
    await dialog.getByLabel('Name').fill('Qualified leads');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('tab', { name: 'Qualified leads', selected: true }).waitFor();
    await crm.e2e.screenshot(page, 'contacts-view-light');
    await page.getByRole('tab', { name: 'All contacts' }).click();
    await expect.poll(() => total(page), wait).toBe(everyone);
    await page.getByRole('tab', { name: 'Qualified leads' }).click();
    await expect.poll(() => total(page), wait).toBe(qualified);
  });

  it('sets the stage of selected contacts in bulk, and undoes it', async () => {
    const page = await crm.adminPage();
    await page.goto('/contacts');
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('Kowalski');
    const grid = page.getByRole('table', { name: 'Contacts' });
    await expect.poll(() => total(page), wait).toMatch(/^\d+ contacts?$/);
    await expect
      .poll(async () => (await columnTexts(page, 'Contacts', 'display_name')).every((n) => n.includes('Kowalski')), wait)
      .toBe(true);
    const rows = grid.locator('tbody tr');
    await rows.nth(0).getByRole('checkbox', { name: 'Select row' }).check();
    await rows.nth(1).getByRole('checkbox', { name: 'Select row' }).check();
    const bar = page.getByRole('group', { name: 'Bulk actions' }).or(page.locator('[aria-label="Bulk actions"]')).first();
    await bar.getByText('2 selected').waitFor();
    await crm.e2e.screenshot(page, 'contacts-bulk-light');
    await bar.getByRole('button', { name: 'Stage' }).click();
    await page.getByRole('menuitem', { name: 'Evangelist' }).click();
    await page.getByText('Stage set to Evangelist: 2 contacts').waitFor();
    await expect
      .poll(async () => (await columnTexts(page, 'Contacts', 'lifecycle_stage')).filter((s) => s === 'Evangelist').length, wait)
      .toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone: 2 contacts restored').waitFor();
  });

  it('renders the lists in dark mode', async () => {
    const page = await crm.adminPage('dark');
    for (const [path, name, shot] of [
      ['/contacts', 'Contacts', 'contacts-dark'],
      ['/companies', 'Companies', 'companies-dark'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('table', { name }).locator('tbody tr').first().waitFor();
      await page.waitForLoadState('networkidle');
      await crm.e2e.screenshot(page, shot);
    }
  });
});
