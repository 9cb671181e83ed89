import { afterAll, beforeAll, it } from 'vitest';
import { describeBrowser } from './browser.ts';
import { type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;

describeBrowser('custom fields', () => {
  beforeAll(async () => {
    crm = await startCrm();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('defines a choice field in Settings and shows it on the contact form, the record and the filter', async () => {
    const page = await crm.adminPage();
    await page.goto('/settings/custom-fields');
    await page.getByText('No custom fields on contacts yet').waitFor();
    await page.getByRole('button', { name: 'New field' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New contact field' });
    await dialog.getByLabel('Label').fill('Preferred language');
    await dialog.getByRole('textbox', { name: 'Key' }).waitFor();
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Single choice' }).click();
    await dialog.getByLabel('Option 1 label').fill('English');
    await dialog.getByRole('button', { name: 'Add option' }).click();
    await dialog.getByLabel('Option 2 label').fill('German');
    await crm.e2e.screenshot(page, 'custom-field-form-light');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Custom fields' });
    await table.getByText('preferred_language').waitFor();
    await crm.e2e.screenshot(page, 'custom-fields-light');

    // A key that is taken is shown on the key field.
    await page.getByRole('button', { name: 'New field' }).first().click();
    await dialog.getByLabel('Label').fill('Preferred language');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog
      .locator('.mantine-InputWrapper-error')
      .filter({ hasText: /preferred_language/ })
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/contacts');
    await page.getByRole('button', { name: 'New contact' }).first().click();
    const form = page.getByRole('dialog', { name: 'New contact' });
    await form.getByText('Custom fields').waitFor();
    await form.getByRole('combobox', { name: 'Preferred language' }).click();
    await page.getByRole('option', { name: 'German' }).click();
    await form.getByLabel('First name').fill('Lena');
    await form.getByLabel('Last name').fill('Vogel');
    await form.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Lena Vogel', level: 1 }).waitFor();
    await page.getByText('Preferred language').waitFor();
    await page.getByText('German').waitFor();
    await crm.e2e.screenshot(page, 'contact-custom-field-light');

    // The field is filterable in the list like a built-in one.
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Filter' }).click();
    const builder = page.getByRole('dialog', { name: 'Filter builder' });
    await builder.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'Preferred language' }).click();
    await builder.getByRole('combobox', { name: 'Preferred language value' }).click();
    await page.getByRole('option', { name: 'German' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Lena Vogel' }).waitFor();
    await page.getByTestId('list-total').getByText('1 contact', { exact: true }).waitFor();
  });

  it('renders the custom fields screen in dark mode', async () => {
    const page = await crm.adminPage('dark');
    await page.goto('/settings/custom-fields');
    await page.getByRole('table', { name: 'Custom fields' }).waitFor();
    await page.waitForLoadState('networkidle');
    await crm.e2e.screenshot(page, 'custom-fields-dark');
  });
});
