import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser } from './browser.ts';
import { type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
const wait = { timeout: 30_000 };

const csv = [
  'First Name,Last Name,Email Address,Lifecycle Stage,Nickname',
  'Grace,Hopper,grace@navy.example,lead,Amazing Grace',
  'Katherine,Johnson,katherine@nasa.example,customer,',
  'Broken,Row,not-an-email,lead,',
  'Margaret,Hamilton,margaret@mit.example,lead,',
].join('\r\n');

const contactCount = async (page: Page) => (await (await page.request.get('/api/contacts?limit=1')).json()).total.value as number;
const downloaded = async (page: Page, click: () => Promise<void>) => {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile((await download.path())!);
};

describeBrowser('importing a CSV with the wizard, exporting lists and the workspace', () => {
  beforeAll(async () => {
    crm = await startCrm();
  }, 240_000);
  afterAll(() => crm?.e2e.close());

  it('uploads, maps with a preview, runs with progress, reports the bad row, and undoes', async () => {
    const page = await crm.adminPage();
    await page.goto('/imports');
    await page.getByText('No imports yet').waitFor();
    await page.getByRole('link', { name: 'Import a file' }).first().click();
    await page.waitForURL('**/imports/new');

    // Upload (XHR with progress) lands on the mapping step with the columns mapped by name.
    await page.locator('input[type=file]').setInputFiles({ name: 'pioneers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('table', { name: 'Column mapping' }).waitFor(wait);
    await expect.poll(() => page.getByRole('combobox', { name: 'Import column Email Address as' }).inputValue(), wait).toBe('Email');
    expect(await page.getByRole('combobox', { name: 'Import column First Name as' }).inputValue()).toBe('First name');
    expect(await page.getByTestId('mapping-row').count()).toBe(5);
    // The bad email shows in the preview before anything is written.
    await expect.poll(async () => (await page.getByTestId('preview-problems').textContent()) ?? '', wait).toMatch(/^1 of the first 4 rows/);
    // Skip the nickname column explicitly.
    await page.getByRole('combobox', { name: 'Import column Nickname as' }).click();
    await page.getByRole('option', { name: 'Don’t import this column' }).click();
    await crm.e2e.screenshot(page, 'import-mapping-light');

    await page.getByRole('button', { name: 'Next: options' }).click();
    await page.getByLabel('Save this mapping as').fill('Pioneers');
    await crm.e2e.screenshot(page, 'import-options-light');
    await page.getByRole('button', { name: 'Start import' }).click();

    // The import's page follows the job to the end.
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/, wait);
    await expect.poll(async () => page.getByTestId('import-status').textContent(), wait).toBe('completed');
    expect(await page.getByTestId('count-created').locator('p').first().textContent()).toBe('3');
    expect(await page.getByTestId('count-failed').locator('p').first().textContent()).toBe('1');
    await crm.e2e.screenshot(page, 'import-done-light');
    expect(await contactCount(page)).toBe(3);

    const report = (await downloaded(page, () => page.getByRole('link', { name: 'Download error report' }).click())).toString('utf8');
    expect(report).toContain('not-an-email');
    expect(report).toMatch(/\b4\b/); // the data row's number

    // The list exports what it shows.
    await page.goto('/contacts');
    await page.getByRole('table', { name: 'Contacts' }).locator('tbody tr').first().waitFor(wait);
    await page.getByRole('button', { name: 'Export contacts as CSV' }).click();
    const exported = (
      await downloaded(page, () => page.getByRole('menuitem', { name: 'All columns (custom fields too)' }).click())
    ).toString('utf8');
    expect(exported.split('\n').filter(Boolean)).toHaveLength(4);
    expect(exported).toContain('grace@navy.example');

    // History, then undo.
    await page.goto('/imports');
    await page.getByTestId('import-row').first().waitFor(wait);
    expect(await page.getByTestId('import-row').first().textContent()).toContain('pioneers.csv');
    await crm.e2e.screenshot(page, 'imports-history-light');
    await page.getByRole('link', { name: 'pioneers.csv' }).click();
    await page.getByRole('button', { name: 'Undo import' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(async () => page.getByTestId('import-status').textContent(), wait).toBe('undone');
    expect(await contactCount(page)).toBe(0);

    // The saved mapping is offered next time.
    await page.goto('/imports/new');
    await page.locator('input[type=file]').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('table', { name: 'Column mapping' }).waitFor(wait);
    await page.getByRole('combobox', { name: 'Saved mapping' }).click();
    await page.getByRole('option', { name: 'Pioneers' }).waitFor(wait);
  }, 240_000);

  it('refuses a binary file at upload with a message', async () => {
    const page = await crm.adminPage();
    await page.goto('/imports/new');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0]) });
    await page.getByRole('alert').waitFor(wait);
    expect(await page.getByRole('alert').textContent()).toContain('The file could not be used');
  });

  it('exports the whole workspace from Settings as a zip', async () => {
    const page = await crm.adminPage();
    await page.goto('/settings/export');
    await page.getByText('No exports yet').waitFor(wait);
    await page.getByRole('button', { name: 'Export workspace' }).first().click();
    const link = page.getByRole('link', { name: 'Download' });
    await link.waitFor(wait);
    await crm.e2e.screenshot(page, 'workspace-export-light');
    const zip = await downloaded(page, () => link.click());
    expect(zip.subarray(0, 2).toString()).toBe('PK');
  }, 120_000);
});
