import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { loadCampaignRow } from '../campaign-rules.ts';
import { campaignTouchpoints } from '../schema.ts';

/** Records a manual touchpoint (a call after a booth visit, a contact met at a dinner …). */
export async function recordTouchpoint(
  ctx: Ctx,
  campaignId: string,
  input: { contactId: string; occurredAt?: Date; note?: string | null },
) {
  const occurredAt = input.occurredAt ?? new Date();
  if (Number.isNaN(occurredAt.getTime()) || occurredAt.getTime() > Date.now() + 86_400_000)
    throw new AppError('validation_failed', 'A touchpoint happened in the past; give a date up to today.', {
      path: ['body', 'occurredAt'],
    });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await loadCampaignRow(c, campaignId);
    const [contact] = await rows(
      tx,
      sql`select 1 from contacts where workspace_id = ${ctx.workspaceId} and id = ${input.contactId} and deleted_at is null`,
    );
    if (!contact)
      throw new AppError('contact_not_found', `No contact with id ${input.contactId} in this workspace.`, { path: ['body', 'contactId'] });
    const id = newId();
    const [row] = await tx
      .insert(campaignTouchpoints)
      .values({
        id,
        workspaceId: ctx.workspaceId,
        campaignId,
        contactId: input.contactId,
        kind: 'manual',
        occurredAt,
        eventKey: id,
        note: input.note?.trim() || null,
      })
      .returning();
    await recordAudit(c, { action: 'campaign.touchpoint_recorded', entityType: 'campaign', entityId: campaignId, after: row });
    await emitEvent(c, {
      type: 'campaign.touchpoint_recorded',
      entityType: 'campaign',
      entityId: campaignId,
      data: { touchpointId: id, contactId: input.contactId },
    });
    return row!;
  });
}

/** Deletes a manual touchpoint (derived ones follow their facts: delete the event or change the deal instead). */
export async function deleteTouchpoint(ctx: Ctx, campaignId: string, touchpointId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const where = and(
      eq(campaignTouchpoints.workspaceId, ctx.workspaceId),
      eq(campaignTouchpoints.campaignId, campaignId),
      eq(campaignTouchpoints.id, touchpointId),
    );
    const [row] = await tx.select().from(campaignTouchpoints).where(where);
    if (!row) throw new AppError('touchpoint_not_found', `No touchpoint ${touchpointId} on this campaign.`, { id: touchpointId });
    if (row.kind !== 'manual')
      throw new AppError(
        'touchpoint_derived',
        `This ${row.kind} touchpoint comes from the behaviour log or a deal; only manual touchpoints can be deleted.`,
        { id: touchpointId },
      );
    await tx.delete(campaignTouchpoints).where(where);
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'campaign.touchpoint_deleted', entityType: 'campaign', entityId: campaignId, before: row },
    );
  });
}
