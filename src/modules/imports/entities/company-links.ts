import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/columns.ts';
import { rows } from '../../../kernel/db/index.ts';
import { nameFromDomain } from '../../companies/index.ts';
import { recordset } from './row-values.ts';

/** What a row says about its company: a normalized domain, a name, or both. */
export interface CompanyRef {
  domain: string | null;
  name: string | null;
  rowNumber: number;
}

export const refKey = (r: CompanyRef) => (r.domain ? `d:${r.domain}` : r.name ? `n:${r.name.toLowerCase()}` : null);

/**
 * Finds the live companies a batch names (by domain, else by name: one query each) and creates the
 * missing ones in one insert, named after the domain when no name is given — as
 * findOrCreateCompanyByDomain does for one record. Created companies go into import_changes, so undo removes them.
 */
export async function resolveCompanies(
  ctx: Ctx,
  importId: string,
  refs: CompanyRef[],
  ownerId: string | null,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = new Map<string, CompanyRef>();
  for (const r of refs) {
    const k = refKey(r);
    if (k && !wanted.has(k)) wanted.set(k, r);
  }
  if (!wanted.size) return out;
  const domains = [...wanted.values()].filter((r) => r.domain).map((r) => r.domain!);
  const names = [...wanted.values()].filter((r) => !r.domain).map((r) => r.name!.toLowerCase());
  if (domains.length)
    for (const c of await rows<{ id: string; domain: string }>(
      ctx.db,
      sql`select id, domain from companies where workspace_id = ${ctx.workspaceId} and deleted_at is null
          and domain = any(array(select jsonb_array_elements_text(${JSON.stringify(domains)}::jsonb)))`,
    ))
      out.set(`d:${c.domain}`, c.id);
  if (names.length)
    for (const c of await rows<{ id: string; lname: string }>(
      ctx.db,
      sql`select distinct on (lower(name)) id, lower(name) as lname from companies where workspace_id = ${ctx.workspaceId} and deleted_at is null
          and lower(name) = any(array(select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))) order by lower(name), created_at`,
    ))
      out.set(`n:${c.lname}`, c.id);
  const missing = [...wanted.entries()].filter(([k]) => !out.has(k));
  if (!missing.length) return out;
  const created = missing.map(([k, r]) => {
    const id = newId();
    out.set(k, id);
    return { id, name: (r.name || nameFromDomain(r.domain!)).slice(0, 200), domain: r.domain, row: r.rowNumber };
  });
  await ctx.db.execute(sql`
    insert into companies (id, workspace_id, name, domain, owner_id, annual_revenue_currency)
    select x.id, ${ctx.workspaceId}, x.name, x.domain, ${ownerId}, null from ${recordset(created, 'id uuid, name text, domain text, row int')}`);
  await ctx.db.execute(sql`
    insert into import_changes (workspace_id, import_id, entity_type, record_id, action, row_number)
    select ${ctx.workspaceId}, ${importId}, 'company', x.id, 'created', x.row from ${recordset(created, 'id uuid, row int')}`);
  return out;
}
