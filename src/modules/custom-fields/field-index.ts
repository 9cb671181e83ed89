import { sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/index.ts';
import { rows } from '../../kernel/db/index.ts';
import { type CustomEntityType, entityTables, indexName, keyPattern } from './field-rules.ts';

/**
 * Makes the expression index on (workspace_id, custom->>'key') exist exactly while some workspace
 * has an active, indexed field with that key on that entity. The index is shared across workspaces
 * (its leading workspace_id column keeps each workspace's entries apart), so it is dropped only when
 * the last such field is archived or un-indexed. An advisory lock on the name serializes the check.
 * Plain CREATE INDEX (not CONCURRENTLY) so it can run inside the use case's transaction.
 */
export async function syncFieldIndex(tx: Executor, entityType: CustomEntityType, key: string): Promise<void> {
  if (!keyPattern.test(key)) throw new Error(`Bad custom field key ${key}`);
  const table = entityTables[entityType];
  const name = indexName(entityType, key);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
  const [exists] = await rows<{ t: string | null }>(tx, sql`select to_regclass(${table})::text as t`);
  // Deals may not exist yet in this version; their indexes are made when the deals module adds the table.
  if (!exists?.t) return;
  const [used] = await rows(
    tx,
    sql`select 1 from custom_field_definitions where entity_type = ${entityType} and key = ${key} and indexed and archived_at is null limit 1`,
  );
  if (used) await tx.execute(sql.raw(`create index if not exists "${name}" on "${table}" (workspace_id, (custom->>'${key}'))`));
  else await tx.execute(sql.raw(`drop index if exists "${name}"`));
}
