import { registerPermissions } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import type { App, AppDeps } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { exportRoutes } from './http/export-routes.ts';
import { workspaceExportRoutes } from './http/workspace-export-routes.ts';
import { purgeExpiredExportsJob } from './jobs/purge-expired-exports-job.ts';

export { safeCell } from './csv-cell.ts';
export * as exportTypes from './http/export.types.ts';
export * as workspaceExportTypes from './http/workspace-export.types.ts';
export { purgeExpiredExports, purgeExpiredExportsJob } from './jobs/purge-expired-exports-job.ts';
export { workspaceExportJob } from './jobs/workspace-export-job.ts';
export { getWorkspaceExportRow, listWorkspaceExports, type WorkspaceExport } from './queries/get-workspace-export.ts';
export { type ExportEntity, exportEntities } from './record-sources.ts';
export { workspaceExports } from './schema.ts';
export { type ExportRequest, exportRecordsCsv } from './use-cases/export-records-csv.ts';
export { type ImportWorkspaceInput, type ImportWorkspaceResult, importWorkspace } from './use-cases/import-workspace.ts';
export { exportKeepDays, startWorkspaceExport } from './use-cases/start-workspace-export.ts';
export { exportsDir } from './workspace/exports-dir.ts';
export { mapId } from './workspace/map-id.ts';
export { readWorkspaceZip } from './workspace/read-workspace-zip.ts';
export { type Manifest, workspaceTables } from './workspace/tables.ts';
export { writeWorkspaceZip } from './workspace/write-workspace-zip.ts';

registerPermissions({
  'workspace:export': {
    kind: 'write',
    roles: ['admin'],
    description: 'Export the whole workspace (every record, members without secrets) as a zip and download it',
  },
});
registerErrorCodes({
  workspace_file_invalid: 400,
  workspace_not_empty: 409,
  workspace_export_not_ready: 409,
  workspace_export_expired: 410,
  export_cancelled: 409,
});

defineSchedule({ name: 'exports.purge_expired', cron: '41 3 * * *', job: purgeExpiredExportsJob, payload: {} });

/** CSV exports of lists and full workspace exports. */
export async function exportsRoutes(app: App, deps: AppDeps) {
  await exportRoutes(app);
  await workspaceExportRoutes(app, deps);
}
