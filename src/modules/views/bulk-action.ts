import type { Ctx } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { assertMember, cleanTags } from '../companies/index.ts';
import type { LifecycleStage } from '../contacts/index.ts';
import type { EntityType } from './entities.ts';

export const bulkActions = ['change_owner', 'add_tags', 'remove_tags', 'set_lifecycle', 'delete'] as const;
export type BulkActionName = (typeof bulkActions)[number];

/** An action with its parameters (set_lifecycle is for contacts only). */
export type BulkAction =
  | { action: 'change_owner'; params: { ownerId: string | null } }
  | { action: 'add_tags'; params: { tags: string[] } }
  | { action: 'remove_tags'; params: { tags: string[] } }
  | { action: 'set_lifecycle'; params: { stage: LifecycleStage } }
  | { action: 'delete'; params?: Record<string, never> };

/** Records kept for undo this long; the purge job hard-deletes soft-deleted records after the same time. */
export const undoDays = 7;

/** The permission an action needs on top of seeing the records. */
export const actionPermission = (action: BulkActionName, perms: { write: string; delete: string }) =>
  action === 'delete' ? perms.delete : perms.write;

/**
 * Checks an action's parameters beyond their shape: the new owner is a member, tags are cleaned
 * (trimmed, de-duplicated, at least one), set_lifecycle only on contacts. Returns the parameters to store.
 */
export async function checkAction(ctx: Ctx, entityType: EntityType, a: BulkAction): Promise<Record<string, unknown>> {
  const at = ['body', 'params'];
  switch (a.action) {
    case 'change_owner':
      await assertMember(ctx, a.params.ownerId, [...at, 'ownerId']);
      return { ownerId: a.params.ownerId };
    case 'add_tags':
    case 'remove_tags': {
      const tags = cleanTags(a.params.tags, [...at, 'tags']) ?? [];
      if (!tags.length)
        throw new AppError('validation_failed', 'Give at least one tag (blank ones do not count).', { path: [...at, 'tags'] });
      return { tags };
    }
    case 'set_lifecycle':
      if (entityType !== 'contact')
        throw new AppError('validation_failed', 'set_lifecycle applies to contacts only.', { path: ['body', 'action'] });
      return { stage: a.params.stage };
    case 'delete':
      return {};
  }
}
