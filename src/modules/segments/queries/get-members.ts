import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { pageRows } from '../../../kernel/db/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { loadList } from './get-lists.ts';
import { loadSegment } from './get-segments.ts';
import { type MemberRow, memberColumns, toMember } from './member-shape.ts';

export interface MemberPage {
  after?: string;
  limit: number;
}

/** Members of a segment or list in contact id order, a keyset page at a time (the caller's visibility applies). */
export async function getMembers(ctx: Ctx, of: { segmentId: string } | { listId: string }, page: MemberPage) {
  const isSegment = 'segmentId' in of;
  const owner = isSegment ? await loadSegment(ctx, of.segmentId) : await loadList(ctx, of.listId);
  const from = isSegment
    ? sql`segment_members m join contacts c on c.id = m.contact_id and c.workspace_id = m.workspace_id`
    : sql`list_members m join contacts c on c.id = m.contact_id and c.workspace_id = m.workspace_id`;
  const at = isSegment ? sql`m.entered_at` : sql`m.added_at`;
  const key = isSegment ? sql`m.segment_id` : sql`m.list_id`;
  const found = await pageRows<MemberRow>(
    ctx.db,
    sql`select ${memberColumns}, ${at} as at from ${from}
        left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id
        where m.workspace_id = ${ctx.workspaceId} and ${key} = ${owner.id} and c.deleted_at is null
          and ${await resolvedOwnerVisibility(ctx, sql`c.owner_id`)}
          ${page.after ? sql`and m.contact_id > ${page.after}::uuid` : sql``}
        order by m.contact_id limit ${page.limit + 1}`,
  );
  const items = found.slice(0, page.limit).map(toMember);
  return { items, nextAfter: found.length > page.limit ? items[items.length - 1]!.id : null, total: owner.memberCount };
}
