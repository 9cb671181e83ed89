import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { syncFieldIndex } from '../field-index.ts';
import { type CustomFieldDef, toDef } from '../queries/get-custom-fields.ts';
import { customFieldDefinitions as defs } from '../schema.ts';
import { assertNoDuplicates, checkOptions } from './check-definition.ts';

/** What may change on a field; its key and type are fixed (values were written for them). */
export interface UpdateCustomFieldInput {
  label?: string;
  description?: string;
  choices?: { value: string; label: string }[];
  currency?: string;
  required?: boolean;
  unique?: boolean;
  indexed?: boolean;
  position?: number;
  /** false restores an archived field. */
  archived?: boolean;
}

/** Changes a field definition; (un)indexing or (un)archiving creates or drops its expression index. */
export async function updateCustomField(ctx: Ctx, id: string, input: UpdateCustomFieldInput): Promise<CustomFieldDef> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [row] = await tx
      .select()
      .from(defs)
      .where(inWorkspace(defs.workspaceId, ctx, eq(defs.id, id)))
      .for('update');
    if (!row) throw notFound('custom_field', id);
    const before = toDef(row);
    const options = checkOptions(
      before.type,
      {
        choices: input.choices ?? (before.choices.length ? before.choices : undefined),
        currency: input.currency ?? before.currency,
        unique: input.unique ?? before.unique,
      },
      before.currency ?? 'USD',
    );
    if (input.unique && !before.unique) await assertNoDuplicates(c, before.entityType, before.key);
    const archivedAt = input.archived === undefined ? row.archivedAt : input.archived ? (row.archivedAt ?? new Date()) : null;
    const [updated] = await tx
      .update(defs)
      .set({
        ...(input.label !== undefined && { label: input.label.trim() }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.required !== undefined && { required: input.required }),
        ...(input.unique !== undefined && { unique: input.unique }),
        ...(input.indexed !== undefined && { indexed: input.indexed }),
        ...(input.position !== undefined && { position: input.position }),
        options,
        archivedAt,
        updatedAt: new Date(),
      })
      .where(eq(defs.id, id))
      .returning();
    const after = toDef(updated!);
    if (after.indexed !== before.indexed || after.archived !== before.archived) await syncFieldIndex(tx, after.entityType, after.key);
    const type = after.archived && !before.archived ? 'custom_field.archived' : 'custom_field.updated';
    await recordAudit(c, { action: type, entityType: 'custom_field', entityId: id, before, after });
    await emitEvent(c, { type, entityType: 'custom_field', entityId: id, data: { entityType: after.entityType, key: after.key } });
    return after;
  });
}
