import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { duplicateDismissals } from '../schema.ts';

export type DuplicateEntityType = 'contact' | 'company';

export interface DismissInput {
  entityType: DuplicateEntityType;
  ids: [string, string];
}

const tables = { contact: 'contacts', company: 'companies' } as const;

/**
 * Records that two records are not duplicates, so the duplicate reports stop showing the pair.
 * Both must be live records the caller may see (404 naming the first that is not); doing it twice is fine.
 */
export async function dismissDuplicate(ctx: Ctx, input: DismissInput): Promise<{ ids: [string, string] }> {
  const [x, y] = input.ids;
  if (x === y)
    throw new AppError('validation_failed', 'A record cannot be a duplicate of itself: give two different ids.', {
      path: ['body', 'ids', 1],
    });
  const [a, b] = x < y ? [x, y] : [y, x];
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const found = await rows<{ id: string }>(
      tx,
      sql`select id from ${sql.identifier(tables[input.entityType])} r where r.workspace_id = ${ctx.workspaceId} and r.id in ${[a, b]}
          and r.deleted_at is null and ${ownerVisibility(ctx, sql`r.owner_id`)}`,
    );
    const live = new Set(found.map((f) => f.id));
    const missing = input.ids.findIndex((id) => !live.has(id));
    if (missing >= 0)
      throw new AppError(`${input.entityType}_not_found`, `No ${input.entityType} with id ${input.ids[missing]} in this workspace.`, {
        path: ['body', 'ids', missing],
        id: input.ids[missing],
      });
    const inserted = await tx
      .insert(duplicateDismissals)
      .values({
        workspaceId: ctx.workspaceId,
        entityType: input.entityType,
        recordA: a,
        recordB: b,
        dismissedBy: ctx.actor.userId ?? ctx.actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length)
      await recordAudit(c, {
        action: 'duplicate.dismissed',
        entityType: input.entityType,
        entityId: a,
        after: { entityType: input.entityType, ids: [a, b] },
      });
    return { ids: [a, b] };
  });
}

/** The condition keeping a pair (a < b) that nobody dismissed, for the duplicate queries. */
export const notDismissed = (ctx: Ctx, entityType: DuplicateEntityType) => (a: SQL, b: SQL) =>
  sql`not exists (select 1 from duplicate_dismissals d where d.workspace_id = ${ctx.workspaceId} and d.entity_type = ${entityType}
        and d.record_a = ${a} and d.record_b = ${b})`;
