import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { PageBlock } from '../form-model.ts';
import { assertSlugFree } from '../form-rules.ts';
import { formIdsOf } from '../public/render-page.ts';
import { sanitizeHtml } from '../public/sanitize-html.ts';
import { type Page, toPage } from '../queries/get-page.ts';
import { landingPages } from '../schema.ts';

export interface PageInput {
  slug: string;
  title: string;
  description?: string;
  ogImage?: string | null;
  blocks: PageBlock[];
}

/** Rich text is stored sanitized, so the editor shows exactly what visitors will get. */
const cleanBlocks = (blocks: PageBlock[]): PageBlock[] =>
  blocks.map((b) =>
    b.type === 'richText'
      ? { ...b, html: sanitizeHtml(b.html) }
      : b.type === 'columns'
        ? { ...b, columns: b.columns.map((c) => c.map((x) => (x.type === 'richText' ? { ...x, html: sanitizeHtml(x.html) } : x))) }
        : b,
  );

async function assertForms(ctx: Ctx, blocks: PageBlock[]) {
  const ids = [...new Set(formIdsOf(blocks))];
  if (!ids.length) return;
  const found = await rows<{ id: string }>(
    ctx.db,
    sql`select id from forms where workspace_id = ${ctx.workspaceId} and id in ${ids} and deleted_at is null`,
  );
  const missing = ids.find((id) => !found.some((f) => f.id === id));
  if (missing)
    throw new AppError('form_not_found', `No form with id ${missing} in this workspace; pick one from Forms.`, {
      path: ['body', 'blocks'],
      id: missing,
    });
}

/** Creates a draft landing page. */
export async function createPage(ctx: Ctx, input: PageInput): Promise<Page> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await assertSlugFree(c, 'landing_pages', input.slug, null);
    await assertForms(c, input.blocks);
    const [row] = await tx
      .insert(landingPages)
      .values({
        workspaceId: ctx.workspaceId,
        slug: input.slug,
        title: input.title.trim(),
        description: input.description?.trim() ?? '',
        ogImage: input.ogImage ?? null,
        blocks: cleanBlocks(input.blocks),
        createdBy: ctx.actor.userId ?? null,
      })
      .returning();
    const page = toPage(row!);
    await recordAudit(c, { action: 'page.created', entityType: 'landing_page', entityId: page.id, after: page });
    await emitEvent(c, { type: 'page.created', entityType: 'landing_page', entityId: page.id, data: { slug: page.slug } });
    return page;
  });
}

async function loadForUpdate(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(landingPages)
    .where(inWorkspace(landingPages.workspaceId, ctx, and(eq(landingPages.id, id), sql`${landingPages.deletedAt} is null`)))
    .for('update');
  if (!row) throw notFound('page', id);
  return row;
}

/** Saves the working copy; visitors keep seeing the published version until the next publish. */
export async function updatePage(ctx: Ctx, id: string, input: Partial<PageInput>): Promise<Page> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadForUpdate(c, id);
    if (input.slug && input.slug !== row.slug) await assertSlugFree(c, 'landing_pages', input.slug, id);
    if (input.blocks) await assertForms(c, input.blocks);
    const [saved] = await tx
      .update(landingPages)
      .set({
        slug: input.slug ?? row.slug,
        title: input.title?.trim() ?? row.title,
        description: input.description?.trim() ?? row.description,
        ogImage: input.ogImage === undefined ? row.ogImage : input.ogImage,
        blocks: input.blocks ? cleanBlocks(input.blocks) : row.blocks,
        updatedAt: new Date(),
      })
      .where(eq(landingPages.id, id))
      .returning();
    const page = toPage(saved!);
    await recordAudit(c, { action: 'page.updated', entityType: 'landing_page', entityId: id, before: toPage(row), after: page });
    await emitEvent(c, { type: 'page.updated', entityType: 'landing_page', entityId: id, data: { slug: page.slug } });
    return page;
  });
}

/** Publishes the working copy (a new version, so caches re-render) or takes the page offline. */
export async function publishPage(ctx: Ctx, id: string, publish: boolean): Promise<Page> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadForUpdate(c, id);
    const [saved] = await tx
      .update(landingPages)
      .set(
        publish
          ? {
              status: 'published',
              published: { title: row.title, description: row.description, ogImage: row.ogImage, blocks: row.blocks },
              version: row.version + 1,
              publishedAt: new Date(),
              updatedAt: new Date(),
            }
          : { status: 'draft', updatedAt: new Date() },
      )
      .where(eq(landingPages.id, id))
      .returning();
    const page = toPage(saved!);
    const type = publish ? 'page.published' : 'page.unpublished';
    await recordAudit(c, { action: type, entityType: 'landing_page', entityId: id, after: { version: page.version, status: page.status } });
    await emitEvent(c, { type, entityType: 'landing_page', entityId: id, data: { slug: page.slug, version: page.version } });
    return page;
  });
}

/** Soft-deletes a page; its address stops answering and is free again. */
export async function deletePage(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadForUpdate(c, id);
    await tx
      .update(landingPages)
      .set({ deletedAt: new Date(), slug: `${row.slug}--deleted-${id}` })
      .where(eq(landingPages.id, id));
    await recordAudit(c, {
      action: 'page.deleted',
      entityType: 'landing_page',
      entityId: id,
      before: { slug: row.slug, title: row.title },
    });
    await emitEvent(c, { type: 'page.deleted', entityType: 'landing_page', entityId: id, data: { slug: row.slug } });
  });
}
