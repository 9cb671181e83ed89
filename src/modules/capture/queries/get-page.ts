import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { landingPages } from '../schema.ts';

export type PageRow = typeof landingPages.$inferSelect;

/** JSON with sorted keys: jsonb does not keep key order, so plain stringify would see changes that are not there. */
const stable = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(stable).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v ?? null);

export function toPage(r: PageRow) {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    ogImage: r.ogImage,
    status: r.status as 'draft' | 'published',
    blocks: r.blocks,
    version: r.version,
    publishedAt: r.publishedAt,
    /** The working copy differs from what /p/:slug serves. */
    unpublishedChanges:
      r.status !== 'published' ||
      stable(r.published) !== stable({ title: r.title, description: r.description, ogImage: r.ogImage, blocks: r.blocks }),
    viewCount: r.viewCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
export type Page = ReturnType<typeof toPage>;

/** One landing page of the workspace; 404 when missing or deleted. */
export async function getPage(ctx: Ctx, id: string): Promise<Page> {
  const [row] = await ctx.db
    .select()
    .from(landingPages)
    .where(inWorkspace(landingPages.workspaceId, ctx, and(eq(landingPages.id, id), sql`${landingPages.deletedAt} is null`)));
  if (!row) throw notFound('page', id);
  return toPage(row);
}

/** The workspace's landing pages, newest first. */
export async function getPages(ctx: Ctx) {
  const list = await ctx.db
    .select()
    .from(landingPages)
    .where(inWorkspace(landingPages.workspaceId, ctx, sql`${landingPages.deletedAt} is null`))
    .orderBy(desc(landingPages.createdAt))
    .limit(500);
  return list.map(({ blocks: _b, published: _p, ...r }) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status as 'draft' | 'published',
    publishedAt: r.publishedAt,
    viewCount: r.viewCount,
    updatedAt: r.updatedAt,
  }));
}
