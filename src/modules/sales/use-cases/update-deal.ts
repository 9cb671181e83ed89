import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { changedKeys } from '../../companies/index.ts';
import type { DealInput } from '../deal-input.ts';
import { assertStageRequirements } from '../deal-rules.ts';
import { type DealDetail, getDeal, loadDealForUpdate } from '../queries/get-deal.ts';
import { loadStage } from '../queries/get-pipelines.ts';
import { deals } from '../schema.ts';
import { prepareDealFields, writeDealContacts } from './deal-parts.ts';

export type DealChanges = Partial<Omit<DealInput, 'pipelineId' | 'stageId'>>;

/**
 * Changes fields of a deal (not its stage: see moveDeal). Fields the current stage requires cannot
 * be emptied (400 stage_requirements_missing); lists replace, custom values merge (null removes one).
 */
export async function updateDeal(ctx: Ctx, id: string, input: DealChanges): Promise<DealDetail> {
  if (input.name !== undefined && !input.name.trim())
    throw new AppError('validation_failed', 'A deal keeps a name.', { path: ['body', 'name'] });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadDealForUpdate(c, id);
    const before = await getDeal(c, id);
    const { columns, contacts, after } = await prepareDealFields(c, row, input);
    assertStageRequirements(await loadStage(c, row.stageId, ['body']), after, ['body']);
    await tx
      .update(deals)
      .set({ ...columns, updatedAt: new Date() })
      .where(inWorkspace(deals.workspaceId, ctx, eq(deals.id, id)));
    if (contacts) await writeDealContacts(c, id, contacts);
    const detail = await getDeal(c, id);
    const changed = changedKeys(before, detail).filter((k) => k !== 'updatedAt' && k !== 'secondsInStage');
    await recordAudit(c, { action: 'deal.updated', entityType: 'deal', entityId: id, before, after: detail });
    if (changed.length)
      await emitEvent(c, { type: 'deal.updated', entityType: 'deal', entityId: id, data: { changed, name: detail.name } });
    return detail;
  });
}
