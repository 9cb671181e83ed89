import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { companies } from '../schema.ts';
import { type Company, toCompany } from './company-shape.ts';

export interface CompanyDetail extends Company {
  /** Live contacts linked to the company (primary or other) that the caller may see. */
  contactCount: number;
  /** Set when the id asked for belonged to a company merged into this one. */
  mergedFrom?: string;
}

/** The id a merged-away record now lives under (record_aliases), or the id itself. */
export async function resolveAlias(ctx: Ctx, entityType: string, id: string): Promise<string> {
  let current = id;
  // Merges repoint older aliases, so one hop is normal; a few more guard against a stale chain.
  for (let i = 0; i < 5; i++) {
    const [a] = await rows<{ target_id: string }>(
      ctx.db,
      sql`select target_id from record_aliases where workspace_id = ${ctx.workspaceId} and entity_type = ${entityType} and alias_id = ${current}`,
    );
    if (!a) break;
    current = a.target_id;
  }
  return current;
}

/** A live company the caller may see, by id or a merged-away id; 404 otherwise. */
export async function getCompany(ctx: Ctx, id: string): Promise<CompanyDetail> {
  const target = await resolveAlias(ctx, 'company', id);
  const [row] = await ctx.db
    .select()
    .from(companies)
    .where(
      inWorkspace(
        companies.workspaceId,
        ctx,
        eq(companies.id, target),
        isNull(companies.deletedAt),
        ownerVisibility(ctx, sql`${companies.ownerId}`),
      ),
    );
  if (!row) throw notFound('company', id);
  const [count] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from contacts c where c.workspace_id = ${ctx.workspaceId} and c.deleted_at is null and ${ownerVisibility(ctx, sql`c.owner_id`)}
          and (c.company_id = ${target} or exists (select 1 from contact_companies cc where cc.workspace_id = c.workspace_id and cc.contact_id = c.id and cc.company_id = ${target}))`,
  );
  return { ...toCompany(row), contactCount: count?.n ?? 0, ...(target !== id && { mergedFrom: id }) };
}

/** A live company the caller may see, locked for a write; 404 otherwise (a rep cannot change what they cannot see). */
export async function loadCompanyForUpdate(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(companies)
    .where(
      and(
        inWorkspace(companies.workspaceId, ctx, eq(companies.id, id)),
        isNull(companies.deletedAt),
        ownerVisibility(ctx, sql`${companies.ownerId}`),
      ),
    )
    .for('update');
  if (!row) throw notFound('company', id);
  return row;
}
