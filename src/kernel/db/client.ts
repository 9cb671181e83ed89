import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

// biome-ignore lint/suspicious/noExplicitAny: both drivers' result kinds
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>, any>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that runs queries: the database or a transaction inside it. */
export type Executor = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Where analytics reads go (a replica when READ_DATABASE_URL is set). */
  readDb: Db;
  /** The PGlite instance in embedded mode (for dumps in tests). */
  pglite?: PGlite;
  /** A dedicated connection for LISTEN, where the driver offers one. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  readDatabaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** Load an embedded database from a dump made by `dumpDataDir` (test templates). */
  loadDataDir?: Blob | File;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir/pg` (or memory). */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.readDatabaseUrl, opts.poolSize ?? 10);
  let dir: string | undefined;
  if (opts.dataDir && opts.dataDir !== ':memory:') {
    dir = path.resolve(opts.dataDir, 'pg');
    mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm, btree_gin }, loadDataDir: opts.loadDataDir });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    readDb: db,
    pglite: client,
    async listen(channel, onNotify) {
      const unsub = await client.listen(channel, onNotify);
      return async () => unsub();
    },
    close: () => client.close(),
  };
}

/**
 * Startup options of every connection: no JIT. Reports have large cost estimates, so PostgreSQL compiled their plans
 * (50–700 ms each) to save less than that; the app's statements are short and run once. A URL's own `options` stay.
 */
const sessionOptions = (url: string) => {
  let own: string | null = null;
  try {
    own = new URL(url).searchParams.get('options');
  } catch {}
  return [own, '-c jit=off'].filter(Boolean).join(' ');
};

async function openPostgres(url: string, readUrl: string | undefined, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, options: sessionOptions(url) });
  pool.on('error', () => {}); // an idle client's error is reported by the next query on it
  const readPool = readUrl ? new pg.Pool({ connectionString: readUrl, max, options: sessionOptions(readUrl) }) : undefined;
  const db = drizzlePg(pool) as unknown as Db;
  await pool.query('select 1');
  return {
    kind: 'postgres',
    db,
    readDb: readPool ? (drizzlePg(readPool) as unknown as Db) : db,
    async listen(channel, onNotify) {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', onNotify);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async close() {
      await pool.end();
      await readPool?.end();
    },
  };
}
