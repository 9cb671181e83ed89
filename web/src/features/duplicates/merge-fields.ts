import { formatCustomValue } from '../custom-fields/custom-value-input.tsx';
import type { CompanyDetail, ContactDetail, CustomField, RecordEntity } from '../records/crm-types.ts';
import { leadStatuses, lifecycleStages, optionLabel } from '../records/field-catalog.ts';
import { formatMoney, formatNumber } from '../records/format.ts';

type Rec = ContactDetail | CompanyDetail;

/** A field a merge can choose (names as POST …/merge `fields` takes them), how to read it and show it. */
export interface MergeField {
  name: string;
  label: string;
  get: (r: Rec) => unknown;
  /** Shown as text; ids of owners and companies are resolved by the compare table. */
  kind?: 'member' | 'company';
  format?: (v: unknown, r: Rec) => string;
}

const c = (name: keyof ContactDetail, label: string, extra: Partial<MergeField> = {}): MergeField => ({
  name,
  label,
  get: (r) => (r as ContactDetail)[name],
  ...extra,
});
const co = (name: keyof CompanyDetail, label: string, extra: Partial<MergeField> = {}): MergeField => ({
  name,
  label,
  get: (r) => (r as CompanyDetail)[name],
  ...extra,
});

/** The choosable fields of each entity (src/flows/merge-records: contactRules, companyRules). */
export const mergeFields: Record<RecordEntity, MergeField[]> = {
  contact: [
    c('firstName', 'First name'),
    c('lastName', 'Last name'),
    c('email', 'Primary email'),
    c('phone', 'Primary phone'),
    c('title', 'Job title'),
    c('companyId', 'Company', { kind: 'company' }),
    c('ownerId', 'Owner', { kind: 'member' }),
    c('lifecycleStage', 'Lifecycle stage', { format: (v) => optionLabel(lifecycleStages, v) }),
    c('leadStatus', 'Lead status', { format: (v) => optionLabel(leadStatuses, v) }),
    c('source', 'Source'),
  ],
  company: [
    co('name', 'Name'),
    co('domain', 'Domain'),
    co('industry', 'Industry'),
    co('employeeCount', 'Employees', { format: (v) => formatNumber(v) }),
    co('annualRevenue', 'Annual revenue', { format: (v, r) => formatMoney(v, (r as CompanyDetail).annualRevenueCurrency) }),
    co('country', 'Country'),
    co('region', 'Region'),
    co('ownerId', 'Owner', { kind: 'member' }),
    co('parentCompanyId', 'Parent company', { kind: 'company' }),
  ],
};

/** Custom fields as merge fields ("custom.<key>"). */
export const customMergeFields = (defs: CustomField[]): MergeField[] =>
  defs.map((d) => ({ name: `custom.${d.key}`, label: d.label, get: (r) => r.custom[d.key], format: (v) => formatCustomValue(d, v) }));

export const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The default choice per field: the survivor's value, or the other's when the survivor has none (as the server does). */
export function defaultChoices(fields: MergeField[], survivor: Rec, other: Rec): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, isBlank(f.get(survivor)) && !isBlank(f.get(other)) ? other.id : survivor.id]));
}
