export { openDatabase, type Database, type DatabaseOptions, type Db, type Tx, type Executor } from './client.ts';
export { migrate, migrationsFolder } from './migrate.ts';
export { inWorkspace, rows, inTransaction } from './helpers.ts';
export { newId, idColumn, baseColumns, ts } from './columns.ts';
