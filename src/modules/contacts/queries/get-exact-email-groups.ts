import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { ownerVisibility } from '../../identity/index.ts';

export interface ExactEmailGroup {
  /** The normalized email the contacts share. */
  email: string;
  /** Live contacts with it that the caller may see, oldest first. */
  ids: string[];
}

/**
 * Groups of live contacts sharing a normalized email (trimmed, lower case), from contact_emails and
 * the denormalized contacts.email. Creating a contact refuses a taken email, so such groups come only
 * from imports and legacy data. Keyset by email. One hash aggregate over the workspace's emails per
 * call (no index holds normalized spellings), so callers ask for many groups at a time.
 */
export async function getExactEmailGroups(ctx: Ctx, q: { after?: string; limit: number }): Promise<ExactEmailGroup[]> {
  const ws = ctx.workspaceId;
  const after = (k: SQL) => (q.after === undefined ? sql`` : sql`and ${k} > ${q.after}`);
  const keyOf = (col: SQL) => sql`lower(trim(${col}))`;
  // min <> max instead of count(distinct): it keeps the aggregate a hash aggregate (no sort of every email).
  const groups = await rows<{ email: string; ids: string[] | string }>(
    ctx.db,
    sql`select e.k as email, array_agg(e.id) as ids from (
          select ${keyOf(sql`ce.email`)} as k, ce.contact_id::text as id from contact_emails ce where ce.workspace_id = ${ws} ${after(keyOf(sql`ce.email`))}
          union all
          select ${keyOf(sql`c.email`)}, c.id::text from contacts c where c.workspace_id = ${ws} and c.email is not null and c.deleted_at is null ${after(keyOf(sql`c.email`))}
        ) e group by e.k having min(e.id) <> max(e.id) order by e.k limit ${q.limit}`,
  );
  if (!groups.length) return [];
  const asList = (v: string[] | string) => (Array.isArray(v) ? v : v.replace(/[{}]/g, '').split(',').filter(Boolean));
  const all = [...new Set(groups.flatMap((g) => asList(g.ids)))];
  const live = await rows<{ id: string }>(
    ctx.db,
    sql`select c.id from contacts c where c.workspace_id = ${ws} and c.id in ${all} and c.deleted_at is null and ${ownerVisibility(ctx, sql`c.owner_id`)}
        order by c.created_at, c.id`,
  );
  const order = new Map(live.map((c, i) => [c.id, i]));
  return groups.map((g) => ({
    email: g.email,
    ids: [...new Set(asList(g.ids))].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!),
  }));
}
