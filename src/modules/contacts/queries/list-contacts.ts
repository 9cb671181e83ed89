import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import type { FilterPath } from '../../../kernel/filters/index.ts';
import { camelize, countRecords, type ListRequest, type ListSpec, listRecords } from '../../companies/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { contactAlias, contactFields } from './contact-fields.ts';
import { type ContactRow, toContact } from './contact-shape.ts';

/** Live contacts the caller may see, filtered and sorted, a keyset page at a time, with the total. */
export async function listContacts(ctx: Ctx, req: ListRequest, paths: { filter: FilterPath; sort: FilterPath }) {
  const page = await listRecords(ctx, await listSpec(ctx, paths), req);
  return { items: page.rows.map((r) => toContact(camelize(r) as ContactRow)), nextCursor: page.nextCursor, total: page.total };
}

/** How many live contacts the caller may see match a filter (exact up to 10,000). */
export async function countContacts(ctx: Ctx, filter: unknown, filterPath: FilterPath) {
  return countRecords(ctx, await listSpec(ctx, { filter: filterPath, sort: [] }), filter);
}

async function listSpec(ctx: Ctx, paths: { filter: FilterPath; sort: FilterPath }): Promise<ListSpec> {
  const a = sql.raw(contactAlias);
  return {
    from: sql`contacts ${a}`,
    registry: await contactFields(ctx),
    scope: sql`${a}.workspace_id = ${ctx.workspaceId} and ${a}.deleted_at is null and ${await resolvedOwnerVisibility(ctx, sql`${a}.owner_id`)}`,
    defaultSort: [{ field: 'created_at', dir: 'desc' }],
    paths,
  };
}
