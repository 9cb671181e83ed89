import { builtinField, type ImportField } from '../entity.ts';

const f = builtinField;

/** The built-in deal fields a column can map to (HubSpot and Salesforce export labels among the synonyms). */
export const dealImportFields: ImportField[] = [
  f('name', 'Deal name', 'text', ['deal', 'deal name', 'dealname', 'opportunity', 'opportunity name', 'title']),
  f('amount', 'Amount (in currency units, e.g. 12500.00)', 'money', ['value', 'deal value', 'deal amount', 'opportunity amount']),
  f('currency', 'Currency (ISO code)', 'text', ['currency code', 'deal currency code', 'currencyisocode', 'deal currency']),
  f('pipeline', 'Pipeline (by name)', 'text', ['sales pipeline', 'record type']),
  f('stage', 'Stage (by name)', 'text', ['deal stage', 'dealstage', 'stage name', 'opportunity stage', 'stagename']),
  f('close_date', 'Close date (YYYY-MM-DD)', 'date', ['expected close date', 'closedate', 'close']),
  f('owner_email', 'Owner (member email or name)', 'member', ['owner', 'deal owner', 'opportunity owner', 'sales rep', 'hubspot owner']),
  f('company_domain', 'Company domain', 'domain', ['domain', 'company domain name', 'website', 'company website']),
  f('company_name', 'Company name', 'text', ['company', 'associated company', 'account', 'account name', 'organization']),
  f('contact_emails', 'Contacts (emails separated by ; or ,)', 'emails', [
    'contacts',
    'contact email',
    'email',
    'associated contact emails',
  ]),
  f('source', 'Source', 'text', ['lead source', 'deal source', 'original source', 'origin']),
  f('next_step', 'Next step', 'text', ['nextstep']),
  f('loss_reason', 'Loss reason', 'text', ['closed lost reason', 'lost reason', 'closed_lost_reason', 'reason lost']),
  f('tags', 'Tags (separated by ; or ,)', 'tags', ['tag', 'labels', 'deal type', 'type']),
  f('external_id', 'External id (id in the source system)', 'text', ['id', 'record id', 'deal id', 'opportunity id', 'hs_object_id']),
];
