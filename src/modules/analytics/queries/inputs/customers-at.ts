import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import { customerStages } from './periods-sql.ts';

/**
 * For each instant, the contacts whose lifecycle stage then (their last change strictly before it) was customer or
 * evangelist, not deleted by then. Only contacts who were ever customers are read, each history once: a change at c
 * followed by the next at n makes the contact that stage over (c, n].
 */
export async function customersAtFor(ctx: Ctx, instants: Date[]): Promise<Map<string, number>> {
  const ws = ctx.workspaceId;
  const at = [...new Set(instants.map((t) => t.toISOString()))];
  const list = await rows<{ t: string; n: number }>(
    ctx.db,
    sql`with i as (select t::timestamptz as t from jsonb_array_elements_text(${JSON.stringify(at)}::jsonb) t),
        ever as (select distinct contact_id from lifecycle_history where workspace_id = ${ws} and to_stage in ${customerStages}),
        spells as (
          select h.contact_id, h.to_stage, h.changed_at as c,
            lead(h.changed_at) over (partition by h.contact_id order by h.changed_at, h.id) as n
          from lifecycle_history h join ever using (contact_id)
          where h.workspace_id = ${ws})
        select to_char(i.t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as t, count(k.id)::int as n
        from i left join spells s on s.to_stage in ${customerStages} and s.c < i.t and (s.n is null or s.n >= i.t)
        left join contacts k on k.workspace_id = ${ws} and k.id = s.contact_id and (k.deleted_at is null or k.deleted_at >= i.t)
        group by i.t`,
  );
  return new Map(list.map((r) => [r.t, r.n]));
}
