import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { assertStageRequirements } from '../deal-rules.ts';
import { type DealDetail, getDeal, loadDealForUpdate } from '../queries/get-deal.ts';
import { loadStage } from '../queries/get-pipelines.ts';
import { deals, type ForecastCategory } from '../schema.ts';
import { enterStage, prepareDealFields, writeDealContacts } from './deal-parts.ts';
import type { DealChanges } from './update-deal.ts';

export interface MoveDealInput extends DealChanges {
  stageId: string;
}

export interface MoveResult {
  deal: DealDetail;
  fromStageId: string;
  /** Whether the stage changed (moving to the current stage only saves the fields). */
  moved: boolean;
}

/**
 * Moves a deal to a stage (of its pipeline or another), saving the fields given with the move first,
 * so one call can fill what the stage requires. Won and lost stages close the deal (closed_at,
 * forecast category closed / omitted); leaving them reopens it. Emits deal.stage_changed, and
 * deal.won or deal.lost. Flows call this inside their transaction (src/flows/deal-outcomes).
 */
export async function moveDeal(ctx: Ctx, id: string, input: MoveDealInput): Promise<MoveResult> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadDealForUpdate(c, id);
    const before = await getDeal(c, id);
    const stage = await loadStage(c, input.stageId, ['body', 'stageId']);
    const { stageId: _target, ...changes } = input;
    const { columns, contacts, after } = await prepareDealFields(c, row, changes);
    const moved = stage.id !== row.stageId;
    let forecast: ForecastCategory | undefined;
    if (moved && stage.type === 'won') forecast = 'closed';
    else if (moved && stage.type === 'lost') forecast = 'omitted';
    else if (moved && stage.type === 'open' && row.status !== 'open' && changes.forecastCategory === undefined) forecast = 'pipeline';
    assertStageRequirements(stage, { ...after, forecastCategory: forecast ?? after.forecastCategory }, ['body', 'stageId']);
    // A deal lost to a competitor lists that competitor too, so win/loss by competitor sees it.
    const lostTo = moved && stage.type === 'lost' ? (columns.lostTo ?? row.lostTo) : null;
    if (lostTo && !after.competitors.some((x) => x.toLowerCase() === lostTo.toLowerCase()))
      columns.competitors = [...after.competitors, lostTo];
    const now = new Date();
    await tx
      .update(deals)
      .set({
        ...columns,
        updatedAt: now,
        ...(moved && {
          stageId: stage.id,
          pipelineId: stage.pipelineId,
          status: stage.type,
          stageEnteredAt: now,
          closedAt: stage.type === 'open' ? null : now,
        }),
        ...(forecast && { forecastCategory: forecast }),
        ...(moved && stage.type === 'open' && { lossReason: null, lostTo: null }),
      })
      .where(inWorkspace(deals.workspaceId, ctx, eq(deals.id, id)));
    if (contacts) await writeDealContacts(c, id, contacts);
    if (moved) await enterStage(c, { id, pipelineId: stage.pipelineId }, stage.id, row.stageId, now);
    const deal = await getDeal(c, id);
    await recordAudit(c, { action: moved ? 'deal.stage_changed' : 'deal.updated', entityType: 'deal', entityId: id, before, after: deal });
    if (moved) {
      const data = {
        name: deal.name,
        fromStageId: row.stageId,
        toStageId: stage.id,
        pipelineId: stage.pipelineId,
        amount: deal.amount,
        currency: deal.currency,
      };
      await emitEvent(c, { type: 'deal.stage_changed', entityType: 'deal', entityId: id, data });
      if (stage.type === 'won') await emitEvent(c, { type: 'deal.won', entityType: 'deal', entityId: id, data });
      if (stage.type === 'lost')
        await emitEvent(c, {
          type: 'deal.lost',
          entityType: 'deal',
          entityId: id,
          data: { ...data, lossReason: deal.lossReason, lostTo: deal.lostTo },
        });
    }
    return { deal, fromStageId: row.stageId, moved };
  });
}
