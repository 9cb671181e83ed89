import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import type { FilterPath } from '../../../kernel/filters/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { companyAlias, companyFields } from './company-fields.ts';
import { type CompanyRow, toCompany } from './company-shape.ts';
import { camelize, type ListRequest, listRecords } from './list-records.ts';

/** Live companies the caller may see, filtered and sorted, a keyset page at a time, with the total. */
export async function listCompanies(ctx: Ctx, req: ListRequest, paths: { filter: FilterPath; sort: FilterPath }) {
  const a = sql.raw(companyAlias);
  const page = await listRecords(
    ctx,
    {
      from: sql`companies ${a}`,
      registry: await companyFields(ctx),
      scope: sql`${a}.workspace_id = ${ctx.workspaceId} and ${a}.deleted_at is null and ${ownerVisibility(ctx, sql`${a}.owner_id`)}`,
      defaultSort: [{ field: 'name', dir: 'asc' }],
      paths,
    },
    req,
  );
  return { items: page.rows.map((r) => toCompany(camelize(r) as CompanyRow)), nextCursor: page.nextCursor, total: page.total };
}
