import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../../kernel/http/pagination.ts';
import { imports } from '../schema.ts';

type Row = typeof imports.$inferSelect;

/** An import as the API shows it, with progress and ETA. */
export function toImportView(r: Row) {
  const running = r.status === 'running';
  const bytesPerRow = r.processedRows ? r.bytesRead / r.processedRows : 0;
  const rowsLeft = bytesPerRow ? (r.totalBytes - r.bytesRead) / bytesPerRow : null;
  return {
    id: r.id,
    entity: r.entity,
    fileName: r.fileName,
    mode: r.mode,
    key: r.key,
    status: r.status,
    progress: {
      processedRows: r.processedRows,
      totalRows: r.totalRows,
      bytesRead: r.bytesRead,
      totalBytes: r.totalBytes,
      rowsPerSecond: r.rowsPerSecond,
      etaSeconds: running && rowsLeft !== null && r.rowsPerSecond > 0 ? Math.round(rowsLeft / r.rowsPerSecond) : null,
    },
    counts: { created: r.created, updated: r.updated, skipped: r.skipped, failed: r.failed },
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    undoableUntil: r.status === 'completed' || r.status === 'cancelled' || r.status === 'failed' ? r.undoableUntil : null,
    error: r.error,
  };
}
export type ImportView = ReturnType<typeof toImportView>;

export async function loadImport(ctx: Ctx, id: string, forUpdate = false): Promise<Row> {
  const q = ctx.db
    .select()
    .from(imports)
    .where(inWorkspace(imports.workspaceId, ctx, eq(imports.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('import', id);
  return row;
}

export const getImport = async (ctx: Ctx, id: string) => toImportView(await loadImport(ctx, id));

/** Import history, newest first, by keyset (created_at, id). */
export async function listImports(ctx: Ctx, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const list = await ctx.db
    .select()
    .from(imports)
    .where(
      inWorkspace(
        imports.workspaceId,
        ctx,
        after
          ? or(lt(imports.createdAt, new Date(after[0])), and(eq(imports.createdAt, new Date(after[0])), lt(imports.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(q.limit + 1);
  const page = toPage(list, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(toImportView), nextCursor: page.nextCursor };
}
