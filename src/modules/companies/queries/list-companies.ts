import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import type { FilterPath } from '../../../kernel/filters/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { companyAlias, companyFields } from './company-fields.ts';
import { type CompanyRow, toCompany } from './company-shape.ts';
import { camelize, countRecords, type ListRequest, type ListSpec, listRecords } from './list-records.ts';

/** Live companies the caller may see, filtered and sorted, a keyset page at a time, with the total. */
export async function listCompanies(ctx: Ctx, req: ListRequest, paths: { filter: FilterPath; sort: FilterPath }) {
  const page = await listRecords(ctx, await listSpec(ctx, paths), req);
  return { items: page.rows.map((r) => toCompany(camelize(r) as CompanyRow)), nextCursor: page.nextCursor, total: page.total };
}

/** How many live companies the caller may see match a filter (exact up to 10,000). */
export async function countCompanies(ctx: Ctx, filter: unknown, filterPath: FilterPath) {
  return countRecords(ctx, await listSpec(ctx, { filter: filterPath, sort: [] }), filter);
}

async function listSpec(ctx: Ctx, paths: { filter: FilterPath; sort: FilterPath }): Promise<ListSpec> {
  const a = sql.raw(companyAlias);
  return {
    from: sql`companies ${a}`,
    registry: await companyFields(ctx),
    scope: sql`${a}.workspace_id = ${ctx.workspaceId} and ${a}.deleted_at is null and ${await resolvedOwnerVisibility(ctx, sql`${a}.owner_id`)}`,
    defaultSort: [{ field: 'name', dir: 'asc' }],
    paths,
  };
}
