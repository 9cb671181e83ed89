import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import type { FilterPath } from '../../../kernel/filters/index.ts';
import { camelize, type ListRequest, listRecords } from '../../companies/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { dealAlias, dealFields } from './deal-fields.ts';
import { type DealRow, toDeal } from './deal-shape.ts';

/** Live deals the caller may see, filtered and sorted, a keyset page at a time, with the total (the board's table view). */
export async function listDeals(ctx: Ctx, req: ListRequest, paths: { filter: FilterPath; sort: FilterPath }) {
  const d = sql.raw(dealAlias);
  const page = await listRecords(
    ctx,
    {
      // close_date as text: the drivers would turn a bare date into a Date at some midnight.
      from: sql`(select deals.*, deals.close_date::text as close_day from deals) ${d}`,
      registry: await dealFields(ctx),
      scope: sql`${d}.workspace_id = ${ctx.workspaceId} and ${d}.deleted_at is null and ${ownerVisibility(ctx, sql`${d}.owner_id`)}`,
      defaultSort: [{ field: 'created_at', dir: 'desc' }],
      paths,
    },
    req,
  );
  return {
    items: page.rows.map((r) => toDeal({ ...(camelize(r) as DealRow), closeDate: (r.close_day as string | null) ?? null })),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}
