import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
let contactId = '';
let companyId = '';
const wait = { timeout: 10_000 };

async function signedIn(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; api: ReturnType<typeof apiOf> }> {
  const { page } = await crm.e2e.newPage({ colorScheme });
  const { csrfToken } = await signIn(page);
  return { page, api: apiOf(page, csrfToken) };
}

describeBrowser('contact and company pages', () => {
  beforeAll(async () => {
    crm = await startCrm();
    const { page, api } = await signedIn();
    const company = await api.post('/api/companies', {
      name: 'Initech',
      domain: 'initech.example',
      industry: 'Software',
      employeeCount: 120,
    });
    companyId = company.id;
    const contact = await api.post('/api/contacts', {
      firstName: 'Peter',
      lastName: 'Gibbons',
      title: 'Programmer',
      emails: [{ email: 'peter@initech.example' }],
      phones: [{ phone: '+14155550123' }],
      companyId,
      lifecycleStage: 'lead',
    });
    contactId = contact.id;
    await api.post('/api/contacts', {
      firstName: 'Samir',
      lastName: 'Nagheenanajar',
      emails: [{ email: 'samir@initech.example' }],
      companyId,
    });
    await api.post('/api/activities', {
      type: 'note',
      body: 'Met at the TPS report review.\nWants the new cover sheets.',
      links: [{ entityType: 'contact', entityId: contactId }],
    });
    await page.context().close();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('logs a call on a contact and shows it at the top of the timeline', async () => {
    const { page } = await signedIn();
    await page.goto(`/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Peter Gibbons', level: 1 }).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText(/^Note: Met at the TPS report review/).waitFor();
    const composer = page.getByRole('form', { name: /Log a/ });
    await composer.getByRole('tab', { name: 'Call' }).click();
    await composer.getByLabel('Duration (minutes)').fill('12');
    await composer.getByLabel('Call notes').fill('Talked about the stapler. Follow up next week.');
    await composer.getByRole('button', { name: 'Log call' }).click();
    await page.getByText('Call logged').waitFor();
    const first = timeline.getByTestId('timeline-item').first();
    await expect.poll(() => first.textContent(), wait).toContain('Outbound call (connected, 12 min)');
    expect(await first.textContent()).toContain('Talked about the stapler');
    // The kind filter narrows the timeline to notes.
    await page.getByLabel('Show in the timeline').getByText('Notes', { exact: true }).click();
    await timeline.getByText(/^Note: Met at/).waitFor();
    await expect.poll(() => timeline.getByText('Outbound call').count(), wait).toBe(0);
    await page.getByLabel('Show in the timeline').getByText('All', { exact: true }).click();
    await crm.e2e.screenshot(page, 'contact-timeline-light');
  });

  it('changes the lifecycle stage from the header, and the change shows in the timeline', async () => {
    const { page } = await signedIn();
    await page.goto(`/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Peter Gibbons', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Lifecycle stage' }).click();
    await page.getByRole('option', { name: 'Sales qualified' }).click();
    await page.getByText('Lifecycle stage saved').waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Lifecycle stage: lead → sales qualified').waitFor();
  });

  it('edits the contact: a bad phone is shown on the phone field', async () => {
    const { page } = await signedIn();
    await page.goto(`/contacts/${contactId}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: /Edit Peter Gibbons/ });
    await dialog.getByLabel('Phone', { exact: true }).fill('12');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.locator('.mantine-InputWrapper-error').filter({ hasText: 'valid phone number' }).waitFor();
    await dialog.getByLabel('Phone', { exact: true }).fill('+1 415 555 0199');
    await dialog.getByLabel('Job title').fill('Senior Programmer');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: '+14155550199' }).waitFor();
    await page.getByText('Senior Programmer').first().waitFor();
  });

  it('shows a company with its contacts and creates a task on it', async () => {
    const { page } = await signedIn();
    await page.goto(`/companies/${companyId}`);
    await page.getByRole('heading', { name: 'Initech', level: 1 }).waitFor();
    const people = page.getByRole('region', { name: 'Contacts at this company' });
    await people.getByRole('link', { name: 'Peter Gibbons' }).waitFor();
    await people.getByRole('link', { name: 'Samir Nagheenanajar' }).waitFor();
    // The company timeline includes its contacts' activities.
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText(/Outbound call/)
      .waitFor();
    await page.getByRole('button', { name: 'Add task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill('Send the renewal quote');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Tasks' }).getByText('Send the renewal quote').waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Task created: Send the renewal quote').waitFor();
    await crm.e2e.screenshot(page, 'company-page-light');
  });

  it('renders the record pages in dark mode', async () => {
    const { page } = await signedIn('dark');
    await page.goto(`/contacts/${contactId}`);
    await page.getByRole('list', { name: 'Timeline' }).getByTestId('timeline-item').first().waitFor();
    await page.waitForLoadState('networkidle');
    await crm.e2e.screenshot(page, 'contact-page-dark');
    await page.goto(`/companies/${companyId}`);
    await page.getByRole('list', { name: 'Timeline' }).getByTestId('timeline-item').first().waitFor();
    await page.waitForLoadState('networkidle');
    await crm.e2e.screenshot(page, 'company-page-dark');
  });
});
