import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { type CustomEntityType, choiceTypes, customText, entityTables, uniqueTypes } from '../field-rules.ts';
import type { CustomFieldType } from '../schema.ts';

export interface DefinitionOptions {
  choices?: { value: string; label: string }[];
  currency?: string | null;
  unique?: boolean;
}

const invalid = (message: string, field: string) => new AppError('validation_failed', message, { path: ['body', field] });

/** Checks that choices, currency and uniqueness fit the field type; returns the stored `options`. */
export function checkOptions(type: CustomFieldType, o: DefinitionOptions, fallbackCurrency: string) {
  if (choiceTypes.has(type)) {
    if (!o.choices?.length) throw invalid(`A ${type} field needs at least one choice: [{ "value": "gold", "label": "Gold" }].`, 'choices');
    const values = o.choices.map((c) => c.value);
    const dup = values.find((v, i) => values.indexOf(v) !== i);
    if (dup !== undefined) throw invalid(`The choice value "${dup}" appears twice; choice values must be unique.`, 'choices');
  } else if (o.choices !== undefined) throw invalid(`Only select and multi_select fields have choices, not ${type}.`, 'choices');
  if (type !== 'money' && o.currency) throw invalid(`Only money fields have a currency, not ${type}.`, 'currency');
  if (o.unique && !uniqueTypes.has(type))
    throw invalid(`A ${type} field cannot be unique; uniqueness fits single values such as text, number, email or phone.`, 'unique');
  return {
    ...(o.choices && { choices: o.choices }),
    ...(type === 'money' && { currency: o.currency ?? fallbackCurrency }),
  };
}

/** Refuses to make a field unique while records already share a value, naming one such value. */
export async function assertNoDuplicates(ctx: Ctx, entityType: CustomEntityType, key: string) {
  const table = sql.raw(entityTables[entityType]);
  const v = customText('', key);
  // Deals may not exist yet (and their soft-delete rules are the deals module's).
  if (entityType === 'deal' && !(await rows<{ t: string | null }>(ctx.db, sql`select to_regclass('deals')::text as t`))[0]?.t) return;
  const deleted = entityType === 'deal' ? sql`true` : sql`deleted_at is null`;
  const [dup] = await rows<{ value: string; n: number }>(
    ctx.db,
    sql`select ${v} as value, count(*)::int as n from ${table} where workspace_id = ${ctx.workspaceId} and ${v} is not null and ${deleted} group by 1 having count(*) > 1 limit 1`,
  );
  if (dup)
    throw new AppError(
      'custom_value_not_unique',
      `Cannot make ${key} unique: ${dup.n} records share the value "${dup.value}". Fix those first.`,
      { path: ['body', 'unique'], value: dup.value },
    );
}
