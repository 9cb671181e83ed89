import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { View } from '../builtin-views.ts';
import { actorUserId, type EntityType, entities, requirePermission, workspaceTimeZone } from '../entities.ts';
import { toView } from '../queries/get-view.ts';
import { savedViews } from '../schema.ts';
import { checkDefinition, type ViewDefinitionInput } from '../view-definition.ts';

export interface ViewInput {
  entityType: EntityType;
  name: string;
  shared?: boolean;
  definition: ViewDefinitionInput;
}

/** Checks a view name: trimmed, not empty. */
export function cleanViewName(name: string, path: (string | number)[]): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('validation_failed', 'Give the view a name.', { path });
  return trimmed;
}

/** Saves a list view for the caller (private unless `shared`); the definition must compile against the entity's fields. */
export async function createView(ctx: Ctx, input: ViewInput): Promise<View> {
  const spec = entities[input.entityType];
  requirePermission(ctx, spec.read);
  const ownerId = actorUserId(ctx);
  if (!ownerId) throw new AppError('forbidden', 'Views belong to a member; use a member’s session or API key to save one.');
  const name = cleanViewName(input.name, ['body', 'name']);
  const definition = checkDefinition(input.definition, await spec.registry(ctx), await workspaceTimeZone(ctx), ['body', 'definition']);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedViews)
      .values({ workspaceId: ctx.workspaceId, entityType: input.entityType, name, ownerId, shared: input.shared ?? false, definition })
      .returning();
    const view = toView(row!);
    await recordAudit({ ...ctx, db: tx }, { action: 'view.created', entityType: 'view', entityId: view.id, after: view });
    return view;
  });
}
