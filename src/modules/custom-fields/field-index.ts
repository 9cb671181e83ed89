import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '../../kernel/db/index.ts';
import { rows } from '../../kernel/db/index.ts';
import { customFieldSql } from '../../kernel/filters/index.ts';
import { type CustomEntityType, entityTables, keyPattern } from './field-rules.ts';
import type { CustomFieldType } from './schema.ts';

const dialect = new PgDialect();
const textTypes = new Set<CustomFieldType>(['text', 'long_text', 'select', 'url', 'email', 'phone']);

/** SQL text of an expression that has no parameters (custom keys are checked literals). */
const render = (expr: SQL) => {
  const q = dialect.sqlToQuery(expr);
  if (q.params.length) throw new Error('index expression must not have parameters');
  return q.sql;
};

/**
 * The indexes a field type gets, keyed by a short code. They index exactly the expressions the
 * filter compiler emits (typed reads; lower() for text equality; lower(left(…, 100)) for text
 * sort), so the planner can use them. Date and datetime casts are not immutable, so those fields
 * (and booleans, multi-selects) get an index on the raw text, which serves uniqueness checks.
 */
function indexesFor(type: CustomFieldType, key: string): Record<string, string> {
  const col = sql.raw('custom');
  const typed = customFieldSql(col, key, type === 'money' ? 'money' : type === 'number' ? 'number' : 'text');
  if (type === 'number' || type === 'money') return { n: render(typed) };
  if (textTypes.has(type)) return { t: render(sql`lower(${typed})`), ts: render(sql`lower(left(${typed}, 100))`) };
  return { r: `(custom->>'${key}')` };
}
const allCodes = ['n', 't', 'ts', 'r'];

export const fieldIndexName = (entityType: CustomEntityType, key: string, code: string) =>
  `cf_${entityTables[entityType]}_${key}_${code}_idx`;

/**
 * Makes the expression indexes of a custom field exist exactly while some workspace has an active,
 * indexed field with that key on that entity. Indexes are shared across workspaces (each leads
 * with workspace_id), so one is dropped only when no active field needs it. An advisory lock on
 * the key serializes the check. Plain CREATE INDEX (not CONCURRENTLY) so it runs inside the use
 * case's transaction.
 */
export async function syncFieldIndex(tx: Executor, entityType: CustomEntityType, key: string): Promise<void> {
  if (!keyPattern.test(key)) throw new Error(`Bad custom field key ${key}`);
  const table = entityTables[entityType];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cf:${table}:${key}`}))`);
  const [exists] = await rows<{ t: string | null }>(tx, sql`select to_regclass(${table})::text as t`);
  // Deals may not exist yet in this version; their indexes are made when the deals module adds the table.
  if (!exists?.t) return;
  const types = await rows<{ type: CustomFieldType }>(
    tx,
    sql`select distinct type from custom_field_definitions where entity_type = ${entityType} and key = ${key} and indexed and archived_at is null`,
  );
  const wanted = new Map<string, string>();
  for (const { type } of types) for (const [code, expr] of Object.entries(indexesFor(type, key))) wanted.set(code, expr);
  for (const code of allCodes) {
    const name = fieldIndexName(entityType, key, code);
    const expr = wanted.get(code);
    if (expr) await tx.execute(sql.raw(`create index if not exists "${name}" on "${table}" (workspace_id, (${expr}))`));
    else await tx.execute(sql.raw(`drop index if exists "${name}"`));
  }
}
