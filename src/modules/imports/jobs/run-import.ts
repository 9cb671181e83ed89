import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Actor, Ctx } from '../../../kernel/context.ts';
import type { Database } from '../../../kernel/db/index.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { BatchOutcome, Checked, MappedRow, RowError, RunSettings } from '../entities/entity.ts';
import { importEntity } from '../entities/registry.ts';
import { recordset } from '../entities/row-values.ts';
import { formatOf, loadImportFile } from '../import-files.ts';
import { compileMapping, mapRow } from '../mapping/map-row.ts';
import { readRecords } from '../parse/read-records.ts';
import { imports } from '../schema.ts';
import { removeImportFile } from '../use-cases/remove-import-files.ts';
import { addTime, printProfile, profiled, profiling } from './import-profile.ts';

export type ImportRow = typeof imports.$inferSelect;
export const undoDays = 7;

export interface RunHooks {
  progress(value: Record<string, unknown>): Promise<void>;
  cancelled(): Promise<boolean>;
}

const lockImport = async (ctx: Ctx, id: string) =>
  (
    await ctx.db
      .select()
      .from(imports)
      .where(inWorkspace(imports.workspaceId, ctx, eq(imports.id, id)))
      .for('update')
  )[0];

/**
 * Runs an import from its checkpoint: reads the file after the last committed record, checks rows in JS,
 * writes each batch set-based and moves the checkpoint and counts in the same transaction — so a crash
 * or restart resumes without writing a row twice. Stops between batches when the import was cancelled.
 */
export async function runImport(database: Database, workspaceId: string, importId: string, hooks: RunHooks, batchSize = 5000) {
  const db = database.db;
  const [first] = await db
    .select()
    .from(imports)
    .where(inWorkspace(imports.workspaceId, { workspaceId }, eq(imports.id, importId)));
  if (!first || (first.status !== 'queued' && first.status !== 'running')) return { stopped: `import is ${first?.status ?? 'gone'}` };
  const ctx: Ctx = { db, workspaceId, actor: first.actor as unknown as Actor, requestId: `import:${importId}` };
  await db
    .update(imports)
    .set({ status: 'running', startedAt: first.startedAt ?? new Date(), updatedAt: new Date() })
    .where(eq(imports.id, importId));
  const file = await loadImportFile(ctx, first.fileId);
  const format = formatOf(file);
  const entity = importEntity(first.entity);
  const compiled = compileMapping(file.headers, first.mapping, await entity.fields(ctx));
  const entityRun = await entity.prepare(ctx, compiled.columnOf);
  const run: RunSettings = {
    importId,
    mode: first.mode as RunSettings['mode'],
    key: first.key as RunSettings['key'],
    duplicatesInFile: first.duplicatesInFile as RunSettings['duplicatesInFile'],
    columnOf: compiled.columnOf,
  };
  const startedAt = Date.now();
  let rowsThisRun = 0;
  let bytes = 0;
  let batch: MappedRow[] = [];
  let extras = new Map<number, number>();
  let lastRecord = first.checkpointRow;
  let committedUpTo = first.checkpointRow;

  /**
   * Checks a batch's rows. Entities check without the database (definitions, members and region were
   * loaded by prepare; uniqueness is claimed in writeBatch), so this runs outside the batch's transaction,
   * while the previous batch is still being written: reading, parsing and checking overlap the writes.
   */
  const checkBatch = async (rowsInBatch: MappedRow[], extraCells: Map<number, number>) => {
    const t0 = performance.now();
    const checked: Checked<unknown>[] = [];
    for (const r of rowsInBatch) {
      const n = extraCells.get(r.rowNumber);
      checked.push(
        n
          ? {
              ok: false,
              rowNumber: r.rowNumber,
              errors: [
                { column: null, field: null, value: null, problem: `The row has ${n} more cell(s) than the header; check its quoting.` },
              ],
            }
          : await entityRun.check(ctx, r),
      );
    }
    if (profiling()) addTime('js: check rows', performance.now() - t0);
    return checked;
  };

  const commit = async (checked: Checked<unknown>[], upTo: number, bytesAt: number): Promise<boolean> => {
    const done = await db.transaction(async (tx) => {
      const c = profiled({ ...ctx, db: tx });
      // GIN indexes serve only bitmap scans. Without fresh statistics (a new or fast-growing table) the planner
      // takes the trigram GIN index for `email = any(…)` and scans its pending list once per key — 35 s for a
      // batch of 5,000 instead of 20 ms through the primary key. Key lookups here are all btree lookups.
      await tx.execute(sql`set local enable_bitmapscan = off`);
      // A batch and its checkpoint commit together, so a commit lost in a server crash is redone on resume:
      // waiting for the WAL flush buys nothing here.
      if (database.kind === 'postgres') await tx.execute(sql`set local synchronous_commit = off`);
      // The trigram and tag GIN indexes take new entries into a pending list that is merged into the index
      // in bulk when it outgrows this limit: a larger list means fewer, more efficient merges per batch.
      if (database.kind === 'postgres') await tx.execute(sql`set local gin_pending_list_limit = '64MB'`);
      const imp = await lockImport(c, importId);
      // Another runner (a second worker, the CLI) moved the checkpoint: leave the import to it.
      if (imp?.status !== 'running' || imp.checkpointRow !== committedUpTo) return null;
      const good = checked.filter((x): x is Extract<Checked<unknown>, { ok: true }> => x.ok);
      const out: BatchOutcome = good.length
        ? await entityRun.writeBatch(c, good, run)
        : { created: 0, updated: 0, skipped: 0, failed: 0, written: 0, errors: [] };
      const bad = checked.filter((x): x is Extract<Checked<unknown>, { ok: false }> => !x.ok);
      const errors: (RowError & { rowNumber: number })[] = [
        ...bad.flatMap((b) => b.errors.map((e) => ({ ...e, rowNumber: b.rowNumber }))),
        ...out.errors,
      ];
      await insertErrors(c, importId, errors);
      rowsThisRun += checked.length;
      const seconds = (Date.now() - startedAt) / 1000;
      const [after] = await tx
        .update(imports)
        .set({
          checkpointRow: upTo,
          processedRows: imp.processedRows + checked.length,
          bytesRead: Math.max(imp.bytesRead, Math.min(bytesAt, imp.totalBytes)),
          created: imp.created + out.created,
          updated: imp.updated + out.updated,
          skipped: imp.skipped + out.skipped,
          failed: imp.failed + out.failed + bad.length,
          rowsPerSecond: Math.round(rowsThisRun / Math.max(seconds, 0.001)),
          updatedAt: new Date(),
        })
        .where(eq(imports.id, importId))
        .returning();
      if (out.written)
        await emitEvent(c, {
          type: 'import.batch_committed',
          entityType: 'import',
          entityId: importId,
          data: { entity: imp.entity, created: out.created, updated: out.updated, toRow: upTo },
        });
      return after!;
    });
    if (!done) return false;
    committedUpTo = upTo;
    const bytesPerSecond = (done.bytesRead - first.bytesRead) / Math.max((Date.now() - startedAt) / 1000, 0.001);
    await hooks.progress({
      processedRows: done.processedRows,
      rowsPerSecond: done.rowsPerSecond,
      bytesRead: done.bytesRead,
      totalBytes: done.totalBytes,
      etaSeconds: bytesPerSecond > 0 ? Math.round((done.totalBytes - done.bytesRead) / bytesPerSecond) : null,
    });
    return !(await hooks.cancelled());
  };

  // One batch is written while the next is read and checked; commits stay in order, one at a time.
  let writing: Promise<boolean> | null = null;
  const flush = async () => {
    const rowsInBatch = batch;
    const extraCells = extras;
    const upTo = lastRecord;
    const bytesAt = bytes;
    batch = [];
    extras = new Map();
    const checked = await checkBatch(rowsInBatch, extraCells);
    if (writing && !(await writing)) return false;
    writing = commit(checked, upTo, bytesAt);
    // Awaited before the next commit or at the end; this only keeps a failure from counting as unhandled meanwhile.
    writing.catch(() => {});
    return true;
  };
  for await (const rec of readRecords(file.storedAs, format, { skipRecords: first.checkpointRow, onBytes: (b) => (bytes = b) })) {
    lastRecord = rec.rowNumber;
    if (format.hasHeader && rec.rowNumber === 1) continue;
    const { row, extra } = mapRow(compiled, rec.rowNumber, rec.cells);
    if (extra) extras.set(rec.rowNumber, extra);
    batch.push(row);
    if (batch.length >= batchSize && !(await flush())) return { stopped: 'cancelled' };
  }
  if (batch.length && !(await flush())) return { stopped: 'cancelled' };
  if (writing && !(await writing)) return { stopped: 'cancelled' };
  const done = await finishImport(ctx, importId, lastRecord);
  // The upload is not needed any more (error reports and undo live in the database).
  await removeImportFile(db, workspaceId, first.fileId);
  printProfile();
  return done;
}

