import { eq, or } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { builtinViews, type View } from '../builtin-views.ts';
import { actorUserId, type EntityType, entities, requirePermission } from '../entities.ts';
import { savedViews } from '../schema.ts';

type ViewRow = typeof savedViews.$inferSelect;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored view as the API returns it. */
export function toView(r: ViewRow): View {
  return {
    id: r.id,
    entityType: r.entityType as EntityType,
    name: r.name,
    ownerId: r.ownerId,
    shared: r.shared,
    builtIn: false,
    definition: r.definition,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** A built-in view by id, a view of the caller's, or a shared one; 404 otherwise (other members' private views included). */
export async function getView(ctx: Ctx, id: string): Promise<View> {
  const me = actorUserId(ctx);
  if (id.startsWith('builtin:')) {
    const type = id.split(':')[1] as EntityType;
    const view = type in entities ? builtinViews(type, me).find((v) => v.id === id) : undefined;
    if (!view) throw notFound('view', id);
    requirePermission(ctx, entities[view.entityType].read);
    return view;
  }
  if (!uuid.test(id)) throw notFound('view', id);
  const [row] = await ctx.db
    .select()
    .from(savedViews)
    .where(
      inWorkspace(
        savedViews.workspaceId,
        ctx,
        eq(savedViews.id, id),
        me ? or(eq(savedViews.ownerId, me), eq(savedViews.shared, true)) : eq(savedViews.shared, true),
      ),
    );
  if (!row) throw notFound('view', id);
  requirePermission(ctx, entities[row.entityType as EntityType].read);
  return toView(row);
}

/**
 * A stored view locked for a change: a private one only its owner finds (others get 404); a shared one
 * everyone finds, but only its owner or an admin may change it (403 for the rest).
 */
export async function loadViewForWrite(ctx: Ctx, id: string): Promise<ViewRow> {
  if (!uuid.test(id))
    throw new AppError(
      'view_not_found',
      id.startsWith('builtin:') ? 'Built-in views cannot be changed; save a copy instead.' : `No view with id ${id} in this workspace.`,
      { id },
    );
  const me = actorUserId(ctx);
  const [row] = await ctx.db
    .select()
    .from(savedViews)
    .where(inWorkspace(savedViews.workspaceId, ctx, eq(savedViews.id, id)))
    .for('update');
  if (!row || (row.ownerId !== me && !row.shared)) throw notFound('view', id);
  requirePermission(ctx, entities[row.entityType as EntityType].read);
  if (row.ownerId !== me && ctx.actor.role !== 'admin')
    throw new AppError(
      'forbidden',
      'Only the member who saved this shared view, or an admin, can change or delete it; save a copy instead.',
      { id },
    );
  return row;
}
