import path from 'node:path';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, newId } from '../../../kernel/db/index.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { workspaceExportJob } from '../jobs/workspace-export-job.ts';
import { toWorkspaceExport } from '../queries/get-workspace-export.ts';
import { workspaceExports } from '../schema.ts';

/** Days a finished export stays downloadable. */
export const exportKeepDays = 7;

/** Queues a full export of the caller's workspace as a job writing `<dir>/<workspace>/<export id>.zip`. */
export async function startWorkspaceExport(ctx: Ctx, dir: string) {
  return ctx.db.transaction(async (tx) => {
    const id = newId();
    const [row] = await tx
      .insert(workspaceExports)
      .values({
        id,
        workspaceId: ctx.workspaceId,
        filePath: path.join(dir, ctx.workspaceId, `${id}.zip`),
        createdBy: ctx.actor.userId ?? ctx.actor.id,
        expiresAt: new Date(Date.now() + exportKeepDays * 86_400_000),
      })
      .returning();
    const jobId = await enqueue(
      tx,
      workspaceExportJob,
      { workspaceId: ctx.workspaceId, exportId: id },
      { workspaceId: ctx.workspaceId, idempotencyKey: `workspace-export:${id}` },
    );
    const [withJob] = await tx
      .update(workspaceExports)
      .set({ jobId })
      .where(inWorkspace(workspaceExports.workspaceId, ctx, eq(workspaceExports.id, row!.id)))
      .returning();
    await recordAudit({ ...ctx, db: tx }, { action: 'workspace.export_started', entityType: 'workspace_export', entityId: id });
    return toWorkspaceExport(withJob!);
  });
}
