import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { workspaceCurrency } from '../../companies/index.ts';
import type { DealInput } from '../deal-input.ts';
import { assertStageRequirements } from '../deal-rules.ts';
import { type DealDetail, getDeal } from '../queries/get-deal.ts';
import { getPipeline, getPipelines, loadStage } from '../queries/get-pipelines.ts';
import { deals } from '../schema.ts';
import { enterStage, prepareDealFields, writeDealContacts } from './deal-parts.ts';

/** The stage a new deal starts in: the given one, or the first open stage of the given (or first) pipeline. */
async function startStage(ctx: Ctx, input: Pick<DealInput, 'pipelineId' | 'stageId'>) {
  if (input.stageId) {
    const stage = await loadStage(ctx, input.stageId, ['body', 'stageId']);
    if (input.pipelineId && input.pipelineId !== stage.pipelineId)
      throw new AppError('validation_failed', 'The stage belongs to another pipeline; leave pipelineId out or pick one of its stages.', {
        path: ['body', 'stageId'],
      });
    return stage;
  }
  const pipeline = input.pipelineId ? await getPipeline(ctx, input.pipelineId) : (await getPipelines(ctx))[0];
  if (!pipeline) throw new AppError('no_pipeline', 'This workspace has no pipeline yet; create one with POST /api/pipelines first.');
  const stage = pipeline.stages.find((s) => s.type === 'open')!;
  return { ...stage, pipelineId: pipeline.id };
}

/**
 * Creates a deal in an open stage (won and lost are reached by moving it, which runs the win/loss
 * flow), checking the stage's required fields; currency defaults to the workspace's, owner to the caller.
 */
export async function createDeal(ctx: Ctx, input: DealInput): Promise<DealDetail> {
  if (!input.name?.trim()) throw new AppError('validation_failed', 'Give the deal a name.', { path: ['body', 'name'] });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const stage = await startStage(c, input);
    if (stage.type !== 'open')
      throw new AppError(
        'deal_stage_closed',
        `"${stage.name}" is a ${stage.type} stage; create the deal in an open stage, then move it with POST /api/deals/:id/move.`,
        { path: ['body', 'stageId'] },
      );
    const ownerId = input.ownerId === undefined ? (ctx.actor.userId ?? null) : input.ownerId;
    const { columns, after } = await prepareDealFields(c, null, {
      ...input,
      ownerId,
      currency: input.currency ?? (await workspaceCurrency(c)),
      contacts: input.contacts ?? [],
    });
    assertStageRequirements(stage, after, ['body', 'stageId']);
    const now = new Date();
    const [row] = await tx
      .insert(deals)
      .values({
        ...columns,
        name: columns.name!,
        currency: columns.currency!,
        workspaceId: ctx.workspaceId,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        status: 'open',
        stageEnteredAt: now,
      })
      .returning();
    await writeDealContacts(c, row!.id, input.contacts ?? []);
    await enterStage(c, row!, stage.id, null, now);
    const deal = await getDeal(c, row!.id).catch(() => null);
    const shown = deal ?? (await getDeal({ ...c, actor: { ...c.actor, role: 'admin' } }, row!.id));
    await recordAudit(c, { action: 'deal.created', entityType: 'deal', entityId: row!.id, after: shown });
    await emitEvent(c, {
      type: 'deal.created',
      entityType: 'deal',
      entityId: row!.id,
      data: { name: row!.name, pipelineId: stage.pipelineId, stageId: stage.id, amount: row!.amount, currency: row!.currency, ownerId },
    });
    return shown;
  });
}
