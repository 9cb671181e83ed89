import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { coerceValue } from './coerce-value.ts';
import { type CustomEntityType, customText, entityTables } from './field-rules.ts';
import { type CustomFieldDef, fieldsFor } from './queries/get-custom-fields.ts';
import { workspaceRegion } from './value-types.ts';

export interface ValidateOptions {
  /** An update: only the given keys are checked, null removes a value, missing required fields are fine. */
  partial?: boolean;
  /** The record being updated, so its own value does not count as taken. */
  recordId?: string;
  /** Where the values sit in the request, for error paths (default ['body', 'custom']). */
  path?: (string | number)[];
  /** Definitions already loaded by the caller (bulk writes). */
  defs?: CustomFieldDef[];
  /** The workspace's phone region, already loaded by the caller (bulk writes); undefined = look it up. */
  region?: string | null;
}

/**
 * Checks custom values against the entity's field definitions and returns them normalized
 * (numbers from strings, emails lower case, phones E.164, dates checked). Unknown keys, bad
 * values and missing required fields are 400s naming ['body', 'custom', key]; a value a unique
 * field already holds on another record is a 409 naming that record. Call it with the write's
 * transaction as ctx.db: the uniqueness check takes a lock held until that transaction ends.
 */
export async function validateCustomValues(
  ctx: Ctx,
  entityType: CustomEntityType,
  values: Record<string, unknown> | undefined,
  opts: ValidateOptions = {},
) {
  const base = opts.path ?? ['body', 'custom'];
  const defs = opts.defs ?? (await fieldsFor(ctx, entityType));
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const input = values ?? {};
  const region = opts.region !== undefined ? opts.region : defs.some((d) => d.type === 'phone') ? await workspaceRegion(ctx) : null;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(input)) {
    const def = byKey.get(key);
    if (!def) {
      const known = defs.map((d) => d.key).join(', ') || 'none yet';
      throw new AppError(
        'validation_failed',
        `Unknown custom field "${key}" for ${entityType}s. Define it under /api/custom-fields first (defined: ${known}).`,
        { path: [...base, key] },
      );
    }
    if (raw === null || raw === undefined || (raw === '' && def.type !== 'text' && def.type !== 'long_text')) {
      if (def.required)
        throw new AppError('validation_failed', `${def.label} (${key}) is required and cannot be emptied.`, { path: [...base, key] });
      if (opts.partial) out[key] = null;
      continue;
    }
    const r = coerceValue(def, raw, region);
    if (!r.ok) throw new AppError('validation_failed', `${def.label} (${key}) ${r.message}.`, { path: [...base, key] });
    out[key] = r.value;
  }
  if (!opts.partial) {
    const missing = defs.find((d) => d.required && (out[d.key] === undefined || out[d.key] === ''));
    if (missing)
      throw new AppError('validation_failed', `${missing.label} (${missing.key}) is required for new ${entityType}s.`, {
        path: [...base, missing.key],
      });
  }
  for (const def of defs)
    if (def.unique && out[def.key] != null) await assertUniqueValue(ctx, entityType, def, out[def.key], opts.recordId, [...base, def.key]);
  return out;
}

async function assertUniqueValue(
  ctx: Ctx,
  entityType: CustomEntityType,
  def: CustomFieldDef,
  value: unknown,
  recordId: string | undefined,
  path: (string | number)[],
) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Two writers of the same value wait for each other, so both cannot pass the check.
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`cfv:${ctx.workspaceId}:${entityType}:${def.key}:${text}`}))`);
  const deleted = entityType === 'deal' ? sql`` : sql`and deleted_at is null`;
  const [other] = await rows<{ id: string }>(
    ctx.db,
    sql`select id from ${sql.raw(entityTables[entityType])} where workspace_id = ${ctx.workspaceId} and ${customText('', def.key)} = ${text}
        ${recordId ? sql`and id <> ${recordId}` : sql``} ${deleted} limit 1`,
  );
  if (other)
    throw new AppError(
      'custom_value_taken',
      `Another ${entityType} already has ${def.label} (${def.key}) = ${text}; the field is unique.`,
      { path, existingId: other.id },
    );
}
