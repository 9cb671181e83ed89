import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { cleanStages, type PipelineInput } from '../pipeline-input.ts';
import { getPipeline, type Pipeline } from '../queries/get-pipelines.ts';
import { deals, pipelineStages, pipelines } from '../schema.ts';
import { checkPipelineName, dealCustomKeys } from './create-pipeline.ts';

/**
 * Renames a pipeline, sets its rotting days, or replaces its stage list: stages with an id are kept
 * (deals stay in them; a changed type moves their deals' status along), new ones are added, and a
 * left-out stage is removed — refused with 409 stage_has_deals while deals are in it.
 */
export async function updatePipeline(ctx: Ctx, id: string, input: Partial<PipelineInput>): Promise<Pipeline> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await tx.execute(sql`select 1 from pipelines where workspace_id = ${ctx.workspaceId} and id = ${id} for update`);
    const before = await getPipeline(c, id);
    await tx
      .update(pipelines)
      .set({
        updatedAt: new Date(),
        ...(input.name !== undefined && { name: checkPipelineName(input.name, ['body', 'name']) }),
        ...(input.rottingDays !== undefined && { rottingDays: input.rottingDays }),
      })
      .where(inWorkspace(pipelines.workspaceId, ctx, eq(pipelines.id, id)));
    if (input.stages) {
      const stages = cleanStages(input.stages, await dealCustomKeys(c), ['body', 'stages']);
      const known = new Map(before.stages.map((s) => [s.id, s]));
      stages.forEach((s, i) => {
        if (s.id && !known.has(s.id))
          throw new AppError('stage_not_found', `Stage ${s.id} is not a stage of this pipeline; leave the id out to add a stage.`, {
            path: ['body', 'stages', i, 'id'],
          });
      });
      const keep = stages.flatMap((s) => (s.id ? [s.id] : []));
      const removed = before.stages.filter((s) => !keep.includes(s.id));
      if (removed.length) {
        const busy = await rows<{ stage_id: string; n: number }>(
          tx,
          sql`select stage_id, count(*)::int as n from deals where workspace_id = ${ctx.workspaceId} and stage_id in (${sql.join(
            removed.map((s) => sql`${s.id}`),
            sql`, `,
          )}) and deleted_at is null group by stage_id`,
        );
        if (busy[0]) {
          const stage = removed.find((s) => s.id === busy[0]!.stage_id)!;
          throw new AppError(
            'stage_has_deals',
            `Stage "${stage.name}" still has ${busy[0].n} deal(s); move them to another stage before removing it.`,
            { path: ['body', 'stages'], stageId: stage.id, deals: busy[0].n },
          );
        }
        await tx.delete(pipelineStages).where(
          inWorkspace(
            pipelineStages.workspaceId,
            ctx,
            inArray(
              pipelineStages.id,
              removed.map((s) => s.id),
            ),
          ),
        );
      }
      for (const [i, s] of stages.entries()) {
        const values = { name: s.name, position: i, probability: s.probability, type: s.type, requiredFields: s.requiredFields };
        if (!s.id) {
          await tx.insert(pipelineStages).values({ ...values, rottingDays: s.rottingDays, workspaceId: ctx.workspaceId, pipelineId: id });
          continue;
        }
        await tx
          .update(pipelineStages)
          .set({ ...values, rottingDays: s.rottingDays, updatedAt: new Date() })
          .where(inWorkspace(pipelineStages.workspaceId, ctx, eq(pipelineStages.id, s.id)));
        if (known.get(s.id)!.type !== s.type)
          await tx
            .update(deals)
            .set({ status: s.type, closedAt: s.type === 'open' ? null : sql`coalesce(${deals.closedAt}, ${deals.stageEnteredAt})` })
            .where(and(inWorkspace(deals.workspaceId, ctx, eq(deals.stageId, s.id)), notInArray(deals.status, [s.type])));
      }
    }
    const after = await getPipeline(c, id);
    await recordAudit(c, { action: 'pipeline.updated', entityType: 'pipeline', entityId: id, before, after });
    await emitEvent(c, { type: 'pipeline.updated', entityType: 'pipeline', entityId: id, data: { name: after.name } });
    return after;
  });
}
