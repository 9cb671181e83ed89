import { registerPermissions } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App, AppDeps } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { importFileRoutes } from './http/import-file-routes.ts';
import { importRoutes } from './http/import-routes.ts';
import { removeImportFilesJob } from './jobs/import-jobs.ts';

export { seedImportsDemo } from './demo.ts';
export type { ImportEntity, ImportField } from './entities/entity.ts';
export { importEntity, registerImportEntity } from './entities/registry.ts';
export * as importTypes from './http/imports.types.ts';
export { removeImportFilesJob, runImportJob, undoImportJob } from './jobs/import-jobs.ts';
export { runImport } from './jobs/run-import.ts';
export { runUndo } from './jobs/run-undo.ts';
export { autoMap } from './mapping/auto-map.ts';
export { detectFormat } from './parse/detect-format.ts';
export { readRecords } from './parse/read-records.ts';
export { getImport, listImports } from './queries/get-import.ts';
export { streamErrorReport } from './queries/stream-error-report.ts';
export { externalIds, importChanges, importErrors, importFiles, importMappings, imports } from './schema.ts';
export { cancelImport } from './use-cases/cancel-import.ts';
export { previewImport } from './use-cases/preview-import.ts';
export { removeImportFile, removeStaleImportFiles } from './use-cases/remove-import-files.ts';
export { findMapping, listMappings, saveMapping } from './use-cases/save-mapping.ts';
export { startImport } from './use-cases/start-import.ts';
export { undoImport } from './use-cases/undo-import.ts';
export { uploadImportFile } from './use-cases/upload-import-file.ts';

registerPermissions({
  'imports:read': {
    kind: 'read',
    roles: ['admin', 'marketing', 'sales_manager'],
    description: 'See imports, their error reports and saved mappings',
  },
  'imports:write': {
    kind: 'write',
    roles: ['admin', 'marketing', 'sales_manager'],
    description: 'Upload files, run, cancel and undo imports',
  },
});
registerErrorCodes({
  import_file_empty: 400,
  import_file_binary: 400,
  import_file_encoding: 400,
  import_entity_unsupported: 400,
  import_not_undoable: 409,
  import_not_cancellable: 409,
  import_not_found: 404,
  import_file_not_found: 404,
  import_file_removed: 410,
  import_mapping_not_found: 404,
});
registerEventTypes([
  {
    type: 'import.batch_committed',
    description: 'A batch of an import was written (data.created, data.updated; the records are in import_changes)',
  },
  { type: 'import.completed', description: 'An import finished (data.created, updated, skipped, failed)' },
  { type: 'import.undone', description: 'An import was undone' },
]);

defineSchedule({ name: 'imports.remove_files', cron: '23 * * * *', job: removeImportFilesJob, payload: {} });

/** CSV import: files, mapping, runs as jobs, undo. */
export async function importsRoutes(app: App, deps: AppDeps) {
  await importFileRoutes(app, deps);
  await importRoutes(app, deps);
}
