import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkspace } from '../../src/modules/identity/index.ts';
import { admin, describeBrowser, type E2E, signIn, startE2E } from './browser.ts';

let e2e: E2E;

const colorScheme = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
const navLinks = (page: import('playwright-core').Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();

describeBrowser('first run, signing in and joining', () => {
  beforeAll(async () => {
    e2e = await startE2E();
  }, 120_000);
  afterAll(() => e2e?.close());

  it('sets up the first workspace through the printed link and lands the admin on Home', async () => {
    const { page } = await e2e.newPage();
    await page.goto(e2e.setupUrl);
    await page.getByLabel('Workspace name').fill(admin.workspace);
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Work email').fill(admin.email);
    await page.getByLabel(/^Password/).fill(admin.password);
    await e2e.screenshot(page, 'setup-light');
    await page.getByLabel(/^Password/).press('Enter');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Get started' }).waitFor();
    await page.getByText('Invite your team').waitFor();
    await e2e.screenshot(page, 'home-light');

    // The link works once: a second visit says Tandem is set up.
    const { page: again } = await e2e.newPage();
    await again.goto(e2e.setupUrl);
    await again.getByRole('heading', { name: 'Tandem is already set up' }).waitFor();
  });

  it('shows the error for a wrong password and signs in with the right one', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/settings/workspace');
    await page.waitForURL(/\/login/);
    await e2e.screenshot(page, 'login-light');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Wrong email or password' });
    await alert.waitFor();
    await e2e.screenshot(page, 'login-error-light');
    // The password field was cleared and focused for the next try; Enter submits.
    await page.getByLabel(/^Password/).fill(admin.password);
    await page.keyboard.press('Enter');
    // Back to where the visitor wanted to go.
    await page.getByRole('heading', { name: 'Workspace', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/workspace');
    expect(await navLinks(page)).toEqual([
      'Home',
      'Contacts',
      'Companies',
      'My tasks',
      'Duplicates',
      'Imports',
      'Segments',
      'Lists',
      'Email',
      'Campaigns',
      'Attribution',
      'Forms',
      'Landing pages',
      'Web analytics',
      'Deals',
      'Forecast',
      'Win/loss',
      'Orders',
      'Approvals',
      'Leads waiting',
      'Response times',
      'KPI dashboard',
      'Funnel',
      'Cohorts',
      'Sales performance',
      'Marketing performance',
      'Workspace',
      'Profile',
      'Users & invites',
      'Custom fields',
      'Pipelines',
      'Products',
      'Quotes & orders',
      'Lead routing',
      'Targets & costs',
      'Email sending',
      'Website tracking',
      'API keys',
      'Webhooks',
      'Audit log',
      'Jobs',
      'Export',
    ]);
  });

  it('lets an invited person join from the link in another browser and shows them only what their role allows', async () => {
    const { page } = await e2e.newPage();
    await signIn(page);
    await page.goto('/settings/users');
    await page.getByRole('button', { name: 'Invite people' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('sam@example.com');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    const link = (await dialog.getByTestId('secret-value').textContent()) ?? '';
    expect(link).toMatch(/\/invite\/\S+$/);
    await dialog.getByRole('button', { name: 'Copy invite link' }).waitFor();
    // This workspace has no sender yet, so the dialog says the link was not mailed and how to change that.
    await dialog.getByText(/no email was sent: add a sender/).waitFor();
    await e2e.screenshot(page, 'invite-created-light');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('table', { name: 'Pending invites' }).getByText('sam@example.com').waitFor();

    const { page: sam } = await e2e.newPage();
    await sam.goto(link);
    await sam.getByText(`Join ${admin.workspace}`).waitFor();
    await sam.getByText('sam@example.com').first().waitFor();
    await sam.getByLabel('Your name').fill('Sam Viewer');
    await sam.getByLabel('Choose a password').fill('a long enough password');
    await e2e.screenshot(sam, 'invite-accept-light');
    await sam.getByRole('button', { name: 'Create account and join' }).click();
    await sam.getByRole('heading', { name: 'Welcome, Sam' }).waitFor();
    expect(await navLinks(sam)).toEqual([
      'Home',
      'Contacts',
      'Companies',
      'My tasks',
      'Segments',
      'Lists',
      'Email',
      'Campaigns',
      'Attribution',
      'Forms',
      'Landing pages',
      'Web analytics',
      'Deals',
      'Forecast',
      'Win/loss',
      'Orders',
      'Leads waiting',
      'Response times',
      'KPI dashboard',
      'Funnel',
      'Cohorts',
      'Sales performance',
      'Marketing performance',
      'Workspace',
      'Profile',
      'Products',
      'Lead routing',
      'Website tracking',
    ]);
    // Pages outside the role explain themselves instead of failing.
    await sam.goto('/settings/api-keys');
    await sam.getByText('You don’t have access to this page').waitFor();

    await page.reload();
    await page.getByRole('table', { name: 'Members' }).getByText('Sam Viewer').waitFor();
  });

  it('lets an existing user join a second workspace with their password and switch between workspaces', async () => {
    const { page } = await e2e.newPage();
    await signIn(page);
    const me = await (await page.request.get('/api/me')).json();
    // A second workspace (the CLI's `tandem workspace create` does the same).
    await createWorkspace(e2e.server.platform.database.db, { name: 'Beta Labs', ownerUserId: me.user.id });
    await page.goto('/');
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    await page.getByRole('menuitem', { name: /Beta Labs/ }).click();
    await page.getByText('Beta Labs · here is what to do next.').waitFor();

    await page.goto('/settings/users');
    await page.getByRole('button', { name: 'Invite people' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Email/).fill('sam@example.com');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    const link = (await dialog.getByTestId('secret-value').textContent()) ?? '';

    const { page: sam } = await e2e.newPage();
    await sam.goto(link);
    await sam.getByText('Join Beta Labs').waitFor();
    // An existing account only confirms its password.
    expect(await sam.getByLabel(/^Your name/).count()).toBe(0);
    await sam.getByLabel(/^Your current password/).fill('a long enough password');
    await sam.getByRole('button', { name: 'Join workspace' }).click();
    await sam.getByText('Beta Labs · here is what to do next.').waitFor();
    await e2e.screenshot(sam, 'home-sales-rep-light');
    await sam.getByRole('button', { name: /Switch workspace/ }).click();
    await e2e.screenshot(sam, 'workspace-switcher-light');
    await sam.getByRole('menuitem', { name: /Acme Inc\./ }).click();
    await sam.getByText('Acme Inc. · here is what to do next.').waitFor();
  });

  it('tells a visitor whose sign-ins are throttled to wait', async () => {
    for (let i = 0; i < 10; i++)
      await fetch(`${e2e.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mallory@example.com', password: `guess number ${i}` }),
      });
    const { page } = await e2e.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill('mallory@example.com');
    await page.getByLabel(/^Password/).fill('one more guess');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Too many attempts' }).waitFor();
    await page.getByText(/sign-in is paused for about/).waitFor();
    await e2e.screenshot(page, 'login-throttled-light');
  });

  it('switches to the dark theme and keeps it after a reload', async () => {
    const { page } = await e2e.newPage();
    await signIn(page);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    expect(await colorScheme(page)).toBe('light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await colorScheme(page)).toBe('dark');
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    expect(await colorScheme(page)).toBe('dark');
    await e2e.screenshot(page, 'home-dark');
    // The account menu offers the way back.
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Light theme' }).click();
    expect(await colorScheme(page)).toBe('light');
  });

  it('signs out from the account menu', async () => {
    const { page } = await e2e.newPage();
    await signIn(page);
    await page.goto('/');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(401);
  });

  it('sends the visitor to sign in, with a notice, when the session ends while the app is open', async () => {
    const { page } = await e2e.newPage();
    const { csrfToken } = await signIn(page);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    // The session ends elsewhere (signed out in another tab, expired, removed by an admin).
    const out = await page.request.post('/api/auth/logout', { data: {}, headers: { 'x-csrf-token': csrfToken } });
    expect(out.status()).toBe(200);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Your session ended. Sign in again to continue.').waitFor();
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel(/^Password/).fill(admin.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/audit-log');
  });
});
