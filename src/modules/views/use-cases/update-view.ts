import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import type { View } from '../builtin-views.ts';
import { type EntityType, entities, workspaceTimeZone } from '../entities.ts';
import { loadViewForWrite, toView } from '../queries/get-view.ts';
import { savedViews } from '../schema.ts';
import { checkDefinition } from '../view-definition.ts';
import { cleanViewName, type ViewInput } from './create-view.ts';

/**
 * Renames a view, replaces its definition or shares/unshares it. Private views: their owner only;
 * shared views: their owner or an admin.
 */
export async function updateView(ctx: Ctx, id: string, input: Partial<Omit<ViewInput, 'entityType'>>): Promise<View> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadViewForWrite(c, id);
    const spec = entities[row.entityType as EntityType];
    const definition =
      input.definition === undefined
        ? undefined
        : checkDefinition(input.definition, await spec.registry(c), await workspaceTimeZone(c), ['body', 'definition']);
    const [updated] = await tx
      .update(savedViews)
      .set({
        ...(input.name !== undefined && { name: cleanViewName(input.name, ['body', 'name']) }),
        ...(input.shared !== undefined && { shared: input.shared }),
        ...(definition && { definition }),
        updatedAt: new Date(),
      })
      .where(inWorkspace(savedViews.workspaceId, ctx, eq(savedViews.id, row.id)))
      .returning();
    const after = toView(updated!);
    await recordAudit(c, { action: 'view.updated', entityType: 'view', entityId: id, before: toView(row), after });
    return after;
  });
}
