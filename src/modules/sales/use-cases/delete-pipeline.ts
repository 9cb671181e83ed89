import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { getPipeline } from '../queries/get-pipelines.ts';
import { pipelineStages, pipelines } from '../schema.ts';

/** Deletes a pipeline and its stages; refused (409 pipeline_has_deals) while it holds deals. */
export async function deletePipeline(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await getPipeline(c, id);
    const [n] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from deals where workspace_id = ${ctx.workspaceId} and pipeline_id = ${id} and deleted_at is null`,
    );
    if (n?.n)
      throw new AppError('pipeline_has_deals', `Pipeline "${before.name}" has ${n.n} deal(s); move or delete them first.`, {
        id,
        deals: n.n,
      });
    await tx.delete(pipelineStages).where(inWorkspace(pipelineStages.workspaceId, ctx, eq(pipelineStages.pipelineId, id)));
    await tx.delete(pipelines).where(inWorkspace(pipelines.workspaceId, ctx, eq(pipelines.id, id)));
    await recordAudit(c, { action: 'pipeline.deleted', entityType: 'pipeline', entityId: id, before });
    await emitEvent(c, { type: 'pipeline.deleted', entityType: 'pipeline', entityId: id, data: { name: before.name } });
  });
}
