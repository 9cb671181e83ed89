import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { notifyUser } from '../../activities/index.ts';
import { addBusinessMinutes } from '../business-hours.ts';
import { calendarOf, loadRoutingSettings, type RoutingSettings } from '../queries/get-routing-settings.ts';
import { leadAssignments } from '../schema.ts';
import { decideOwner, type RoutingDecision } from './decide-owner.ts';

/** When a lead assigned at `at` must have had its first touch: the SLA target in business minutes later. */
export function dueAtFor(settings: RoutingSettings, at: Date): Date {
  return addBusinessMinutes(at, settings.slaMinutes, calendarOf(settings)) ?? new Date(at.getTime() + settings.slaMinutes * 60_000);
}

/**
 * Records an assignment (replacing the contact's previous one: the SLA clock restarts), audits it,
 * emits `lead.assigned` and tells the new owner. Call inside the transaction that sets the owner.
 */
export async function recordAssignment(
  ctx: Ctx,
  contactId: string,
  decision: Pick<RoutingDecision, 'ownerId' | 'ruleId' | 'ruleName'> & { reason: string },
  settings: RoutingSettings,
  at = new Date(),
) {
  const dueAt = dueAtFor(settings, at);
  const values = {
    ownerId: decision.ownerId,
    ruleId: decision.ruleId,
    ruleName: decision.ruleName,
    reason: decision.reason,
    assignedAt: at,
    dueAt,
    firstTouchAt: null,
    firstTouchActivityId: null,
    responseMinutes: null,
    updatedAt: at,
  };
  await ctx.db
    .insert(leadAssignments)
    .values({ workspaceId: ctx.workspaceId, contactId, ...values })
    .onConflictDoUpdate({ target: [leadAssignments.workspaceId, leadAssignments.contactId], set: values });
  await recordAudit(ctx, {
    action: 'lead.assigned',
    entityType: 'contact',
    entityId: contactId,
    after: { ...decision, dueAt },
  });
  await emitEvent(ctx, {
    type: 'lead.assigned',
    entityType: 'contact',
    entityId: contactId,
    data: { ownerId: decision.ownerId, ruleId: decision.ruleId, reason: decision.reason, dueAt: dueAt.toISOString() },
  });
  if (decision.ownerId && decision.ownerId !== ctx.actor.userId) {
    const [c] = await rows<{ display_name: string }>(
      ctx.db,
      sql`select display_name from contacts where workspace_id = ${ctx.workspaceId} and id = ${contactId}`,
    );
    await notifyUser(ctx.db, {
      workspaceId: ctx.workspaceId,
      userId: decision.ownerId,
      kind: 'lead_assigned',
      title: `New lead for you: ${c?.display_name ?? 'a contact'}`,
      body: `First touch due by ${dueAt.toISOString()}${decision.ruleName ? ` (rule “${decision.ruleName}”)` : ''}`,
      link: `/contacts/${contactId}`,
    });
  }
  return dueAt;
}

/**
 * The lead assigner contacts calls when a contact is created without a named owner (API, import,
 * form): with routing on and the contact a lead, the rules pick the owner (or nobody) and the
 * assignment starts the SLA clock; otherwise undefined keeps the creator as owner.
 */
export async function assignNewLead(ctx: Ctx, contactId: string): Promise<string | null | undefined> {
  const settings = await loadRoutingSettings(ctx.db, ctx.workspaceId);
  if (!settings.enabled) return undefined;
  const decision = await decideOwner(ctx, contactId, settings, { commit: true });
  if (!decision?.isLead) return undefined;
  await recordAssignment(ctx, contactId, decision, settings);
  return decision.ownerId;
}
