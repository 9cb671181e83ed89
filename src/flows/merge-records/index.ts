import { registerPermissions } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';

export { type Flow, type FlowStep, runFlow } from '../flow.ts';
export { mergeRoutes } from './http/merge-routes.ts';
export { mergeCompanies } from './merge-companies.ts';
export { mergeContacts } from './merge-contacts.ts';
export { mergeExactEmailDuplicates, mergeExactEmailsJob, startMergeExactEmails } from './merge-exact-emails-job.ts';
export { type MergeInput, maxMergeRecords } from './merge-input.ts';
export { companyReferences, contactReferences, type Reference } from './move-references.ts';

const mergers = ['admin', 'sales_manager', 'marketing'] as const;
registerPermissions({
  'contacts:merge': {
    kind: 'write',
    roles: mergers,
    description: 'Merge duplicate contacts (the merged records are deleted; their ids resolve to the survivor)',
  },
  'companies:merge': { kind: 'write', roles: mergers, description: 'Merge duplicate companies' },
});
registerErrorCodes({
  merge_with_self: 400,
  merge_too_many_records: 400,
  merge_field_invalid: 400,
  record_already_merged: 409,
});
registerEventTypes([
  {
    type: 'contact.merged',
    description: 'Contacts were merged into one (data.survivorId, data.mergedIds); the merged ids now resolve to the survivor',
  },
  { type: 'company.merged', description: 'Companies were merged into one (data.survivorId, data.mergedIds)' },
]);
