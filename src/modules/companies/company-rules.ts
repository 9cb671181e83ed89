import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { normalizeDomain } from './domain.ts';

/** Refuses an owner who is not a member of the workspace. */
export async function assertMember(ctx: Ctx, userId: string | null | undefined, path: (string | number)[]) {
  if (!userId) return;
  const [m] = await rows(ctx.db, sql`select 1 from memberships where workspace_id = ${ctx.workspaceId} and user_id = ${userId}`);
  if (!m)
    throw new AppError('user_not_found', `The owner ${userId} is not a member of this workspace; pick a member from GET /api/users.`, {
      path,
      id: userId,
    });
}

/** Checks a domain and returns it normalized; throws a 400 on the path when it is not a domain. */
export function checkDomain(raw: string | null | undefined, path: (string | number)[]): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const domain = normalizeDomain(raw);
  if (!domain)
    throw new AppError(
      'validation_failed',
      `"${raw.slice(0, 100)}" is not a domain; give one like acme.com (a URL such as https://www.acme.com/about works too).`,
      { path },
    );
  return domain;
}

/**
 * Refuses a domain another live company of the workspace has, naming it. Takes a transaction-long
 * lock on the domain first, so two concurrent writers of one domain cannot both pass.
 */
export async function assertDomainFree(ctx: Ctx, domain: string | null, exceptId: string | null, path: (string | number)[]) {
  if (!domain) return;
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`company-domain:${ctx.workspaceId}:${domain}`}))`);
  const [other] = await rows<{ id: string; name: string }>(
    ctx.db,
    sql`select id, name from companies where workspace_id = ${ctx.workspaceId} and domain = ${domain} and deleted_at is null ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`,
  );
  if (other)
    throw new AppError(
      'company_domain_taken',
      `The company "${other.name}" (${other.id}) already has the domain ${domain}; update that company instead.`,
      { path, existingId: other.id, domain },
    );
}

/** The parent must be a live company of the workspace and not the company itself or one of its descendants. */
export async function assertParent(ctx: Ctx, companyId: string | null, parentId: string | null | undefined, path: (string | number)[]) {
  if (!parentId) return;
  if (parentId === companyId) throw new AppError('validation_failed', 'A company cannot be its own parent.', { path });
  const [parent] = await rows(
    ctx.db,
    sql`select 1 from companies where workspace_id = ${ctx.workspaceId} and id = ${parentId} and deleted_at is null`,
  );
  if (!parent)
    throw new AppError('company_not_found', `No company with id ${parentId} in this workspace to be the parent.`, { path, id: parentId });
  if (!companyId) return;
  // Walk up from the new parent: meeting the company itself means the change would close a loop.
  const [cycle] = await rows(
    ctx.db,
    sql`with recursive up(id, depth) as (
          select parent_company_id, 1 from companies where workspace_id = ${ctx.workspaceId} and id = ${parentId}
          union all
          select c.parent_company_id, up.depth + 1 from companies c join up on c.id = up.id where c.workspace_id = ${ctx.workspaceId} and up.depth < 100
        ) select 1 from up where id = ${companyId} limit 1`,
  );
  if (cycle)
    throw new AppError('company_parent_cycle', 'That parent is one of this company’s own subsidiaries; a company hierarchy cannot loop.', {
      path,
      id: parentId,
    });
}

/** Trimmed, de-duplicated tags (case-insensitively, keeping the first spelling), at most 50. */
export function cleanTags(tags: string[] | undefined, path: (string | number)[]): string[] | undefined {
  if (!tags) return undefined;
  const seen = new Map<string, string>();
  for (const t of tags.map((x) => x.trim()).filter(Boolean)) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  if (seen.size > 50) throw new AppError('validation_failed', `A record can have at most 50 tags; this has ${seen.size}.`, { path });
  return [...seen.values()];
}
