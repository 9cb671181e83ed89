import { builtinField, type ImportField } from '../entity.ts';

const f = builtinField;

/** The built-in contact fields a column can map to. */
export const contactImportFields: ImportField[] = [
  f('first_name', 'First name', 'text', ['first', 'given name', 'forename', 'vorname', 'prenom']),
  f('last_name', 'Last name', 'text', ['last', 'surname', 'family name', 'nachname', 'nom']),
  f('full_name', 'Full name (split into first and last)', 'text', ['name', 'contact name', 'contact']),
  f('email', 'Email', 'email', ['email address', 'e-mail', 'mail', 'work email', 'business email', 'emailaddress1']),
  f('phone', 'Phone', 'phone', ['phone number', 'telephone', 'tel', 'work phone', 'business phone', 'telefon']),
  f('mobile_phone', 'Mobile phone', 'phone', ['mobile', 'cell', 'cell phone', 'mobile number', 'handy']),
  f('title', 'Job title', 'text', ['job title', 'position', 'role', 'jobtitle']),
  f('owner_email', 'Owner (member email or name)', 'member', ['owner', 'contact owner', 'owner email', 'assigned to', 'sales rep']),
  f('company_domain', 'Company domain', 'domain', ['domain', 'website', 'company website', 'company domain name', 'company url']),
  f('company_name', 'Company name', 'text', ['company', 'organization', 'organisation', 'account', 'employer', 'firma']),
  f('lifecycle_stage', 'Lifecycle stage', 'select', ['lifecycle', 'stage', 'lifecyclestage']),
  f('lead_status', 'Lead status', 'select', ['status']),
  f('lead_status_reason', 'Lead status reason', 'text', ['unqualified reason', 'disqualification reason']),
  f('source', 'Source', 'text', ['lead source', 'original source', 'origin']),
  f('tags', 'Tags (separated by ; or ,)', 'tags', ['tag', 'labels', 'keywords']),
  f('do_not_contact', 'Do not contact', 'boolean', ['opted out', 'opt out', 'unsubscribed', 'hasoptedoutofemail', 'do not call']),
  f('external_id', 'External id (id in the source system)', 'text', ['id', 'record id', 'external id', 'crm id', 'contact id']),
];
