import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, type Json, joinByInvite, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
const wait = { timeout: 10_000 };
const rep = { name: 'Rita Rep', email: 'rita@example.com', password: 'a long enough password' };
let repId = '';
let teamId = '';
let berlin: Json;
let tokyo: Json;

async function signedIn(email?: string, password?: string) {
  const { page } = await crm.e2e.newPage();
  const { csrfToken } = await signIn(page, email, password);
  return { page, api: apiOf(page, csrfToken), csrf: { 'x-csrf-token': csrfToken } };
}

describeBrowser('lead routing, leads waiting and response times', () => {
  beforeAll(async () => {
    crm = await startCrm();
    const { page, api } = await signedIn();
    await joinByInvite(page, api, rep, 'sales_rep');
    const users = (await api.get('/api/users')) as unknown as { items: { id: string; email: string }[] };
    repId = users.items.find((u) => u.email === rep.email)!.id;
    teamId = (await api.post('/api/teams', { name: 'EMEA Sales', memberIds: [repId] })).id;
    berlin = await api.post('/api/companies', { name: 'Berlin Bikes', domain: 'berlinbikes.example', country: 'DE', employeeCount: 40 });
    tokyo = await api.post('/api/companies', { name: 'Tokyo Tea', domain: 'tokyotea.example', country: 'JP', employeeCount: 12 });
    await api.post('/api/contacts', { firstName: 'Greta', lastName: 'Berg', companyId: berlin.id, ownerId: null, lifecycleStage: 'lead' });
    await page.context().close();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('adds and orders rules, tests one against a contact, and saves the first-touch target', async () => {
    const { page, api } = await signedIn();
    await page.goto('/settings/routing');
    await page.getByText('No rules yet').waitFor();
    await crm.e2e.screenshot(page, 'routing-empty-light');

    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New routing rule' });
    await dialog.getByLabel('Name').fill('Everyone else');
    await dialog.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'EMEA Sales' }).click();
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Everyone else/ }).waitFor();

    await api.post('/api/routing/rules', {
      name: 'Germany',
      conditions: { predicate: 'company', where: { field: 'country', op: 'eq', value: 'DE' } },
      strategy: 'round_robin',
      teamId,
    });
    await page.reload();
    await page.getByRole('button', { name: 'Move Germany up' }).click();
    await expect.poll(async () => (await page.getByTestId('routing-rule').first().textContent()) ?? '', wait).toContain('Germany');

    await page.getByRole('button', { name: 'Edit Germany' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit routing rule' });
    await edit.getByRole('combobox', { name: 'Contact' }).fill('Greta');
    await page.getByRole('option', { name: /Greta Berg/ }).click();
    await edit.getByRole('button', { name: 'Test' }).click();
    await expect.poll(() => edit.getByTestId('rule-test-result').textContent(), wait).toContain('would go to Rita Rep');
    await crm.e2e.screenshot(page, 'routing-rule-test-light');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('switch', { name: /Route new leads/ }).click();
    await page.getByLabel('Target (business minutes)').fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Routing settings saved').waitFor();
    const saved = await api.get('/api/routing/settings');
    expect(saved).toMatchObject({ enabled: true, slaMinutes: 30 });
    await crm.e2e.screenshot(page, 'routing-settings-light');
  });

  it('shows waiting leads, breached first, routes an unassigned one, and shows response times', async () => {
    const { page, api, csrf } = await signedIn();
    await page.goto('/leads/waiting');
    await page.getByText('Nobody is waiting').waitFor();
    // Only a Germany rule, routing on, no fallback: Tokyo leads wait unassigned.
    const existing = (await api.get('/api/routing/rules')) as unknown as { items: Json[] };
    for (const r of existing.items) await page.request.delete(`/api/routing/rules/${r.id}`, { headers: csrf });
    await api.post('/api/routing/rules', {
      name: 'Germany',
      conditions: { predicate: 'company', where: { field: 'country', op: 'eq', value: 'DE' } },
      strategy: 'round_robin',
      teamId,
    });
    await api.patch('/api/routing/settings', { enabled: true, fallbackOwnerId: null });
    const routed = await api.post('/api/contacts', { firstName: 'Hans', lastName: 'Meyer', companyId: berlin.id, lifecycleStage: 'lead' });
    expect(routed.ownerId).toBe(repId);
    await api.post('/api/contacts', { firstName: 'Yuki', lastName: 'Sato', companyId: tokyo.id, lifecycleStage: 'lead' });
    await page.reload();
    await page.getByRole('row', { name: /Hans Meyer/ }).waitFor();
    const yuki = page.getByRole('row', { name: /Yuki Sato/ });
    await yuki.getByText('Unassigned').waitFor();
    await crm.e2e.screenshot(page, 'leads-waiting-light');

    await page.getByLabel('Whose leads').getByText('Unassigned', { exact: true }).click();
    await expect.poll(() => page.getByTestId('waiting-lead').count(), wait).toBe(1);
    await api.patch('/api/routing/settings', { fallbackOwnerId: repId });
    await yuki.getByRole('button', { name: 'Route now' }).click();
    await page.getByText('Nobody is waiting').waitFor();

    // Rita sees her own figures.
    const ritaSession = await signedIn(rep.email, rep.password);
    await ritaSession.page.goto('/leads/response-times');
    const row = ritaSession.page.getByTestId('rep-response');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Rita Rep');
    await crm.e2e.screenshot(ritaSession.page, 'response-times-light');
  });
});
