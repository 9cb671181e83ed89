import type { ImportEntity } from '../entity.ts';
import { activityImportFields } from './activity-fields.ts';
import { type ActivityRecord, checkActivityRow } from './check-activity-row.ts';
import { undoActivityChanges, writeActivityBatch } from './write-activity-batch.ts';

/** Activities (notes, calls, meetings, emails) on contacts (by email) and companies (by domain); created only. */
export const activitiesEntity: ImportEntity<ActivityRecord> = {
  name: 'activities',
  entityType: 'activity',
  permission: 'activities:write',
  keys: ['external_id'],
  fields: async () => activityImportFields,
  async prepare() {
    return { check: (_c, row) => checkActivityRow(row), writeBatch: (c, rows, run) => writeActivityBatch(c, rows, run) };
  },
  undoChanges: undoActivityChanges,
};
