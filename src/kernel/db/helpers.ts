import { and, type Column, eq, type SQL, sql } from 'drizzle-orm';
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

/** Runs `fn` in a transaction on `exec`, or joins the transaction `exec` already is. */
export async function inTransaction<T>(exec: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return exec.transaction((tx) => fn(tx));
}

export const now = () => sql`now()`;
