import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, signIn } from './browser.ts';
import { apiOf, type CrmE2E, joinByInvite, startCrm } from './crm-setup.ts';

let crm: CrmE2E;
const wait = { timeout: 10_000 };
const rep = { name: 'Rita Rep', email: 'rita@example.com', password: 'a long enough password' };

async function signedIn(email?: string, password?: string, colorScheme: 'light' | 'dark' = 'light') {
  const { page } = await crm.e2e.newPage({ colorScheme });
  const { csrfToken } = await signIn(page, email, password);
  return { page, api: apiOf(page, csrfToken) };
}

const group = (page: Page, name: string) => page.getByRole('region', { name });

describeBrowser('my tasks and notifications', () => {
  beforeAll(async () => {
    crm = await startCrm();
    // A teammate, joined through an invite link.
    const { page, api } = await signedIn();
    await joinByInvite(page, api, rep, 'sales_rep');
    await page.context().close();
  }, 120_000);
  afterAll(() => crm?.e2e.close());

  it('creates a task, completes it with its checkbox, and can reopen it', async () => {
    const { page } = await signedIn();
    await page.goto('/tasks');
    await page.getByText('You are all caught up').waitFor();
    await crm.e2e.screenshot(page, 'tasks-empty-light');
    await page.getByRole('button', { name: 'New task' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill('Call Bill about the TPS reports');
    await dialog.getByText('High', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const today = group(page, 'Today');
    await today.getByText('Call Bill about the TPS reports').waitFor();
    await today.getByText('High').waitFor();
    // Quick add: type and Enter.
    await page.getByRole('textbox', { name: 'Quick add a task' }).fill('Order more staplers');
    await page.getByRole('textbox', { name: 'Quick add a task' }).press('Enter');
    await today.getByText('Order more staplers').waitFor();
    await crm.e2e.screenshot(page, 'tasks-light');

    await today.getByRole('checkbox', { name: 'Complete Call Bill about the TPS reports' }).click();
    await page.getByText('Task completed').waitFor();
    await expect.poll(() => today.getByText('Call Bill about the TPS reports').count(), wait).toBe(0);
    const done = group(page, 'Recently completed');
    await done.getByText('Call Bill about the TPS reports').waitFor();
    await done.getByRole('checkbox', { name: 'Reopen Call Bill about the TPS reports' }).click();
    await today.getByText('Call Bill about the TPS reports').waitFor();
  });

  it('rings the bell when a teammate assigns a task; opening it marks it read', async () => {
    const admin = await signedIn();
    const me = await admin.api.get('/api/me');
    const { api: ritaApi } = await signedIn(rep.email, rep.password);
    await ritaApi.post('/api/tasks', {
      title: 'Review the Q3 forecast',
      assigneeId: (me.user as { id: string }).id,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await ritaApi.post('/api/tasks', { title: 'Sign the Initech contract', assigneeId: (me.user as { id: string }).id });

    const page = admin.page;
    await page.goto('/tasks');
    // The bell sits in the sidebar (the mobile header has its own, hidden at this width).
    const bell = page.getByTestId('notifications-bell').filter({ visible: true });
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications: 2 unread');
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.getByText(/assigned you a task: Review the Q3 forecast/).waitFor();
    await crm.e2e.screenshot(page, 'notifications-light');
    await panel.getByRole('button', { name: /^Unread: .* assigned you a task: Review the Q3 forecast/ }).click();
    // The notification links to the task, which opens in the editor.
    await page.getByRole('dialog', { name: 'Edit task' }).getByLabel('Title').waitFor();
    expect(await page.getByRole('dialog', { name: 'Edit task' }).getByLabel('Title').inputValue()).toBe('Review the Q3 forecast');
    await page.keyboard.press('Escape');
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications: 1 unread');
    await bell.click();
    await page.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications');
  });

  it('renders My tasks in dark mode', async () => {
    const { page } = await signedIn(undefined, undefined, 'dark');
    await page.goto('/tasks');
    await group(page, 'Today').waitFor();
    await page.waitForLoadState('networkidle');
    await crm.e2e.screenshot(page, 'tasks-dark');
  });
});
