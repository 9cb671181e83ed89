import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { BatchOutcome, RowError, RunSettings } from './entity.ts';
import { recordset, shown } from './row-values.ts';

const jsonList = (list: string[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(list)}::jsonb))`;

/** Records this import already created or updated (in an earlier batch): a second row for one is a duplicate in the file. */
export async function changedByThisImport(ctx: Ctx, importId: string, entityType: string, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const list = await rows<{ record_id: string; row_number: number }>(
    ctx.db,
    sql`select record_id, row_number from import_changes where workspace_id = ${ctx.workspaceId} and import_id = ${importId}
        and entity_type = ${entityType} and record_id = any(array(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid))`,
  );
  return new Map(list.map((r) => [r.record_id, r.row_number]));
}

/** Remembers what the import did to each record; the first change of a record wins (undo restores the original). */
export async function recordChanges(
  ctx: Ctx,
  importId: string,
  entityType: string,
  list: { record_id: string; action: 'created' | 'updated'; row_number: number; before?: unknown }[],
) {
  if (!list.length) return;
  await ctx.db.execute(sql`
    insert into import_changes (workspace_id, import_id, entity_type, record_id, action, row_number, before)
    select ${ctx.workspaceId}, ${importId}, ${entityType}, x.record_id, x.action, x.row_number, x.before
    from ${recordset(list, 'record_id uuid, action text, row_number int, before jsonb')}
    on conflict do nothing`);
}

/** Live records by external id. */
export async function findByExternalId(ctx: Ctx, entityType: string, table: 'contacts' | 'companies' | 'deals', ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const list = await rows<{ external_id: string; record_id: string }>(
    ctx.db,
    sql`select e.external_id, e.record_id from external_ids e join ${sql.raw(table)} r on r.workspace_id = e.workspace_id and r.id = e.record_id
        where e.workspace_id = ${ctx.workspaceId} and e.entity_type = ${entityType} and r.deleted_at is null and e.external_id = any(array${jsonList(ids)})`,
  );
  return new Map(list.map((r) => [r.external_id, r.record_id]));
}

/** Points external ids at records (an id that pointed at a deleted record moves to the new one). */
export async function linkExternalIds(ctx: Ctx, entityType: string, list: { external_id: string; record_id: string }[]) {
  if (!list.length) return;
  await ctx.db.execute(sql`
    insert into external_ids (workspace_id, entity_type, external_id, record_id)
    select ${ctx.workspaceId}, ${entityType}, x.external_id, x.record_id from ${recordset(list, 'external_id text, record_id uuid')}
    on conflict (workspace_id, entity_type, external_id) do update set record_id = excluded.record_id`);
}

/** Collects the outcome of a batch. */
export class Outcome implements BatchOutcome {
  created = 0;
  updated = 0;
  skipped = 0;
  failed = 0;
  written = 0;
  errors: (RowError & { rowNumber: number })[] = [];
  /** A row that did not go in: skipped (already there / not found / erased) or failed. */
  reject(rowNumber: number, kind: 'skipped' | 'failed', field: string | null, run: RunSettings, value: string | null, problem: string) {
    if (kind === 'skipped') this.skipped++;
    else this.failed++;
    this.errors.push({ rowNumber, column: field ? (run.columnOf.get(field) ?? null) : null, field, value: shown(value), problem });
  }
}

/**
 * Rows with the same key inside one batch: `merge` folds later rows into the first (their given values
 * win); `report` rejects them, naming the row they repeat. Returns the rows to write and how many were merged.
 */
export function foldDuplicates<T extends { rowNumber: number }>(
  list: T[],
  keyOf: (r: T) => string | null,
  run: RunSettings,
  out: Outcome,
  merge: (into: T, from: T) => void,
  keyField: string,
): T[] {
  const first = new Map<string, T>();
  const kept: T[] = [];
  for (const r of list) {
    const k = keyOf(r);
    const prev = k === null ? undefined : first.get(k);
    if (!prev) {
      if (k !== null) first.set(k, r);
      kept.push(r);
    } else if (run.duplicatesInFile === 'merge') {
      merge(prev, r);
      out.updated++;
      out.written++;
    } else
      out.reject(
        r.rowNumber,
        'failed',
        keyField,
        run,
        k,
        `Duplicate of row ${prev.rowNumber} (same ${keyField}); fix or remove one of them.`,
      );
  }
  return kept;
}
