import type { App } from '../../kernel/http/index.ts';
import { exportRoutes } from './http/export-routes.ts';

export { safeCell } from './csv-cell.ts';
export * as exportTypes from './http/export.types.ts';
export { type ExportEntity, exportEntities } from './record-sources.ts';
export { type ExportRequest, exportRecordsCsv } from './use-cases/export-records-csv.ts';

/** CSV exports of lists. */
export async function exportsRoutes(app: App) {
  await exportRoutes(app);
}
