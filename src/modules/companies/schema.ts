import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

export const companies = pgTable(
  'companies',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    /** Normalized: lower case, no scheme, no www., no path. Unique per workspace. */
    domain: text('domain'),
    industry: text('industry'),
    employeeCount: integer('employee_count'),
    /** Minor units of annualRevenueCurrency. */
    annualRevenue: bigint('annual_revenue', { mode: 'number' }),
    annualRevenueCurrency: text('annual_revenue_currency'),
    country: text('country'),
    region: text('region'),
    ownerId: uuid('owner_id'),
    parentCompanyId: uuid('parent_company_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    lastActivityAt: ts('last_activity_at'),
    /** Soft delete: bulk deletes are undoable for 7 days, then purged. */
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('companies_domain_key').on(t.workspaceId, t.domain).where(sql`deleted_at is null and domain is not null`),
    index('companies_ws_name_idx').on(t.workspaceId, sql`lower(${t.name})`, t.id),
    // The name order exactly as compileSort writes it (first 100 characters, case-insensitive).
    index('companies_ws_name_sort_idx').on(t.workspaceId, sql`lower(left(${t.name}, 100))`, t.id),
    index('companies_ws_owner_idx').on(t.workspaceId, t.ownerId),
    index('companies_ws_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('companies_name_trgm').using('gin', t.workspaceId, sql`lower(${t.name}) gin_trgm_ops`),
    index('companies_domain_trgm').using('gin', t.workspaceId, sql`${t.domain} gin_trgm_ops`),
  ],
);
