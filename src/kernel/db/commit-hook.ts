import { drizzle, NodePgTransaction } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db, Executor } from './client.ts';

type TxArgs = ConstructorParameters<typeof NodePgTransaction>;

/**
 * Runs `fn` in a transaction and calls `onCommit(result)` as soon as the COMMIT has left this process: on PostgreSQL
 * in the same synchronous step that writes COMMIT to the connection (before the server answers), on PGlite (which
 * runs inside this process) right after the COMMIT returned. For work outside the database that has to follow the
 * commit as closely as a process can, such as the final dot of an SMTP message (docs/email.md): a kill -9 after
 * `onCommit` began cannot stop the COMMIT, since the kernel delivers what the process already wrote.
 *
 * Resolves with `fn`'s result once committed. Rejects when `fn` throws (rolled back, `onCommit` not called) or when
 * the COMMIT fails; in that last case `onCommit` may already have run, and the caller has to reconcile.
 */
export async function transactionWithCommitHook<T>(db: Db, fn: (tx: Executor) => Promise<T>, onCommit: (result: T) => void): Promise<T> {
  const pool = (db as unknown as { session: { client: unknown } }).session.client;
  if (!(pool instanceof pg.Pool)) {
    const result = await db.transaction((tx) => fn(tx));
    onCommit(result);
    return result;
  }
  const conn = await pool.connect();
  let broken: Error | undefined;
  try {
    await conn.query('begin').catch((e: Error) => {
      broken = e;
      throw e;
    });
    // A real drizzle transaction on this connection, so a nested transaction in `fn` is a savepoint.
    const base = drizzle(conn) as unknown as { dialect: TxArgs[0]; session: TxArgs[1] };
    const tx = new NodePgTransaction(base.dialect, base.session, undefined) as unknown as Executor;
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      await conn.query('rollback').catch((e: Error) => {
        broken = e;
      });
      throw err;
    }
    // The connection is idle (every query of `fn` was answered), so pg writes the COMMIT to its socket right here,
    // before `query` returns.
    const committing = conn.query('commit');
    try {
      onCommit(result);
    } finally {
      await committing.catch((e: Error) => {
        broken = e;
        throw e;
      });
    }
    return result;
  } finally {
    conn.release(broken);
  }
}
