import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { rawEnv } from '../config/index.ts';
import { type Database, migrate, openDatabase } from '../db/index.ts';

/** Set to a PostgreSQL URL to run the suite on a server instead of PGlite. */
export const testDatabaseUrl = () => rawEnv('TANDEM_TEST_DATABASE_URL');
const templateDir = path.resolve('.tandem-test');
const templateFile = path.join(templateDir, 'pglite-template.tar');
/** One template per checkout, so two work trees on one machine never rebuild each other's template mid-run. */
const templateDb = `tandem_template_${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 10)}`;

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** vitest globalSetup: migrates one template database per run. */
export async function buildTemplate() {
  const url = testDatabaseUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${templateDb}' and pid <> pg_backend_pid()`);
    await admin.query(`drop database if exists ${templateDb}`);
    await admin.query(`create database ${templateDb}`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: withDatabase(url, templateDb), poolSize: 1 });
    await migrate(db);
    await db.close();
    return;
  }
  const db = await openDatabase({});
  await migrate(db);
  const blob = await db.pglite!.dumpDataDir('none');
  mkdirSync(templateDir, { recursive: true });
  writeFileSync(templateFile, Buffer.from(await blob.arrayBuffer()));
  await db.close();
}

/**
 * A fresh copy of the template that code opening its own connection can use (e.g. a whole server
 * started by browser tests), as settings: DATABASE_URL on PostgreSQL, or TANDEM_DATA_DIR (a temp
 * folder seeded from the template, much faster than a new PGlite cluster) on PGlite.
 */
export async function createTestDatabaseEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `tandem_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${templateDb}`);
    await admin.end();
    return {
      env: { DATABASE_URL: withDatabase(url, name) },
      async drop() {
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  if (!existsSync(templateFile)) await buildTemplate();
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-test-'));
  const seeded = await openDatabase({ dataDir: dir, loadDataDir: new Blob([readFileSync(templateFile)]) });
  await seeded.close();
  return { env: { TANDEM_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, migrated database for one test file: a copy of the template. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `tandem_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${templateDb}`);
    await admin.end();
    const dbUrl = withDatabase(url, name);
    const db = await openDatabase({ databaseUrl: dbUrl, poolSize: 10 });
    return {
      ...db,
      url: dbUrl,
      async close() {
        await db.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  if (!existsSync(templateFile)) await buildTemplate();
  const blob = new Blob([readFileSync(templateFile)]);
  return openDatabase({ loadDataDir: blob });
}
