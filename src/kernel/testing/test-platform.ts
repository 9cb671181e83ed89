import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import type { App } from '../http/index.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestPlatform {
  database: Database & { url?: string };
  app: App;
  secretKey: string;
  config: ReturnType<typeof loadConfig>;
  close(): Promise<void>;
}

type BuildFn = (p: { database: Database; config: ReturnType<typeof loadConfig>; secretKey: string }) => Promise<App>;

/** A database copied from the template and the full HTTP app over it, for one test file. */
export async function createTestPlatform(build: BuildFn, env: Record<string, string> = {}): Promise<TestPlatform> {
  const database = await openTestDatabase();
  const config = loadConfig({
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_PUBLIC_URL: 'http://tandem.test',
    TANDEM_VERIFY_RESPONSES: 'true',
    ...env,
  });
  const secretKey = 'test-secret-key-test-secret-key-0123456789';
  const app = await build({ database, config, secretKey });
  await app.ready();
  return {
    database,
    app,
    secretKey,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Caller {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** Calls the app in-process with the given credentials (`Bearer` key or session cookie + CSRF). */
export function caller(app: App, auth: { apiKey?: string; cookie?: string; csrf?: string } = {}): Caller {
  const headers = (): Record<string, string> => ({
    ...(auth.apiKey ? { authorization: `Bearer ${auth.apiKey}` } : {}),
    ...(auth.cookie ? { cookie: auth.cookie } : {}),
    ...(auth.csrf ? { 'x-csrf-token': auth.csrf } : {}),
  });
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, extra: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...headers(), ...extra }, ...(body !== undefined ? { payload: body as object } : {}) });
  return {
    get: (url) => send('GET', url),
    post: (url, body, extra) => send('POST', url, body ?? {}, extra),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    delete: (url) => send('DELETE', url),
  };
}