async function finishImport(ctx: Ctx, importId: string, lastRecord: number) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const imp = await lockImport(c, importId);
    if (imp?.status !== 'running') return { stopped: `import is ${imp?.status}` };
    const now = new Date();
    const [done] = await tx
      .update(imports)
      .set({
        status: 'completed',
        checkpointRow: lastRecord,
        totalRows: imp.processedRows,
        bytesRead: imp.totalBytes,
        finishedAt: now,
        undoableUntil: new Date(now.getTime() + undoDays * 86_400_000),
        updatedAt: now,
      })
      .where(eq(imports.id, importId))
      .returning();
    const counts = { created: done!.created, updated: done!.updated, skipped: done!.skipped, failed: done!.failed };
    await recordAudit(c, {
      action: 'import.completed',
      entityType: 'import',
      entityId: importId,
      after: { entity: imp.entity, file: imp.fileName, ...counts },
    });
    await emitEvent(c, { type: 'import.completed', entityType: 'import', entityId: importId, data: { entity: imp.entity, ...counts } });
    return { status: 'completed', ...counts };
  });
}

async function insertErrors(ctx: Ctx, importId: string, errors: (RowError & { rowNumber: number })[]) {
  if (!errors.length) return;
  const seq = new Map<number, number>();
  const list = errors.map((e) => {
    const n = seq.get(e.rowNumber) ?? 0;
    seq.set(e.rowNumber, n + 1);
    return { row: e.rowNumber, seq: n, column: e.column, field: e.field, value: e.value, problem: e.problem };
  });
  await ctx.db.execute(sql`
    insert into import_errors (workspace_id, import_id, row_number, seq, "column", field, value, problem)
    select ${ctx.workspaceId}, ${importId}, x.row, x.seq, x."column", x.field, x.value, x.problem
    from ${recordset(list, 'row int, seq int, "column" text, field text, value text, problem text')}`);
}
