/** The writable fields of a company (create needs a name; update takes any subset). */
export interface CompanyInput {
  name: string;
  domain?: string | null;
  industry?: string | null;
  employeeCount?: number | null;
  /** Minor units (cents) of annualRevenueCurrency. */
  annualRevenue?: number | null;
  annualRevenueCurrency?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  region?: string | null;
  ownerId?: string | null;
  parentCompanyId?: string | null;
  tags?: string[];
  custom?: Record<string, unknown>;
}

const trimOrNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

/** Column values for the plain fields present in the input (domain, owner, parent, tags and custom are checked separately). */
export function plainColumns(input: Partial<CompanyInput>) {
  return {
    ...(input.name !== undefined && { name: input.name.trim() }),
    ...(input.industry !== undefined && { industry: trimOrNull(input.industry) }),
    ...(input.employeeCount !== undefined && { employeeCount: input.employeeCount }),
    ...(input.annualRevenue !== undefined && { annualRevenue: input.annualRevenue }),
    ...(input.annualRevenueCurrency !== undefined && { annualRevenueCurrency: input.annualRevenueCurrency?.toUpperCase() ?? null }),
    ...(input.country !== undefined && { country: input.country?.toUpperCase() ?? null }),
    ...(input.region !== undefined && { region: trimOrNull(input.region) }),
  };
}
