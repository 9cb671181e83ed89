import { asc, eq, or } from 'drizzle-orm';
import { can } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { builtinViews, type View } from '../builtin-views.ts';
import { actorUserId, type EntityType, entities, entityTypes, requirePermission } from '../entities.ts';
import { savedViews } from '../schema.ts';
import { toView } from './get-view.ts';

/**
 * The views the caller can use for one record type (or every type it may read): the built-in ones first,
 * then its own and the shared ones by name.
 */
export async function listViews(ctx: Ctx, entityType?: EntityType): Promise<View[]> {
  if (entityType) requirePermission(ctx, entities[entityType].read);
  const types = entityType ? [entityType] : entityTypes.filter((t) => can(ctx.actor.role, entities[t].read, ctx.actor.keyScope));
  if (!types.length) return [];
  const me = actorUserId(ctx);
  const stored = await ctx.db
    .select()
    .from(savedViews)
    .where(
      inWorkspace(
        savedViews.workspaceId,
        ctx,
        or(...types.map((t) => eq(savedViews.entityType, t))),
        me ? or(eq(savedViews.ownerId, me), eq(savedViews.shared, true)) : eq(savedViews.shared, true),
      ),
    )
    .orderBy(asc(savedViews.entityType), asc(savedViews.name), asc(savedViews.id));
  return types.flatMap((t) => [...builtinViews(t, me), ...stored.filter((r) => r.entityType === t).map(toView)]);
}
