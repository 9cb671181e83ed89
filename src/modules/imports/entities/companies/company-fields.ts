import { builtinField, type ImportField } from '../entity.ts';

const f = builtinField;

/** The built-in company fields a column can map to. */
export const companyImportFields: ImportField[] = [
  { ...f('name', 'Name', 'text', ['company', 'company name', 'account name', 'organization', 'organisation']), required: true },
  f('domain', 'Domain', 'domain', ['website', 'url', 'web', 'company domain name', 'homepage']),
  f('industry', 'Industry', 'text', ['sector', 'branche']),
  f('employee_count', 'Employees', 'number', ['employees', 'number of employees', 'headcount', 'company size']),
  f('annual_revenue', 'Annual revenue (in currency units, e.g. 1250000.50)', 'money', ['revenue', 'annual revenue']),
  f('annual_revenue_currency', 'Revenue currency (ISO code)', 'text', ['currency']),
  f('country', 'Country (2-letter code)', 'text', ['country code', 'country/region']),
  f('region', 'Region / state', 'text', ['state', 'state/region', 'province']),
  f('owner_email', 'Owner (member email or name)', 'member', ['owner', 'company owner', 'account owner']),
  f('tags', 'Tags (separated by ; or ,)', 'tags', ['tag', 'labels']),
  f('external_id', 'External id (id in the source system)', 'text', ['id', 'record id', 'account id', 'company id']),
];
