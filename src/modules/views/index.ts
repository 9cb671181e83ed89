import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App, AppDeps } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { bulkRoutes } from './http/bulk-routes.ts';
import { viewRoutes } from './http/view-routes.ts';
import { purgeDeletedJob } from './jobs/purge-deleted-job.ts';

export type { View } from './builtin-views.ts';
export { type BulkAction, type BulkActionName, bulkActions, undoDays } from './bulk-action.ts';
export type { Selection } from './bulk-selection.ts';
export { type EntityType, entityTypes, workspaceTimeZone } from './entities.ts';
export * as bulkTypes from './http/bulk.types.ts';
export * as viewsTypes from './http/views.types.ts';
export { runBulkJob, undoBulkJob } from './jobs/bulk-jobs.ts';
export { purgeDeletedJob } from './jobs/purge-deleted-job.ts';
export { type BulkOperationView, getBulkOperation } from './queries/get-bulk-operation.ts';
export { getView } from './queries/get-view.ts';
export { listViews } from './queries/list-views.ts';
export { bulkOperationItems, bulkOperations, savedViews } from './schema.ts';
export { cancelBulkAction } from './use-cases/cancel-bulk-action.ts';
export { createView, type ViewInput } from './use-cases/create-view.ts';
export { deleteView } from './use-cases/delete-view.ts';
export { purgeDeletedRecords } from './use-cases/purge-deleted-records.ts';
export { type BulkInput, type BulkOptions, bulkInlineLimit, startBulkAction } from './use-cases/start-bulk-action.ts';
export { undoBulkAction } from './use-cases/undo-bulk-action.ts';
export { updateView } from './use-cases/update-view.ts';

const crmWriters = ['admin', 'marketing', 'sales_manager', 'sales_rep'] as const;
registerPermissions({
  'views:read': { kind: 'read', roles, description: 'See the built-in, own and shared list views (of record types one may read)' },
  'views:write': { kind: 'write', roles, description: 'Save, change and delete one’s own list views; admins also change shared ones' },
  'bulk:read': { kind: 'read', roles, description: 'See the status of one’s own bulk operations (admins: all)' },
  'bulk:write': {
    kind: 'write',
    roles: crmWriters,
    description: 'Undo or cancel one’s own bulk operations (admins: all); the action’s own permission applies too',
  },
});
registerErrorCodes({
  view_not_found: 404,
  bulk_operation_not_found: 404,
  bulk_not_undoable: 409,
  bulk_not_cancellable: 409,
  bulk_undo_expired: 410,
});
registerEventTypes([
  {
    type: 'bulk.completed',
    description: 'A bulk action finished (data.status: completed, cancelled or failed; data.count records changed)',
  },
  { type: 'bulk.undone', description: 'A bulk action was undone (data.restored, data.notRestorable)' },
]);

defineSchedule({ name: 'views.purge_deleted', cron: '17 3 * * *', job: purgeDeletedJob, payload: {} });

/** Saved views and bulk actions over contacts and companies. */
export async function viewsRoutes(app: App, deps: AppDeps) {
  await viewRoutes(app);
  await bulkRoutes(app, deps);
}
