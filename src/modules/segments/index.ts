import { registerPermissions } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { registerOptInHandler } from '../email/index.ts';
import { onBehaviourRecorded } from '../engagement/index.ts';
import { listRoutes } from './http/list-routes.ts';
import { segmentRoutes } from './http/segment-routes.ts';
import { drainSegmentsJob, markContactsDirty, refreshRelativeSegmentsJob } from './jobs/drain-job.ts';
import { confirmListMember } from './use-cases/change-list-members.ts';

/**
 * Segments and lists: dynamic segments (a contact filter whose members are kept current incrementally) and static
 * lists; the audience email sends iterate.
 */
export { isTimeRelative } from './definition.ts';
export { seedSegmentsDemo } from './demo/seed-segments-demo.ts';
export * as segmentTypes from './http/segments.types.ts';
export { drainSegmentsJob, markContactsDirty, refreshRelativeSegmentsJob, requestDrain } from './jobs/drain-job.ts';
export { rebuildSegment, rebuildSegmentJob } from './jobs/rebuild-segment-job.ts';
export { type AudienceContact, audienceContacts } from './queries/audience-contacts.ts';
export { getContactAudience } from './queries/get-contact-audience.ts';
export { previewSegment } from './queries/preview-segment.ts';
export { eventRegistry, segmentFields } from './queries/segment-fields.ts';
export * from './schema.ts';
export { addToList, confirmListMember, removeFromList } from './use-cases/change-list-members.ts';
export { drainDirtyContacts } from './use-cases/drain-dirty-contacts.ts';
export { createList, deleteList, updateList } from './use-cases/save-list.ts';
export { createSegment, deleteSegment, updateSegment } from './use-cases/save-segment.ts';

registerPermissions({
  'segments:read': {
    kind: 'read',
    roles: ['admin', 'marketing', 'sales_manager', 'sales_rep', 'viewer'],
    description: 'See segments, lists and their members',
  },
  'segments:manage': { kind: 'write', roles: ['admin', 'marketing'], description: 'Create, change and delete segments' },
  'lists:manage': {
    kind: 'write',
    roles: ['admin', 'marketing', 'sales_manager'],
    description: 'Create, change and delete static lists and add or remove their members',
  },
});
registerErrorCodes({ segment_not_found: 404, list_not_found: 404 });
registerEventTypes([
  { type: 'segment.created', description: 'A segment was created (its members are being evaluated)' },
  { type: 'segment.updated', description: 'A segment was renamed or redefined (data.redefined)' },
  { type: 'segment.deleted', description: 'A segment was deleted' },
  { type: 'segment.entered', description: 'A contact entered a segment (data.segmentId, data.segmentName, data.contactId)' },
  { type: 'segment.exited', description: 'A contact left a segment (data.segmentId, data.segmentName, data.contactId)' },
  { type: 'list.created', description: 'A static list was created' },
  { type: 'list.members_added', description: 'Contacts were added to a list (data.changed, data.by)' },
  { type: 'list.members_removed', description: 'Contacts were removed from a list, or the list was deleted (data.changed, data.by)' },
]);

// New behaviour of known contacts re-evaluates their segments (the behaviour log writes no outbox events).
onBehaviourRecorded((exec, workspaceId, contactIds) => markContactsDirty(exec, workspaceId, contactIds));

defineSchedule({ name: 'segments.sweep', cron: '* * * * *', job: drainSegmentsJob, payload: {} });
defineSchedule({ name: 'segments.refresh_relative', cron: '*/15 * * * *', job: refreshRelativeSegmentsJob, payload: {} });

/** The segments and lists API. */
// Double opt-in lists: a confirmed link adds the contact (email cannot import segments, so segments registers it).
registerOptInHandler('list', confirmListMember);

export async function segmentsRoutes(app: App) {
  await segmentRoutes(app);
  await listRoutes(app);
}
