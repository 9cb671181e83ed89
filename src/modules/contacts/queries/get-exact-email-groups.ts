import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { ownerVisibility } from '../../identity/index.ts';

export interface ExactEmailGroup {
  /** The normalized email the contacts share. */
  email: string;
  /** Live contacts with it, oldest first. */
  ids: string[];
}

/**
 * Groups of live contacts sharing a normalized email (trimmed, lower case), from contact_emails and
 * the denormalized contacts.email. Creating a contact refuses a taken email, so such groups come only
 * from imports and legacy data. Keyset by email; one scan of the workspace's emails per call.
 */
export async function getExactEmailGroups(ctx: Ctx, q: { after?: string; limit: number }): Promise<ExactEmailGroup[]> {
  const ws = ctx.workspaceId;
  const found = await rows<{ email: string; id: string }>(
    ctx.db,
    sql`with e as (
          select lower(trim(ce.email)) as k, ce.contact_id as id from contact_emails ce where ce.workspace_id = ${ws}
          union
          select lower(trim(c.email)), c.id from contacts c where c.workspace_id = ${ws} and c.email is not null
        ), live as (
          select e.k, c.id, c.created_at from e join contacts c on c.workspace_id = ${ws} and c.id = e.id
          where c.deleted_at is null and ${ownerVisibility(ctx, sql`c.owner_id`)} ${q.after === undefined ? sql`` : sql`and e.k > ${q.after}`}
        ), groups as (
          select k from live group by k having count(distinct id) > 1 order by k limit ${q.limit}
        )
        select l.k as email, l.id from live l join groups g on g.k = l.k order by l.k, l.created_at, l.id`,
  );
  const out: ExactEmailGroup[] = [];
  for (const r of found) {
    const last = out[out.length - 1];
    if (last?.email === r.email) {
      if (!last.ids.includes(r.id)) last.ids.push(r.id);
    } else out.push({ email: r.email, ids: [r.id] });
  }
  return out;
}
