import type { CustomField, RecordEntity } from './crm-types.ts';

/** A field type of the filter language (docs/filters.md). */
export type FieldType =
  | 'text'
  | 'long_text'
  | 'number'
  | 'money'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'select'
  | 'multi_select'
  | 'url'
  | 'email'
  | 'phone'
  | 'uuid'
  | 'tags';

export interface Option {
  value: string;
  label: string;
}

/** One field of an entity: filterable by `key`, shown as a column from the item property `prop`. */
export interface FieldInfo {
  /** The filter/sort key: snake_case, or custom.<key>. */
  key: string;
  label: string;
  type: FieldType;
  /** The list item's property (camelCase), or custom.<key>; also the `columns` name the list API takes. */
  prop: string;
  options?: Option[];
  /** For uuid fields: what the id points at, so it can be shown and picked by name. */
  ref?: 'member' | 'company';
  /** Money fields: the currency of custom values (built-in revenue has its own column). */
  currency?: string | null;
  sortable: boolean;
  custom?: boolean;
}

const titleCase = (v: string) => v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ');
const opts = (values: readonly string[], labels: Record<string, string> = {}): Option[] =>
  values.map((value) => ({ value, label: labels[value] ?? titleCase(value) }));

export const lifecycleStages = opts(
  ['subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity', 'customer', 'evangelist', 'other'],
  { marketing_qualified: 'Marketing qualified', sales_qualified: 'Sales qualified' },
);
export const leadStatuses = opts(['new', 'attempting', 'connected', 'qualified', 'unqualified']);
export const consentStatuses = opts(['not_set', 'pending', 'subscribed', 'unsubscribed'], { not_set: 'Not set' });

/** The label of an option value (the value itself when unknown). */
export const optionLabel = (options: Option[] | undefined, value: unknown) =>
  options?.find((o) => o.value === value)?.label ?? String(value ?? '');

const sortableType = (t: FieldType) => t !== 'tags' && t !== 'multi_select';
const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const f = (key: string, label: string, type: FieldType, extra: Partial<FieldInfo> = {}): FieldInfo => ({
  key,
  label,
  type,
  prop: camel(key),
  sortable: sortableType(type),
  ...extra,
});

/**
 * The built-in fields of each entity, as the server's field registries define them
 * (src/modules/contacts/queries/contact-fields.ts, src/modules/companies/queries/company-fields.ts).
 * The API has no fields endpoint yet, so this is the one place the web app keeps them.
 */
export const builtInFields: Record<RecordEntity, FieldInfo[]> = {
  contact: [
    f('display_name', 'Name', 'text'),
    f('first_name', 'First name', 'text'),
    f('last_name', 'Last name', 'text'),
    f('email', 'Email', 'email'),
    f('phone', 'Phone', 'phone'),
    f('title', 'Job title', 'text'),
    f('company_id', 'Company', 'uuid', { ref: 'company' }),
    f('owner_id', 'Owner', 'uuid', { ref: 'member' }),
    f('lifecycle_stage', 'Lifecycle stage', 'select', { options: lifecycleStages }),
    f('lifecycle_changed_at', 'Stage changed', 'datetime'),
    f('lead_status', 'Lead status', 'select', { options: leadStatuses }),
    f('source', 'Source', 'text'),
    f('email_consent', 'Email consent', 'select', { options: consentStatuses }),
    f('do_not_contact', 'Do not contact', 'boolean'),
    f('tags', 'Tags', 'tags'),
    f('last_activity_at', 'Last activity', 'datetime'),
    f('created_at', 'Created', 'datetime'),
    f('updated_at', 'Updated', 'datetime'),
  ],
  company: [
    f('name', 'Name', 'text'),
    f('domain', 'Domain', 'text'),
    f('industry', 'Industry', 'text'),
    f('employee_count', 'Employees', 'number'),
    f('annual_revenue', 'Annual revenue', 'money'),
    f('country', 'Country', 'text'),
    f('region', 'Region', 'text'),
    f('owner_id', 'Owner', 'uuid', { ref: 'member' }),
    f('parent_company_id', 'Parent company', 'uuid', { ref: 'company' }),
    f('tags', 'Tags', 'tags'),
    f('last_activity_at', 'Last activity', 'datetime'),
    f('created_at', 'Created', 'datetime'),
    f('updated_at', 'Updated', 'datetime'),
  ],
};

/** The name column: always shown first, links to the record. */
export const nameField: Record<RecordEntity, string> = { contact: 'display_name', company: 'name' };

/** Columns a new user sees. */
export const defaultColumns: Record<RecordEntity, string[]> = {
  contact: ['display_name', 'email', 'company_id', 'lifecycle_stage', 'lead_status', 'owner_id', 'last_activity_at', 'created_at'],
  company: ['name', 'domain', 'industry', 'employee_count', 'country', 'owner_id', 'last_activity_at'],
};

/** The server's default order, shown in the headers when no sort is chosen. */
export const defaultSort: Record<RecordEntity, { field: string; dir: 'asc' | 'desc' }[]> = {
  contact: [{ field: 'created_at', dir: 'desc' }],
  company: [{ field: 'name', dir: 'asc' }],
};

/** Extra item properties a list always loads (the name cell shows a second line). */
export const alwaysLoad: Record<RecordEntity, string[]> = { contact: ['displayName', 'email'], company: ['name', 'domain'] };

/** A custom field definition as a filterable, sortable column. */
export function customFieldInfo(d: CustomField): FieldInfo {
  const type = d.type as FieldType;
  return {
    key: `custom.${d.key}`,
    label: d.label,
    type,
    prop: `custom.${d.key}`,
    sortable: sortableType(type),
    custom: true,
    currency: d.currency,
    ...(d.choices.length > 0 && { options: d.choices }),
  };
}
