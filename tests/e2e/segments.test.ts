import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
const wait = { timeout: 20_000 };
const ids: Record<string, string> = {};

async function signedIn(): Promise<{ page: Page; api: ReturnType<typeof apiOf> }> {
  const { page } = await crm.e2e.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const { csrfToken } = await signIn(page);
  return { page, api: apiOf(page, csrfToken) };
}

describeBrowser('segments and lists', () => {
  beforeAll(async () => {
    crm = await startCrm();
    const { page, api } = await signedIn();
    const de = (await api.post('/api/companies', { name: 'Bergwerk GmbH', domain: 'bergwerk.example', country: 'DE' })).id;
    const fr = (await api.post('/api/companies', { name: 'Lumière SA', domain: 'lumiere.example', country: 'FR' })).id;
    ids.hanna = (
      await api.post('/api/contacts', {
        firstName: 'Hanna',
        lastName: 'Berg',
        companyId: de,
        emails: [{ email: 'hanna@bergwerk.example' }],
      })
    ).id;
    ids.jonas = (
      await api.post('/api/contacts', { firstName: 'Jonas', lastName: 'Tal', companyId: de, emails: [{ email: 'jonas@bergwerk.example' }] })
    ).id;
    ids.luc = (
      await api.post('/api/contacts', { firstName: 'Luc', lastName: 'Roux', companyId: fr, emails: [{ email: 'luc@lumiere.example' }] })
    ).id;
    await page.context().close();
  }, 180_000);
  afterAll(() => crm?.e2e.close());

  it('builds a segment with a live count, then keeps its members current as a contact changes', async () => {
    const { page, api } = await signedIn();
    await page.goto('/segments');
    await page.getByText('No segments yet').waitFor(wait);
    await crm.e2e.screenshot(page, 'segments-empty');
    await page.getByRole('link', { name: 'New segment' }).first().click();
    await page.getByLabel('Name').fill('Contacts in DACH');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('menuitem', { name: 'Company country' }).click();
    const countries = page.getByLabel('Company countries');
    await countries.fill('DE');
    await countries.press('Enter');
    await countries.fill('AT');
    await countries.press('Enter');
    await expect.poll(() => page.getByTestId('live-count').textContent(), wait).toBe('2');
    await page.getByText('Hanna Berg').waitFor(wait);
    await crm.e2e.screenshot(page, 'segment-builder');
    await page.getByRole('button', { name: 'Create segment' }).click({ noWaitAfter: true });
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    // The worker evaluates every contact; the page shows progress, then the members.
    await expect.poll(() => page.getByTestId('member-count').textContent(), wait).toBe('2');
    await page.getByRole('list', { name: 'Members' }).getByText('Jonas Tal').waitFor(wait);
    await crm.e2e.screenshot(page, 'segment-members');

    // Luc's company moves to Austria: he enters within seconds, without a rebuild.
    const lumiere = (await api.get(`/api/contacts/${ids.luc}`)).companyId as string;
    await api.patch(`/api/companies/${lumiere}`, { country: 'AT' });
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId('member-count').textContent();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('3');
    await page.getByRole('tab', { name: 'Entered / exited' }).click();
    await page.getByText('Luc Roux').waitFor(wait);
    await crm.e2e.screenshot(page, 'segment-history');
  }, 180_000);

  it('makes a list from pasted emails, removes a member and shows it on the contact page', async () => {
    const { page } = await signedIn();
    await page.goto('/lists');
    await page.getByText('No lists yet').waitFor(wait);
    await page.getByRole('button', { name: 'New list' }).first().click();
    await page.getByLabel('Name').fill('Advisory dinner');
    await page.getByRole('button', { name: 'Create list' }).click({ noWaitAfter: true });
    await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/, wait);
    await page.getByRole('tab', { name: 'From emails / CSV' }).click();
    await page
      .getByLabel('Email addresses')
      .fill('email,name\nhanna@bergwerk.example,Hanna\nluc@lumiere.example,Luc\nnobody@nowhere.example,X');
    await page.getByRole('button', { name: 'Add 3 addresses' }).click();
    await page.getByRole('status').getByText('2 added').waitFor(wait);
    await page.getByText('nobody@nowhere.example').waitFor(wait);
    await page.getByRole('list', { name: 'Members' }).getByText('Luc Roux').waitFor(wait);
    await crm.e2e.screenshot(page, 'list-members');
    await page.getByLabel('Select Luc Roux').check();
    await page.getByRole('button', { name: 'Remove from list' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Members' }).getByText('Luc Roux').count(), wait).toBe(0);

    await page.goto(`/contacts/${ids.hanna}`);
    const section = page.getByLabel('Segments and lists');
    await section.getByText('List: Advisory dinner').waitFor(wait);
    await section.getByText('Contacts in DACH').first().waitFor(wait);
    await crm.e2e.screenshot(page, 'contact-audience');
  }, 180_000);
});
