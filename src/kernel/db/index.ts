export { type Database, type DatabaseOptions, type Db, type Executor, openDatabase, type Tx } from './client.ts';
export { baseColumns, idColumn, newId, ts } from './columns.ts';
export { transactionWithCommitHook } from './commit-hook.ts';
export { inTransaction, inWorkspace, pageRows, preparedRows, rows } from './helpers.ts';
export { migrate, migrationsFolder } from './migrate.ts';
