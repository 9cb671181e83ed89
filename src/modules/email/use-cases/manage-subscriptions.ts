import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { subscriptionTypeBody } from '../http/email.types.ts';
import type { SuppressionReason } from '../schema.ts';

export async function getSubscriptionTypes(ctx: Ctx) {
  return rows<{ id: string; key: string; name: string; description: string }>(
    ctx.db,
    sql`select id, key, name, description from email_subscription_types where workspace_id = ${ctx.workspaceId} order by name`,
  );
}

export async function createSubscriptionType(ctx: Ctx, input: z.output<typeof subscriptionTypeBody>) {
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const taken = await rows(
      tx,
      sql`select 1 from email_subscription_types where workspace_id = ${ctx.workspaceId} and key = ${input.key}`,
    );
    if (taken.length)
      throw new AppError('subscription_type_taken', `A subscription type with key ${input.key} exists.`, { path: ['body', 'key'] });
    await tx.execute(sql`insert into email_subscription_types (id, workspace_id, key, name, description)
        values (${id}, ${ctx.workspaceId}, ${input.key}, ${input.name}, ${input.description})`);
    await recordAudit(c, { action: 'email_subscription_type.created', entityType: 'email_subscription_type', entityId: id, after: input });
    await emitEvent(c, {
      type: 'email_settings.changed',
      entityType: 'email_subscription_type',
      entityId: id,
      data: { change: 'subscription_type_created' },
    });
  });
  return { id, ...input };
}

/** Adds an address to the suppression list (a stronger reason replaces a weaker one: manual < soft < unsubscribe < hard/complaint, since hard bounces and
 * complaints stop transactional mail too). */
export async function suppressAddress(
  ctx: Ctx,
  input: { email: string; reason: SuppressionReason; detail?: string; contactId?: string | null },
) {
  const email = input.email.trim().toLowerCase();
  await ctx.db.execute(sql`insert into email_suppressions (workspace_id, email, reason, detail, contact_id)
      values (${ctx.workspaceId}, ${email}, ${input.reason}, ${input.detail ?? ''}, ${input.contactId ?? null})
      on conflict (workspace_id, email) do update set reason = excluded.reason, detail = excluded.detail,
        contact_id = coalesce(excluded.contact_id, email_suppressions.contact_id)
        where email_suppressions.reason in ('manual', 'soft_bounces')
          or (email_suppressions.reason = 'unsubscribed' and excluded.reason in ('hard_bounce', 'complaint'))`);
  await recordAudit(ctx, {
    action: 'email.suppressed',
    entityType: 'email_suppression',
    entityId: input.contactId ?? undefined,
    after: { email, reason: input.reason },
  });
}

export async function removeSuppression(ctx: Ctx, email: string) {
  const gone = await rows(
    ctx.db,
    sql`delete from email_suppressions where workspace_id = ${ctx.workspaceId} and email = ${email.trim().toLowerCase()} returning email`,
  );
  if (!gone.length)
    throw new AppError('email_suppression_not_found', `${email} is not on the suppression list.`, { path: ['params', 'email'] });
  await recordAudit(ctx, { action: 'email.unsuppressed', entityType: 'email_suppression', after: { email } });
}

export async function getSuppressions(ctx: Ctx, q: { q?: string; reason?: SuppressionReason; after?: string; limit: number }) {
  const r = await rows<{ email: string; reason: SuppressionReason; detail: string; contactId: string | null; createdAt: string }>(
    ctx.db,
    sql`select email, reason, detail, contact_id as "contactId", created_at as "createdAt" from email_suppressions
        where workspace_id = ${ctx.workspaceId} ${q.reason ? sql`and reason = ${q.reason}` : sql``}
          ${q.q ? sql`and email like ${`%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`}` : sql``}
          ${q.after ? sql`and email > ${q.after}` : sql``}
        order by email limit ${q.limit + 1}`,
  );
  const items = r.slice(0, q.limit).map((x) => ({ ...x, createdAt: new Date(x.createdAt).toISOString() }));
  return { items, next: r.length > q.limit ? items[items.length - 1]!.email : null };
}
