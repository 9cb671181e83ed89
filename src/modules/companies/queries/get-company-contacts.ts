import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../../kernel/http/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { getCompany } from './get-company.ts';

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live contacts of a company (primary or other link) the caller may see, by name, a page at a time. */
export async function getCompanyContacts(ctx: Ctx, companyId: string, page: { limit: number; cursor?: string }) {
  const company = await getCompany(ctx, companyId);
  const after = decodeCursor(page.cursor, 2) as [string, string] | undefined;
  if (after && (typeof after[0] !== 'string' || !uuidRe.test(String(after[1]))))
    throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
  const list = await rows<{
    id: string;
    display_name: string;
    email: string | null;
    title: string | null;
    is_primary: boolean;
    sort_name: string;
  }>(
    ctx.db,
    sql`select c.id, c.display_name, c.email, c.title, coalesce(c.company_id = ${company.id}, false) as is_primary, lower(c.display_name) as sort_name
        from contacts c
        where c.workspace_id = ${ctx.workspaceId} and c.deleted_at is null and ${ownerVisibility(ctx, sql`c.owner_id`)}
          and (c.company_id = ${company.id} or exists (select 1 from contact_companies cc where cc.workspace_id = c.workspace_id and cc.contact_id = c.id and cc.company_id = ${company.id}))
          ${after ? sql`and (lower(c.display_name), c.id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
        order by lower(c.display_name), c.id limit ${page.limit + 1}`,
  );
  const p = toPage(list, page.limit, (r) => [r.sort_name, r.id]);
  return {
    items: p.items.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email, title: r.title, isPrimary: r.is_primary })),
    nextCursor: p.nextCursor,
  };
}
