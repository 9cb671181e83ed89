import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { type RunningServer, startServer } from '../../src/apps/server.ts';
import { loadConfig, rawEnv } from '../../src/kernel/config/index.ts';
import { createTestDatabaseEnv } from '../../src/kernel/testing/test-database.ts';

const chromiumPath = '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '../..');
export const screensDir = path.join(root, 'tmp', 'screens');

const hasBrowser = existsSync(chromiumPath);
const requireBrowser = rawEnv('TANDEM_REQUIRE_BROWSER') === '1';
if (!hasBrowser) {
  if (requireBrowser)
    throw new Error(`TANDEM_REQUIRE_BROWSER=1 but there is no Chromium at ${chromiumPath}. Install it: apt-get install chromium`);
  console.warn(
    `Skipping browser tests: no Chromium at ${chromiumPath} (apt-get install chromium). Set TANDEM_REQUIRE_BROWSER=1 to fail instead.`,
  );
}

/** `describe` when Chromium is there; skipped (with a printed reason) when it is not. */
/** A real Chromium on a loaded 2-core machine can take seconds a step: each test gets 2 minutes unless it sets its own. */
export const describeBrowser = (name: string, fn: () => void) => (hasBrowser ? describe : describe.skip)(name, fn, 120_000);

/** Builds web/dist if it is missing or stale (shared with `npm start`; concurrent callers wait for one build). */
export function ensureWebBuild() {
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-web-build.mjs'), '--quiet'], { stdio: 'inherit', cwd: root });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface E2E {
  /** The server's base URL, e.g. http://localhost:41234. */
  url: string;
  /** The first-run setup link the server printed. */
  setupUrl: string;
  server: RunningServer;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) with one page. */
  newPage(opts?: { colorScheme?: 'light' | 'dark' }): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves a full-page screenshot to tmp/screens/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * One real server (fresh database: PGlite in a temp folder, or PostgreSQL, copied from the test template) and
 * one headless Chromium for a test file. The server is `startServer`, exactly what `tandem start` runs.
 */
export async function startE2E(): Promise<E2E> {
  ensureWebBuild();
  const db = await createTestDatabaseEnv();
  const port = await freePort();
  const lines: string[] = [];
  const config = loadConfig({
    TANDEM_PORT: String(port),
    TANDEM_HOST: '127.0.0.1',
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_WORKER_CONCURRENCY: '2',
    TANDEM_DB_POOL_SIZE: '5',
    ...db.env,
  });
  const server = await startServer(config, { quiet: true, print: (l) => lines.push(l) });
  const setupUrl = lines.map((l) => l.trim()).find((l) => l.includes('/setup?token='));
  if (!setupUrl) throw new Error(`The server printed no setup link:\n${lines.join('\n')}`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // launch() gives every browser a fresh temporary user-data dir.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  mkdirSync(screensDir, { recursive: true });
  const contexts: BrowserContext[] = [];
  return {
    url: server.url,
    setupUrl,
    server,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 1360, height: 860 },
        colorScheme: opts.colorScheme ?? 'light',
        locale: 'en-US',
        timezoneId: 'Europe/Berlin',
      });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
      // Console errors other than failed requests (401s while signed out are expected) point at real bugs, e.g. CSP.
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) console.error(`[browser console] ${m.text()}`);
      });
      return { context, page };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(screensDir, `${name}.png`), fullPage: true, animations: 'disabled' });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.stop();
      await db.drop();
    },
  };
}

/** The admin every test file creates through first-run setup. */
export const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery', workspace: 'Acme Inc.' };

/** Signs a page's context in through the API (fast path for tests that are not about signing in). */
export async function signIn(page: Page, email = admin.email, password = admin.password): Promise<{ csrfToken: string }> {
  const res = await page.request.post('/api/auth/login', { data: { email, password } });
  if (!res.ok()) throw new Error(`Sign-in failed: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** First-run setup through the API, for test files that do not test the setup screen itself. */
export async function setUpViaApi(e2e: E2E) {
  const token = new URL(e2e.setupUrl).searchParams.get('token')!;
  const res = await fetch(`${e2e.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token,
      workspaceName: admin.workspace,
      name: admin.name,
      email: admin.email,
      password: admin.password,
      timezone: 'Europe/Berlin',
    }),
  });
  if (res.status !== 201) throw new Error(`Setup failed: ${res.status} ${await res.text()}`);
}
