import type { Ctx } from '../../../../kernel/context.ts';
import { checkDomain, cleanTags, companyTypes } from '../../../companies/index.ts';
import type { CustomFieldDef } from '../../../custom-fields/index.ts';
import type { Checked, MappedRow } from '../entity.ts';
import { checkCustom, ownerOf, parseAmount, RowProblems, splitList } from '../row-values.ts';

/** A company row as it will be stored; optional fields are the ones the row gives. */
export interface CompanyRecord {
  externalId: string | null;
  name?: string;
  domain: string | null;
  industry?: string;
  employeeCount?: number;
  annualRevenue?: number;
  annualRevenueCurrency?: string;
  country?: string;
  region?: string;
  ownerId?: string;
  tags?: string[];
  custom?: Record<string, unknown>;
}

export interface CompanyCheckSetup {
  defs: CustomFieldDef[];
  region: string | null;
  members: Map<string, string>;
}

const fieldOfPath = (path: (string | number)[]): string | null => {
  const [head, key] = path;
  if (head === 'custom') return typeof key === 'string' ? `custom.${key}` : null;
  const map: Record<string, string> = {
    employeeCount: 'employee_count',
    annualRevenue: 'annual_revenue',
    annualRevenueCurrency: 'annual_revenue_currency',
    ownerId: 'owner_email',
  };
  return typeof head === 'string' ? (map[head] ?? head) : null;
};

/** Checks one company row with the API's rules (request schema, domain normalization, tags, custom fields). Revenue is read in currency units and stored in minor units. */
export async function checkCompanyRow(ctx: Ctx, row: MappedRow, setup: CompanyCheckSetup): Promise<Checked<CompanyRecord>> {
  const problems = new RowProblems(row);
  const v = (k: string) => row.cells.get(k)?.value.trim();
  const num = (k: string, scale: number) => {
    const raw = v(k);
    if (raw === undefined) return undefined;
    const n = parseAmount(raw);
    if (n === undefined) problems.add(k, 'must be a number');
    return n === undefined ? undefined : Math.round(n * scale);
  };
  const body = {
    name: v('name') ?? 'placeholder',
    domain: v('domain'),
    industry: v('industry'),
    employeeCount: num('employee_count', 1),
    annualRevenue: num('annual_revenue', 100),
    annualRevenueCurrency: v('annual_revenue_currency')?.toUpperCase(),
    country: v('country'),
    region: v('region'),
    tags: v('tags') === undefined ? undefined : splitList(v('tags')!),
  };
  const parsed = companyTypes.companyBody.safeParse(body);
  if (!parsed.success) problems.addZod(parsed.error, fieldOfPath);
  let domain: string | null = null;
  let tags: string[] | undefined;
  try {
    domain = checkDomain(body.domain, ['domain']);
    tags = cleanTags(body.tags, ['tags']);
  } catch (err) {
    problems.addError(err, fieldOfPath);
  }
  const ownerId = ownerOf(row, setup.members, problems);
  const custom = await checkCustom(ctx, 'company', row, setup, problems, fieldOfPath);
  if (problems.list.length || !parsed.success) return { ok: false, rowNumber: row.rowNumber, errors: problems.list };
  const d = parsed.data;
  const record: CompanyRecord = {
    externalId: v('external_id')?.slice(0, 200) || null,
    domain,
    ...(v('name') !== undefined && { name: d.name }),
    ...(d.industry != null && { industry: d.industry }),
    ...(d.employeeCount != null && { employeeCount: d.employeeCount }),
    ...(d.annualRevenue != null && { annualRevenue: d.annualRevenue }),
    ...(d.annualRevenueCurrency != null && { annualRevenueCurrency: d.annualRevenueCurrency }),
    ...(d.country != null && { country: d.country.toUpperCase() }),
    ...(d.region != null && { region: d.region }),
    ...(ownerId && { ownerId }),
    ...(tags && { tags }),
    ...(custom && { custom }),
  };
  const values = {
    external_id: record.externalId,
    name: record.name,
    domain: record.domain,
    industry: record.industry,
    employee_count: record.employeeCount,
    annual_revenue: record.annualRevenue,
    annual_revenue_currency: record.annualRevenueCurrency,
    country: record.country,
    region: record.region,
    owner_email: record.ownerId,
    tags: record.tags,
    ...Object.fromEntries(Object.entries(record.custom ?? {}).map(([k, x]) => [`custom.${k}`, x])),
  };
  return { ok: true, rowNumber: row.rowNumber, record, values };
}
