import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { workspaceExports } from '../schema.ts';

export type WorkspaceExportRow = typeof workspaceExports.$inferSelect;

/** A workspace export as the API returns it (the file path stays on the server). */
export function toWorkspaceExport(r: WorkspaceExportRow) {
  return {
    id: r.id,
    status: r.status,
    processedRows: r.processedRows,
    totalRows: r.totalRows,
    bytes: r.bytes,
    counts: r.counts,
    error: r.error,
    jobId: r.jobId,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    expiresAt: r.expiresAt,
    downloadUrl: r.status === 'completed' && r.expiresAt > new Date() ? `/api/workspace-exports/${r.id}/download` : null,
  };
}
export type WorkspaceExport = ReturnType<typeof toWorkspaceExport>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One export of the caller's workspace, with the server-side file path (routes shape it with toWorkspaceExport). */
export async function getWorkspaceExportRow(ctx: Ctx, id: string): Promise<WorkspaceExportRow> {
  if (!uuid.test(id)) throw notFound('workspace_export', id);
  const [row] = await ctx.db
    .select()
    .from(workspaceExports)
    .where(inWorkspace(workspaceExports.workspaceId, ctx, eq(workspaceExports.id, id)));
  if (!row) throw notFound('workspace_export', id);
  return row;
}

/** The workspace's latest exports, newest first. */
export async function listWorkspaceExports(ctx: Ctx, limit = 20) {
  const list = await ctx.db
    .select()
    .from(workspaceExports)
    .where(inWorkspace(workspaceExports.workspaceId, ctx))
    .orderBy(desc(workspaceExports.createdAt), desc(workspaceExports.id))
    .limit(limit);
  return list.map(toWorkspaceExport);
}
