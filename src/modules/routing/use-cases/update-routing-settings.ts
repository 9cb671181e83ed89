import type { z } from 'zod';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { assertMember } from '../../companies/index.ts';
import type { updateRoutingSettingsBody } from '../http/routing.types.ts';
import { loadRoutingSettings } from '../queries/get-routing-settings.ts';
import { routingSettings } from '../schema.ts';

export type RoutingSettingsInput = z.infer<typeof updateRoutingSettingsBody>;

/**
 * Saves routing, SLA and follow-up settings. A new SLA target or calendar applies to leads assigned
 * from now on; waiting leads keep the due time they were given.
 */
export async function updateRoutingSettings(ctx: Ctx, input: RoutingSettingsInput) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    if (input.fallbackOwnerId) await assertMember(c, input.fallbackOwnerId, ['body', 'fallbackOwnerId']);
    const before = await loadRoutingSettings(tx, ctx.workspaceId);
    const next = {
      enabled: input.enabled ?? before.enabled,
      fallbackOwnerId: input.fallbackOwnerId === undefined ? before.fallbackOwnerId : input.fallbackOwnerId,
      slaMinutes: input.slaMinutes ?? before.slaMinutes,
      businessHours: input.businessHours ?? before.businessHours,
      holidays: input.holidays ? [...new Set(input.holidays)].sort() : before.holidays,
      followUpDays: input.followUpDays === undefined ? before.followUpDays : input.followUpDays,
      digestHour: input.digestHour ?? before.digestHour,
      updatedAt: new Date(),
    };
    await tx
      .insert(routingSettings)
      .values({ workspaceId: ctx.workspaceId, ...next })
      .onConflictDoUpdate({ target: routingSettings.workspaceId, set: next });
    const after = await loadRoutingSettings(tx, ctx.workspaceId);
    await recordAudit(c, { action: 'routing_settings.updated', entityType: 'workspace', entityId: ctx.workspaceId, before, after });
    await emitEvent(c, {
      type: 'routing_settings.updated',
      entityType: 'workspace',
      entityId: ctx.workspaceId,
      data: { enabled: after.enabled },
    });
    return after;
  });
}
