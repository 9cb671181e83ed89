import type { companies } from '../schema.ts';

export type CompanyRow = typeof companies.$inferSelect;

/** A company as the API returns it. */
export interface Company {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employeeCount: number | null;
  annualRevenue: number | null;
  annualRevenueCurrency: string | null;
  country: string | null;
  region: string | null;
  ownerId: string | null;
  parentCompanyId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  lastActivityAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The public fields of a company row (drops workspace and soft-delete bookkeeping). */
export function toCompany(r: CompanyRow): Company {
  return {
    id: r.id,
    name: r.name,
    domain: r.domain,
    industry: r.industry,
    employeeCount: r.employeeCount,
    annualRevenue: r.annualRevenue === null ? null : Number(r.annualRevenue),
    annualRevenueCurrency: r.annualRevenueCurrency,
    country: r.country,
    region: r.region,
    ownerId: r.ownerId,
    parentCompanyId: r.parentCompanyId,
    tags: r.tags,
    custom: r.custom,
    lastActivityAt: r.lastActivityAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
