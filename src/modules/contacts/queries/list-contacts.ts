import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import type { FilterPath } from '../../../kernel/filters/index.ts';
import { camelize, type ListRequest, listRecords } from '../../companies/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { contactAlias, contactFields } from './contact-fields.ts';
import { type ContactRow, toContact } from './contact-shape.ts';

/** Live contacts the caller may see, filtered and sorted, a keyset page at a time, with the total. */
export async function listContacts(ctx: Ctx, req: ListRequest, paths: { filter: FilterPath; sort: FilterPath }) {
  const a = sql.raw(contactAlias);
  const page = await listRecords(
    ctx,
    {
      from: sql`contacts ${a}`,
      registry: await contactFields(ctx),
      scope: sql`${a}.workspace_id = ${ctx.workspaceId} and ${a}.deleted_at is null and ${ownerVisibility(ctx, sql`${a}.owner_id`)}`,
      defaultSort: [{ field: 'created_at', dir: 'desc' }],
      paths,
    },
    req,
  );
  return { items: page.rows.map((r) => toContact(camelize(r) as ContactRow)), nextCursor: page.nextCursor, total: page.total };
}
