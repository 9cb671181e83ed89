import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, type E2E, setUpViaApi, signIn, startE2E } from './browser.ts';

let e2e: E2E;
let receiver: Server;
let receiverUrl: string;
const received: string[] = [];
let csrfToken = '';

async function adminPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const { page } = await e2e.newPage({ colorScheme });
  csrfToken = (await signIn(page)).csrfToken;
  return page;
}

const apiMe = (key: string) => fetch(`${e2e.url}/api/me`, { headers: { authorization: `Bearer ${key}` } });

describeBrowser('settings screens', () => {
  beforeAll(async () => {
    e2e = await startE2E();
    await setUpViaApi(e2e);
    // A real endpoint for webhook deliveries: answers 200 and remembers the event types.
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body || '{}').type ?? '?');
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks/tandem`;
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
    await new Promise((r) => receiver?.close(r));
  });

  it('creates an API key shown once, which works until it is revoked in the UI', async () => {
    const page = await adminPage();
    await page.goto('/settings/api-keys');
    await page.getByText('No API keys yet').waitFor();
    await e2e.screenshot(page, 'api-keys-empty-light');
    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Warehouse sync');
    await dialog.getByLabel(/^Name/).press('Enter');
    const key = (await dialog.getByTestId('secret-value').textContent()) ?? '';
    expect(key).toMatch(/^tdm_\w+_\S+$/);
    await dialog.getByRole('button', { name: 'Copy api key' }).waitFor();
    await e2e.screenshot(page, 'api-key-created-light');

    const me = await apiMe(key);
    expect(me.status).toBe(200);
    expect((await me.json()).actor).toMatchObject({ type: 'api_key', label: 'API key Warehouse sync' });

    await dialog.getByRole('button', { name: 'I’ve copied the key' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: 'Warehouse sync' });
    await row.getByText('Active').waitFor();
    // The key is not shown again: the list has only its prefix.
    expect(await page.getByText(key).count()).toBe(0);
    await row.getByRole('button', { name: 'Revoke Warehouse sync' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText('Revoked').waitFor();
    await e2e.screenshot(page, 'api-keys-light');

    const after = await apiMe(key);
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('api_key_revoked');
  });

  it('adds a webhook, shows its secret once and logs a successful test delivery', async () => {
    const page = await adminPage();
    await page.goto('/settings/webhooks');
    await page.getByText('No webhooks yet').waitFor();
    await page.getByRole('button', { name: 'Add webhook' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Endpoint URL/).fill(receiverUrl);
    await dialog.getByLabel(/^Description/).fill('CRM sync');
    await dialog.getByLabel(/^Events/).click();
    await page.getByRole('option', { name: /^member\.\*/ }).click();
    await page.getByRole('option', { name: /^api_key\.created/ }).click();
    await page.keyboard.press('Escape');
    await e2e.screenshot(page, 'webhook-form-light');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    const secret = (await dialog.getByTestId('secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole('link', { name: 'Open webhook' }).click();

    await page.getByRole('heading', { name: 'Webhook', exact: true }).waitFor();
    await page.getByText('No deliveries yet').waitFor();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const delivery = page.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: 'webhook.test' });
    await delivery.getByText('succeeded').waitFor({ timeout: 20_000 });
    await delivery.getByText('200').waitFor();
    expect(received).toContain('webhook.test');
    await e2e.screenshot(page, 'webhook-detail-light');

    await page.goto('/settings/webhooks');
    await page.getByRole('table', { name: 'Webhooks' }).getByText(receiverUrl).waitFor();
    await e2e.screenshot(page, 'webhooks-light');
  });

  it('saves workspace settings and shows the change in the audit log, filterable by action', async () => {
    const page = await adminPage();
    await page.goto('/settings/workspace');
    const name = page.getByLabel(/^Workspace name/);
    await name.fill('Acme Corp');
    await e2e.screenshot(page, 'workspace-light');
    await name.press('Enter');
    await page.getByText('Workspace saved').waitFor();
    await page
      .getByRole('button', { name: /Workspace: Acme Corp|^Acme Corp/ })
      .or(page.getByText('Acme Corp', { exact: true }).first())
      .first()
      .waitFor();

    await page.goto('/settings/audit-log');
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.getByText('workspace.updated').waitFor();
    await table.getByText('user.logged_in').first().waitFor();
    await e2e.screenshot(page, 'audit-log-light');
    await page.getByRole('combobox', { name: 'Action' }).fill('workspace.');
    await page.getByRole('combobox', { name: 'Action' }).press('Enter');
    await table.getByText('user.logged_in').first().waitFor({ state: 'detached' });
    const actions = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(actions).toContain('workspace.updated');
    expect(actions.every((a) => a.startsWith('workspace.'))).toBe(true);
    // Expanding an entry shows the record before and after the change.
    await table.getByRole('row').filter({ hasText: 'workspace.updated' }).getByRole('button', { name: 'Show change' }).click();
    await table.getByText('Before', { exact: true }).waitFor();
    await table.getByText(/"name": "Acme Corp"/).waitFor();
  });

  it('lists background jobs and filters them by status', async () => {
    const page = await adminPage();
    // A change whose event is handed to subscribers by a background job.
    const changed = await page.request.patch('/api/workspace', { data: { currency: 'EUR' }, headers: { 'x-csrf-token': csrfToken } });
    expect(changed.status()).toBe(200);
    await page.goto('/settings/jobs');
    const table = page.getByRole('table', { name: 'Jobs' });
    await table.getByText('events.fan_out').first().waitFor();
    await e2e.screenshot(page, 'jobs-light');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Succeeded' }).click();
    await table.getByRole('row').nth(1).waitFor();
    const statuses = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s.toLowerCase() === 'succeeded')).toBe(true);
  });

  it('renders every settings screen in dark mode', async () => {
    const page = await adminPage('dark');
    for (const [path, heading, shot] of [
      ['/', 'Welcome, Ada', 'home-dark'],
      ['/settings/workspace', 'Workspace', 'workspace-dark'],
      ['/settings/profile', 'Profile', 'profile-dark'],
      ['/settings/users', 'Users & invites', 'users-dark'],
      ['/settings/api-keys', 'API keys', 'api-keys-dark'],
      ['/settings/webhooks', 'Webhooks', 'webhooks-dark'],
      ['/settings/audit-log', 'Audit log', 'audit-log-dark'],
      ['/settings/jobs', 'Jobs', 'jobs-dark'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, exact: true, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
      await e2e.screenshot(page, shot);
    }
    await page.goto('/settings/workspace');
    await page.getByRole('heading', { name: 'Workspace', exact: true }).waitFor();
    await e2e.screenshot(page, 'workspace-dark');
  });
});
