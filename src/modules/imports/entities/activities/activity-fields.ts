import { builtinField, type ImportField } from '../entity.ts';

const f = builtinField;

/** What an activity column can map to; each row is linked to the contact (by email) and/or company (by domain) it names. */
export const activityImportFields: ImportField[] = [
  f('type', 'Type (note, call, meeting, email)', 'select', ['activity type', 'kind', 'engagement type'], true),
  f('subject', 'Subject', 'text', ['title', 'topic']),
  f('body', 'Body / notes', 'text', ['notes', 'note', 'description', 'details', 'comments']),
  f('occurred_at', 'When (ISO 8601 time)', 'datetime', ['date', 'timestamp', 'activity date', 'time']),
  f('contact_email', 'Contact email', 'email', ['email', 'contact', 'associated contact']),
  f('company_domain', 'Company domain', 'domain', ['domain', 'company', 'website', 'associated company']),
  f('direction', 'Direction (inbound, outbound)', 'select', []),
  f('duration_seconds', 'Call duration (seconds)', 'number', ['duration']),
  f('outcome', 'Call outcome', 'select', ['call outcome', 'result']),
  f('starts_at', 'Meeting start', 'datetime', ['start', 'start time']),
  f('ends_at', 'Meeting end', 'datetime', ['end', 'end time']),
  f('location', 'Meeting location', 'text', []),
  f('from', 'Email from', 'email', ['sender']),
  f('to', 'Email to (separated by ; or ,)', 'email', ['recipients', 'recipient']),
  f('external_id', 'External id', 'text', ['id', 'activity id', 'engagement id']),
];
