import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { fieldsFor } from '../../custom-fields/index.ts';
import { cleanStages, defaultStages, type PipelineInput } from '../pipeline-input.ts';
import { getPipeline, type Pipeline } from '../queries/get-pipelines.ts';
import { pipelineStages, pipelines } from '../schema.ts';

/** The keys of the workspace's deal custom fields (for stage requirements). */
export async function dealCustomKeys(ctx: Ctx): Promise<Set<string>> {
  return new Set((await fieldsFor(ctx, 'deal')).map((f) => f.key));
}

export function checkPipelineName(name: string | undefined, path: (string | number)[]) {
  const n = name?.trim();
  if (!n) throw new AppError('validation_failed', 'Give the pipeline a name.', { path });
  return n;
}

/** Creates a pipeline with its stages (the default sales stages when none are given), after the others. */
export async function createPipeline(ctx: Ctx, input: PipelineInput): Promise<Pipeline> {
  const name = checkPipelineName(input.name, ['body', 'name']);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const stages = cleanStages(input.stages ?? defaultStages, await dealCustomKeys(c), ['body', 'stages']);
    const [pos] = await rows<{ n: number }>(
      tx,
      sql`select coalesce(max(position) + 1, 0)::int as n from pipelines where workspace_id = ${ctx.workspaceId}`,
    );
    const [p] = await tx
      .insert(pipelines)
      .values({ workspaceId: ctx.workspaceId, name, position: pos?.n ?? 0, rottingDays: input.rottingDays ?? null })
      .returning();
    await tx
      .insert(pipelineStages)
      .values(stages.map(({ id: _ignored, ...s }, i) => ({ ...s, workspaceId: ctx.workspaceId, pipelineId: p!.id, position: i })));
    const after = await getPipeline(c, p!.id);
    await recordAudit(c, { action: 'pipeline.created', entityType: 'pipeline', entityId: p!.id, after });
    await emitEvent(c, { type: 'pipeline.created', entityType: 'pipeline', entityId: p!.id, data: { name } });
    return after;
  });
}
