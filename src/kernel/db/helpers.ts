import { PGlite } from '@electric-sql/pglite';
import { and, type Column, eq, type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Executor } from './client.ts';

/**
 * The workspace condition every business query starts from. Pass extra conditions to AND them in:
 * `where(inWorkspace(contacts.workspaceId, ctx, eq(contacts.id, id)))`.
 */
export function inWorkspace(column: Column, scope: { workspaceId: string }, ...more: (SQL | undefined)[]): SQL {
  return and(eq(column, scope.workspaceId), ...more) as SQL;
}

/** Rows of a raw SQL query, the same shape on PGlite and node-postgres. */
export async function rows<T = Record<string, unknown>>(exec: Executor, query: SQL): Promise<T[]> {
  const res = (await exec.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/**
 * Rows of a fixed statement (`$1`… placeholders) run often enough to keep prepared: on PostgreSQL a named statement,
 * parsed and planned once per connection instead of on every call, and no SQL text to build or send; on PGlite an
 * SQL PREPARE in its one session (inside a PGlite transaction, an ordinary query). `name` must be unique per text.
 * Values are passed as is (strings, numbers, null); the result rows are the driver's (bigint as string).
 */
export async function preparedRows<T = Record<string, unknown>>(
  exec: Executor,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  // drizzle keeps the driver's client (pool, pooled transaction client or PGlite) on its session.
  const client = (exec as unknown as { session: { client: DriverClient } }).session.client;
  if (client instanceof pg.Pool || client instanceof pg.Client) return (await client.query({ name, text, values })).rows as T[];
  if (client instanceof PGlite) {
    // PGlite's query parses every time; its one session keeps an SQL-level prepared statement instead.
    const names = pglitePrepared.get(client) ?? new Set<string>();
    pglitePrepared.set(client, names);
    if (!names.has(name)) {
      await client.query(`prepare ${name} as ${text}`);
      names.add(name);
    }
    // EXECUTE takes no bound parameters: the values go in as literals, escaped by the pg driver's escapeLiteral
    // (quotes doubled, and backslashes in an E'' string, so it is safe whatever standard_conforming_strings is).
    const args = values.map((v) => (v === null || v === undefined ? 'null' : pg.escapeLiteral(String(v))));
    return (await client.query<T>(`execute ${name}(${args.join(', ')})`)).rows;
  }
  // A PGlite transaction: as an ordinary query.
  return (await (client as PgliteClient).query(text, values)).rows as T[];
}

const pglitePrepared = new WeakMap<PGlite, Set<string>>();

type PgliteClient = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };
type DriverClient = pg.Pool | pg.Client | PGlite | PgliteClient;

/**
 * Rows of a query that reads a few rows in index order (a LIMIT-n page): run without parallel workers. PostgreSQL
 * plans them when the index walk looks long, but their start-up costs more than a short walk saves, and on a busy
 * server they take the cores other requests need (a page 21 by cursor at 1M contacts: 137 ms, 80 of them waiting for
 * workers). Counts and reports keep parallelism.
 */
export async function pageRows<T = Record<string, unknown>>(exec: Executor, query: SQL): Promise<T[]> {
  return exec.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return rows<T>(tx, query);
  });
}

/** Runs `fn` in a transaction on `exec`, or joins the transaction `exec` already is. */
export async function inTransaction<T>(exec: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return exec.transaction((tx) => fn(tx));
}

export const now = () => sql`now()`;
