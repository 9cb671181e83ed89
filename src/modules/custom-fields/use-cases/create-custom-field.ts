import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { syncFieldIndex } from '../field-index.ts';
import { type CustomEntityType, keyPattern, reservedKeys } from '../field-rules.ts';
import { type CustomFieldDef, toDef } from '../queries/get-custom-fields.ts';
import { type CustomFieldType, customFieldDefinitions as defs } from '../schema.ts';
import { assertNoDuplicates, checkOptions } from './check-definition.ts';

export interface CreateCustomFieldInput {
  entityType: CustomEntityType;
  key: string;
  label: string;
  type: CustomFieldType;
  choices?: { value: string; label: string }[];
  currency?: string;
  description?: string;
  required?: boolean;
  unique?: boolean;
  indexed?: boolean;
  position?: number;
}

/** Defines a custom field on contacts, companies or deals; indexed fields get their expression index. */
export async function createCustomField(ctx: Ctx, input: CreateCustomFieldInput): Promise<CustomFieldDef> {
  const key = input.key.trim();
  if (!keyPattern.test(key))
    throw new AppError('validation_failed', 'The key must be snake_case: a lower-case letter, then letters, digits or _ (at most 40).', {
      path: ['body', 'key'],
    });
  if (reservedKeys[input.entityType].has(key))
    throw new AppError('validation_failed', `"${key}" is a built-in ${input.entityType} field; pick another key.`, {
      path: ['body', 'key'],
    });
  const [ws] = await rows<{ currency: string }>(ctx.db, sql`select currency from workspaces where id = ${ctx.workspaceId}`);
  const options = checkOptions(input.type, input, ws?.currency ?? 'USD');
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    // Serializes concurrent creates of one key, so the check below cannot race.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cf:${ctx.workspaceId}:${input.entityType}:${key}`}))`);
    const [taken] = await rows<{ id: string; archived: boolean }>(
      tx,
      sql`select id, archived_at is not null as archived from custom_field_definitions where workspace_id = ${ctx.workspaceId} and entity_type = ${input.entityType} and key = ${key}`,
    );
    if (taken)
      throw new AppError(
        'custom_field_key_taken',
        `A ${input.entityType} field with the key ${key} already exists${taken.archived ? ' (archived: restore it with PATCH {"archived": false})' : ''}.`,
        { path: ['body', 'key'], existingId: taken.id },
      );
    if (input.unique) await assertNoDuplicates(c, input.entityType, key);
    const [pos] = await rows<{ next: number }>(
      tx,
      sql`select coalesce(max(position) + 1, 0)::int as next from custom_field_definitions where workspace_id = ${ctx.workspaceId} and entity_type = ${input.entityType}`,
    );
    const [row] = await tx
      .insert(defs)
      .values({
        workspaceId: ctx.workspaceId,
        entityType: input.entityType,
        key,
        label: input.label.trim(),
        type: input.type,
        options,
        description: input.description ?? '',
        required: input.required ?? false,
        unique: input.unique ?? false,
        indexed: input.indexed ?? false,
        position: input.position ?? pos?.next ?? 0,
      })
      .returning();
    const def = toDef(row!);
    if (def.indexed) await syncFieldIndex(tx, def.entityType, key);
    await recordAudit(c, { action: 'custom_field.created', entityType: 'custom_field', entityId: def.id, after: def });
    await emitEvent(c, {
      type: 'custom_field.created',
      entityType: 'custom_field',
      entityId: def.id,
      data: { entityType: def.entityType, key, type: def.type },
    });
    return def;
  });
}
