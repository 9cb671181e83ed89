import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { segments } from '../schema.ts';

export type Segment = typeof segments.$inferSelect;

/** The shape the API returns. */
export const toSegment = (s: Segment, rebuildJobId?: string | null) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  definition: s.definition,
  timeRelative: s.timeRelative,
  status: s.status,
  memberCount: s.memberCount,
  builtAt: s.builtAt,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  ...(rebuildJobId !== undefined ? { rebuildJobId } : {}),
});

/** The workspace's live segments by name. */
export async function getSegments(ctx: Ctx) {
  const found = await ctx.db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, ctx.workspaceId), isNull(segments.deletedAt)))
    .orderBy(asc(segments.name), asc(segments.id));
  return { items: found.map((s) => toSegment(s)) };
}

/** One live segment of the workspace, or 404 segment_not_found. */
export async function loadSegment(ctx: Ctx, id: string, forUpdate = false): Promise<Segment> {
  const q = ctx.db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, ctx.workspaceId), eq(segments.id, id), isNull(segments.deletedAt)));
  const [s] = forUpdate ? await q.for('update') : await q;
  if (!s)
    throw new AppError('segment_not_found', `No segment ${id} in this workspace; it may have been deleted.`, { path: ['params', 'id'] });
  return s;
}
