import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import {
  type CompiledSort,
  compileFilter,
  compileSort,
  type FilterPath,
  keysetAfter,
  type SortSpec,
} from '../../../kernel/filters/index.ts';
import { getView } from '../../views/index.ts';
import { safeCell } from '../csv-cell.ts';
import { cellSql, type ExportColumn, type ExportEntity, recordSources } from '../record-sources.ts';

export interface ExportRequest {
  filter?: unknown;
  sort?: SortSpec;
  columns?: string[];
  /** A saved or built-in view: its filter, sort and columns are the defaults (an explicit filter is ANDed in). */
  viewId?: string;
  /** Header row: field labels (default, for people) or keys (for scripts and re-imports). */
  headers?: 'labels' | 'keys';
  /** Rows per query (keyset batch). */
  batchSize?: number;
  /** Called after each batch with the rows read so far (CLI progress). */
  onProgress?(rows: number): void;
}

export interface PreparedExport {
  columns: ExportColumn[];
  fileName: string;
  /** The CSV (UTF-8 with BOM), produced batch by batch as the reader pulls. */
  stream(): Readable;
  /** How many rows match (one count query; for progress). */
  count(): Promise<number>;
}

const paths = { filter: ['query', 'filter'] as FilterPath, sort: ['query', 'sort'] as FilterPath, columns: ['query', 'columns'] };

/**
 * Checks an export request (filter, sort, columns, view) and returns a CSV stream of the matching records
 * the caller may see, in the asked sort (else newest first). Everything that can be wrong with the request fails
 * here, before a byte is sent; the stream then reads keyset batches through the same compiled filter and sort as
 * the list API, so memory stays constant however many rows match.
 */
export async function exportRecordsCsv(ctx: Ctx, entity: ExportEntity, req: ExportRequest): Promise<PreparedExport> {
  const source = recordSources[entity];
  let { filter, sort, columns } = req;
  if (req.viewId) {
    const view = await getView(ctx, req.viewId);
    if (view.entityType !== source.viewType)
      throw new AppError(
        'validation_failed',
        `View ${req.viewId} lists ${view.entityType} records, not ${entity}; pick a ${entity} view.`,
        {
          path: ['query', 'view'],
        },
      );
    const viewFilter = view.definition.filter;
    filter = filter === undefined ? viewFilter : viewFilter === undefined ? filter : { and: [viewFilter, filter] };
    sort = sort?.length ? sort : view.definition.sort;
    columns = columns?.length ? columns : view.definition.columns;
  }
  const registry = await source.registry(ctx);
  const [ws] = await rows<{ timezone: string }>(ctx.db, sql`select timezone from workspaces where id = ${ctx.workspaceId}`);
  const where =
    filter === undefined || filter === null
      ? sql`true`
      : compileFilter(filter, registry, { path: paths.filter, timeZone: ws?.timezone ?? 'UTC' });
  const pager = sort?.length ? sortedPager(compileSort(sort, registry, paths.sort)) : newestFirstPager(source.newestFirst);
  const available = new Map<string, ExportColumn>();
  for (const f of registry.fields.values()) available.set(f.key, { key: f.key, label: f.label, sql: cellSql(f) });
  for (const d of source.derived) available.set(d.key, d);
  const picked = pickExportColumns(available, columns);
  await recordAudit(ctx, {
    action: `${entity}.exported`,
    entityType: entity,
    after: { filter: filter ?? null, viewId: req.viewId ?? null, columns: picked.map((p) => p.key) },
  });

  const select = sql.join(
    picked.map((col, i) => sql`${col.sql} as ${sql.raw(`"c${i}"`)}`),
    sql.raw(', '),
  );
  const cond = sql`${source.scope(ctx)} and (${where})`;
  const batchSize = req.batchSize ?? 1000;
  async function* batches() {
    let after = sql`true`;
    let done = 0;
    for (;;) {
      const got = await rows<Record<string, unknown>>(
        ctx.db,
        sql`select ${select}, ${pager.select} from ${source.from} where ${cond} and ${after} order by ${pager.orderBy} limit ${batchSize}`,
      );
      for (const r of got) yield picked.map((_, i) => safeCell(r[`c${i}`]));
      done += got.length;
      req.onProgress?.(done);
      if (got.length < batchSize) return;
      after = pager.after(got[got.length - 1]!);
    }
  }
  const header = picked.map((p) => (req.headers === 'keys' ? p.key : p.label));
  return {
    columns: picked,
    fileName: `${entity}-${new Date().toISOString().slice(0, 10)}.csv`,
    stream: () => Readable.from(batches()).pipe(stringify({ header: true, columns: header, bom: true })),
    count: async () => (await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from ${source.from} where ${cond}`))[0]?.n ?? 0,
  };
}

interface Pager {
  select: SQL;
  orderBy: SQL;
  /** The condition "comes after this row" for the next batch. */
  after(row: Record<string, unknown>): SQL;
}

/** Pages in the asked-for sort with the list's keyset condition (mixed directions, NULLS LAST). */
function sortedPager(sort: CompiledSort): Pager {
  return { select: sort.cursorSelect, orderBy: sort.orderBy, after: (row) => keysetAfter(sort, sort.cursorOf(row)) };
}

/** Newest first by (time, id), both NOT NULL, as a row comparison: an index range scan, each row read once. */
function newestFirstPager(k: { time: SQL; id: SQL }): Pager {
  return {
    select: sql`to_char(${k.time} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "_t", ${k.id} as "_id"`,
    orderBy: sql`${k.time} desc, ${k.id} desc`,
    after: (row) => sql`(${k.time}, ${k.id}) < (${row._t}::timestamptz, ${row._id}::uuid)`,
  };
}

/** The asked-for columns in order (unknown ones are a 400 naming the column), or every column: built-ins, derived, custom. */
function pickExportColumns(available: Map<string, ExportColumn>, columns: string[] | undefined): ExportColumn[] {
  if (!columns?.length) {
    const all = [...available.values()];
    return [...all.filter((c) => !c.key.startsWith('custom.')), ...all.filter((c) => c.key.startsWith('custom.'))];
  }
  return columns.map((key, i) => {
    const col = available.get(key);
    if (!col)
      throw new AppError('validation_failed', `Unknown column "${key}"; export columns are ${[...available.keys()].join(', ')}.`, {
        path: [...paths.columns, i],
      });
    return col;
  });
}
