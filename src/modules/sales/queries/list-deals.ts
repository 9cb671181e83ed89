import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import type { FilterPath } from '../../../kernel/filters/index.ts';
import { camelize, countRecords, type ListRequest, type ListSpec, listRecords } from '../../companies/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { dealAlias, dealFields } from './deal-fields.ts';
import { type DealRow, toDeal } from './deal-shape.ts';

/** Live deals the caller may see, filtered and sorted, a keyset page at a time, with the total (the board's table view). */
export async function listDeals(ctx: Ctx, req: ListRequest, paths: { filter: FilterPath; sort: FilterPath }) {
  const page = await listRecords(ctx, await listSpec(ctx, paths), req);
  return {
    items: page.rows.map((r) => toDeal({ ...(camelize(r) as DealRow), closeDate: (r.close_day as string | null) ?? null })),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}

/** How many live deals the caller may see match a filter (exact up to 10,000). */
export async function countDeals(ctx: Ctx, filter: unknown, filterPath: FilterPath) {
  return countRecords(ctx, await listSpec(ctx, { filter: filterPath, sort: [] }), filter);
}

async function listSpec(ctx: Ctx, paths: { filter: FilterPath; sort: FilterPath }): Promise<ListSpec> {
  const d = sql.raw(dealAlias);
  return {
    // close_date as text: the drivers would turn a bare date into a Date at some midnight.
    from: sql`(select deals.*, deals.close_date::text as close_day from deals) ${d}`,
    registry: await dealFields(ctx),
    scope: sql`${d}.workspace_id = ${ctx.workspaceId} and ${d}.deleted_at is null and ${await resolvedOwnerVisibility(ctx, sql`${d}.owner_id`)}`,
    defaultSort: [{ field: 'created_at', dir: 'desc' }],
    paths,
  };
}
