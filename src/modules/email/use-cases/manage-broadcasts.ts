import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { checkAudience } from '../audience.ts';
import type { BroadcastInput } from '../http/email.types.ts';
import { sendBroadcastJob } from '../jobs/broadcast-jobs.ts';
import { getBroadcast } from '../queries/get-broadcasts.ts';
import { getTemplate } from '../queries/get-template.ts';
import { getSender } from './manage-senders.ts';

const labels = ['A', 'B', 'C', 'D'];

/** A draft broadcast: audience checked, each variant pinned to its template's current version. */
export async function createBroadcast(ctx: Ctx, input: BroadcastInput) {
  await checkAudience(ctx, input.audience as never, ['body', 'audience']);
  await getSender(ctx, input.senderId);
  const versions: string[] = [];
  for (const [i, v] of input.variants.entries()) {
    try {
      versions.push((await getTemplate(ctx, v.templateId)).current.id);
    } catch {
      throw new AppError('email_template_not_found', `No template with id ${v.templateId}.`, {
        path: ['body', 'variants', i, 'templateId'],
      });
    }
  }
  if (input.subscriptionTypeId) {
    const t = await rows(
      ctx.db,
      sql`select 1 from email_subscription_types where workspace_id = ${ctx.workspaceId} and id = ${input.subscriptionTypeId}`,
    );
    if (!t.length)
      throw new AppError('subscription_type_not_found', `No subscription type with id ${input.subscriptionTypeId}.`, {
        path: ['body', 'subscriptionTypeId'],
      });
  }
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await tx.execute(sql`insert into email_broadcasts (id, workspace_id, name, sender_id, subscription_type_id, campaign_id, audience,
        test_fraction, winner_metric, winner_after_hours, created_by) values (${id}, ${ctx.workspaceId}, ${input.name}, ${input.senderId},
        ${input.subscriptionTypeId ?? null}, ${input.campaignId ?? null}, ${JSON.stringify(input.audience)}::jsonb,
        ${input.variants.length > 1 ? input.testFraction : 0}, ${input.winnerMetric}, ${input.winnerAfterHours}, ${ctx.actor.userId ?? ctx.actor.id})`);
    for (const [i, v] of input.variants.entries())
      await tx.execute(sql`insert into email_broadcast_variants (id, workspace_id, broadcast_id, label, subject, template_version_id)
          values (${newId()}, ${ctx.workspaceId}, ${id}, ${labels[i]!}, ${v.subject ?? null}, ${versions[i]!})`);
    await recordAudit(c, { action: 'email_broadcast.created', entityType: 'email_broadcast', entityId: id, after: input });
    await emitEvent(c, { type: 'email_broadcast.changed', entityType: 'email_broadcast', entityId: id, data: { status: 'draft' } });
  });
  return getBroadcast(ctx, id);
}

async function move(ctx: Ctx, id: string, from: string[], to: string, extra = sql``) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [b] = await rows<{ status: string }>(
      tx,
      sql`select status from email_broadcasts where workspace_id = ${ctx.workspaceId} and id = ${id} for update`,
    );
    if (!b) throw new AppError('email_broadcast_not_found', `No broadcast with id ${id} in this workspace.`, { id });
    if (!from.includes(b.status))
      throw new AppError(
        'broadcast_state',
        `The broadcast is ${b.status}; it can be ${to === 'sending' ? 'sent or resumed' : to} only when ${from.join(' or ')}.`,
        {
          status: b.status,
        },
      );
    await tx.execute(sql`update email_broadcasts set status = ${to}, updated_at = now() ${extra} where id = ${id}`);
    await recordAudit(c, {
      action: `email_broadcast.${to}`,
      entityType: 'email_broadcast',
      entityId: id,
      before: { status: b.status },
      after: { status: to },
    });
    await emitEvent(c, {
      type: 'email_broadcast.changed',
      entityType: 'email_broadcast',
      entityId: id,
      data: { status: to, from: b.status },
    });
    return { tx, c, previous: b.status };
  });
}

/** Sends now, or at `scheduledAt` (the job waits until then). */
export async function sendBroadcast(ctx: Ctx, id: string, scheduledAt?: string | null) {
  const at = scheduledAt ? new Date(scheduledAt) : null;
  if (at && at.getTime() < Date.now() - 60_000)
    throw new AppError('validation_failed', 'The scheduled time is in the past; pick a later time or send now.', {
      path: ['body', 'scheduledAt'],
    });
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await move(c, id, ['draft', 'scheduled'], 'sending', sql`, scheduled_at = ${at}, started_at = coalesce(${at}, now())`);
    await enqueue(
      tx,
      sendBroadcastJob,
      { broadcastId: id },
      { workspaceId: ctx.workspaceId, runAt: at ?? undefined, idempotencyKey: `email.broadcast:${id}:start` },
    );
  });
  return getBroadcast(ctx, id);
}

export async function pauseBroadcast(ctx: Ctx, id: string) {
  await move(ctx, id, ['sending'], 'paused');
  return getBroadcast(ctx, id);
}

export async function resumeBroadcast(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await move(c, id, ['paused'], 'sending');
    await enqueue(tx, sendBroadcastJob, { broadcastId: id }, { workspaceId: ctx.workspaceId });
  });
  return getBroadcast(ctx, id);
}

/** Stops for good: messages not sent yet are cancelled (sent ones stay sent). */
export async function cancelBroadcast(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await move(c, id, ['draft', 'scheduled', 'sending', 'testing', 'paused'], 'cancelled', sql`, finished_at = now()`);
    await tx.execute(sql`update email_messages set status = 'cancelled' where workspace_id = ${ctx.workspaceId} and broadcast_id = ${id}
        and status in ('queued', 'held')`);
  });
  return getBroadcast(ctx, id);
}
