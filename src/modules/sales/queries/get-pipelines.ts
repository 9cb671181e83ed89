import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { pipelineStages, pipelines, type StageType } from '../schema.ts';

export interface Stage {
  id: string;
  name: string;
  position: number;
  probability: number;
  type: StageType;
  requiredFields: string[];
  rottingDays: number | null;
}

export interface Pipeline {
  id: string;
  name: string;
  position: number;
  rottingDays: number | null;
  stages: Stage[];
  createdAt: Date;
  updatedAt: Date;
}

const toStage = (s: typeof pipelineStages.$inferSelect): Stage => ({
  id: s.id,
  name: s.name,
  position: s.position,
  probability: s.probability,
  type: s.type,
  requiredFields: s.requiredFields,
  rottingDays: s.rottingDays,
});

/** The workspace's live pipelines in order, each with its stages in order. */
export async function getPipelines(ctx: Ctx, ids?: string[]): Promise<Pipeline[]> {
  const ps = await ctx.db
    .select()
    .from(pipelines)
    .where(inWorkspace(pipelines.workspaceId, ctx, isNull(pipelines.archivedAt), ids ? inArray(pipelines.id, ids) : undefined))
    .orderBy(asc(pipelines.position), asc(pipelines.createdAt));
  if (!ps.length) return [];
  const stages = await ctx.db
    .select()
    .from(pipelineStages)
    .where(
      inWorkspace(
        pipelineStages.workspaceId,
        ctx,
        inArray(
          pipelineStages.pipelineId,
          ps.map((p) => p.id),
        ),
      ),
    )
    .orderBy(asc(pipelineStages.position));
  return ps.map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    rottingDays: p.rottingDays,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    stages: stages.filter((s) => s.pipelineId === p.id).map(toStage),
  }));
}

/** One pipeline with its stages, or 404 pipeline_not_found. */
export async function getPipeline(ctx: Ctx, id: string): Promise<Pipeline> {
  const [p] = await getPipelines(ctx, [id]);
  if (!p) throw new AppError('pipeline_not_found', `No pipeline with id ${id} in this workspace.`, { id });
  return p;
}

/** A stage with its pipeline, or 404 stage_not_found at the path. */
export async function loadStage(ctx: Ctx, stageId: string, path: (string | number)[]) {
  const [row] = await ctx.db
    .select({ stage: pipelineStages, pipelineRotting: pipelines.rottingDays })
    .from(pipelineStages)
    .innerJoin(pipelines, and(eq(pipelines.id, pipelineStages.pipelineId), eq(pipelines.workspaceId, pipelineStages.workspaceId)))
    .where(inWorkspace(pipelineStages.workspaceId, ctx, eq(pipelineStages.id, stageId), isNull(pipelines.archivedAt)));
  if (!row)
    throw new AppError('stage_not_found', `No stage with id ${stageId} in a live pipeline of this workspace.`, { path, id: stageId });
  return { ...toStage(row.stage), pipelineId: row.stage.pipelineId };
}
