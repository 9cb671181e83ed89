import type { Company, CompanyBody, CustomField } from '../records/crm-types.ts';

/** What the company form edits; numbers as typed (revenue in major units). */
export interface CompanyDraft {
  name: string;
  domain: string;
  industry: string;
  employeeCount: number | '';
  annualRevenue: number | '';
  annualRevenueCurrency: string;
  country: string;
  region: string;
  ownerId: string | null;
  parentCompanyId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
}

export const emptyCompanyDraft = (ownerId: string | null): CompanyDraft => ({
  name: '',
  domain: '',
  industry: '',
  employeeCount: '',
  annualRevenue: '',
  annualRevenueCurrency: '',
  country: '',
  region: '',
  ownerId,
  parentCompanyId: null,
  tags: [],
  custom: {},
});

export const companyDraftOf = (c: Company): CompanyDraft => ({
  name: c.name,
  domain: c.domain ?? '',
  industry: c.industry ?? '',
  employeeCount: c.employeeCount ?? '',
  annualRevenue: c.annualRevenue === null ? '' : c.annualRevenue / 100,
  annualRevenueCurrency: c.annualRevenueCurrency ?? '',
  country: c.country ?? '',
  region: c.region ?? '',
  ownerId: c.ownerId,
  parentCompanyId: c.parentCompanyId,
  tags: c.tags,
  custom: { ...c.custom },
});

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The request body for a draft (create leaves blanks out; edit clears them with null). */
export function companyBodyOf(d: CompanyDraft, mode: 'create' | 'edit', defs: CustomField[]): CompanyBody {
  const text = (v: string) => (mode === 'create' ? v.trim() || undefined : v.trim() || null);
  const num = (v: number | '') => (v === '' ? (mode === 'create' ? undefined : null) : v);
  const custom: Record<string, unknown> = {};
  for (const def of defs) {
    const v = d.custom[def.key];
    if (!blank(v)) custom[def.key] = typeof v === 'string' ? v.trim() : v;
    else if (mode === 'edit' && def.key in d.custom) custom[def.key] = null;
  }
  return {
    name: d.name.trim(),
    domain: text(d.domain),
    industry: text(d.industry),
    employeeCount: num(d.employeeCount),
    annualRevenue: d.annualRevenue === '' ? num('') : Math.round(d.annualRevenue * 100),
    annualRevenueCurrency: text(d.annualRevenueCurrency.toUpperCase()),
    country: text(d.country.toUpperCase()),
    region: text(d.region),
    ownerId: d.ownerId,
    parentCompanyId: mode === 'edit' ? d.parentCompanyId : d.parentCompanyId || undefined,
    tags: d.tags,
    custom,
  };
}

/** Form keys a server error can point at. */
export const companyFormKeys = (defs: CustomField[]) => [
  'name',
  'domain',
  'industry',
  'employeeCount',
  'annualRevenue',
  'annualRevenueCurrency',
  'country',
  'region',
  'ownerId',
  'parentCompanyId',
  'tags',
  ...defs.map((f) => `custom.${f.key}`),
];
