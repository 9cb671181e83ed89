import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';

/** A utm_campaign value from free text: lower case, ASCII letters and digits, dashes between words. */
export function slugify(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** Checks a given slug (it must already be a slug, so links built earlier keep working) or makes one from the name. */
export function checkSlug(raw: string | undefined, name: string): string {
  if (raw === undefined) {
    const made = slugify(name);
    if (!made)
      throw new AppError('validation_failed', 'The name has no letters or digits to make a utm_campaign slug from; give a slug.', {
        path: ['body', 'slug'],
      });
    return made;
  }
  if (!/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(raw))
    throw new AppError(
      'validation_failed',
      `"${raw.slice(0, 100)}" is not a utm_campaign slug; use lower-case letters, digits and single dashes, e.g. "${slugify(raw) || 'spring-webinar-2026'}".`,
      { path: ['body', 'slug'] },
    );
  return raw;
}

/** Refuses a slug another campaign of the workspace uses (serialized per value, so two writers cannot both take it). */
export async function assertSlugFree(ctx: Ctx, slug: string, exceptId?: string) {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`campaign_slug:${ctx.workspaceId}:${slug}`}))`);
  const [taken] = await rows<{ id: string; name: string }>(
    ctx.db,
    sql`select id, name from campaigns where workspace_id = ${ctx.workspaceId} and slug = ${slug} ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
  );
  if (taken)
    throw new AppError('campaign_slug_taken', `The utm_campaign "${slug}" is used by "${taken.name}"; pick another slug.`, {
      path: ['body', 'slug'],
      existingId: taken.id,
    });
}

export function checkDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start)
    throw new AppError('validation_failed', `The end date ${end} is before the start date ${start}; end on or after the start.`, {
      path: ['body', 'endDate'],
    });
}

/** The campaign row, or 404 campaign_not_found. Locks it with `forUpdate` (children are written under the lock). */
export async function loadCampaignRow(ctx: Ctx, id: string, forUpdate = false) {
  const [row] = await rows<{ id: string; name: string; budget_currency: string; slug: string }>(
    ctx.db,
    sql`select id, name, budget_currency, slug from campaigns where workspace_id = ${ctx.workspaceId} and id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  if (!row) throw new AppError('campaign_not_found', `No campaign with id ${id} in this workspace.`, { id });
  return row;
}
