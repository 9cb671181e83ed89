import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes, subscribe } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { registerLeadAssigner } from '../contacts/index.ts';
import { leadRoutes } from './http/lead-routes.ts';
import { ruleRoutes } from './http/rule-routes.ts';
import { followUpsJob } from './jobs/run-follow-ups.ts';
import { loadRoutingSettings } from './queries/get-routing-settings.ts';
import { assignNewLead } from './use-cases/assign-lead.ts';
import { followOwnerChange } from './use-cases/follow-owner-change.ts';
import { recordFirstTouch } from './use-cases/record-first-touch.ts';

export {
  addBusinessMinutes,
  type BusinessHours,
  type BusinessWindow,
  businessMinutesBetween,
  isOpen,
  zonedTime,
} from './business-hours.ts';
export { routingDemoLeads, seedRoutingDemo } from './demo.ts';
export { type FollowUpSource, notFollowedUp, registerFollowUpSource, type StaleRecord } from './follow-ups/follow-up-sources.ts';
export * as routingTypes from './http/routing.types.ts';
export { followUpsJob, runFollowUps } from './jobs/run-follow-ups.ts';
export { getLeadsQueue, leadsQueueSql } from './queries/get-leads-queue.ts';
export { getResponseTimes, responseTimesSql } from './queries/get-response-times.ts';
export { getRoutingRules } from './queries/get-routing-rules.ts';
export { getRoutingSettings, type RoutingSettings } from './queries/get-routing-settings.ts';
export { previewRouting } from './queries/preview-routing.ts';
export { followUps, leadAssignments, routingRules, routingSettings } from './schema.ts';
export { assignNewLead } from './use-cases/assign-lead.ts';
export { createRoutingRule } from './use-cases/create-routing-rule.ts';
export { deleteRoutingRule } from './use-cases/delete-routing-rule.ts';
export { recordFirstTouch } from './use-cases/record-first-touch.ts';
export { reorderRoutingRules } from './use-cases/reorder-routing-rules.ts';
export { routeLead } from './use-cases/route-lead.ts';
export { updateRoutingRule } from './use-cases/update-routing-rule.ts';
export { updateRoutingSettings } from './use-cases/update-routing-settings.ts';

registerPermissions({
  'routing:read': { kind: 'read', roles, description: 'See lead routing rules, the SLA target and business hours' },
  'routing:manage': { kind: 'write', roles: ['admin'], description: 'Change lead routing rules, SLA and follow-up settings' },
  'leads:read': { kind: 'read', roles, description: 'See the leads waiting for a first touch and response times (reps: their own)' },
  'leads:route': { kind: 'write', roles: ['admin', 'sales_manager'], description: 'Run the routing rules again for a lead' },
});
registerErrorCodes({ routing_rule_not_found: 404 });
registerEventTypes([
  {
    type: 'lead.assigned',
    description: 'Routing (or a person) gave a lead an owner, or left it unassigned; data.dueAt is the first-touch target',
  },
  { type: 'routing_rule.changed', description: 'A routing rule was created, changed, deleted or the rules were reordered' },
  { type: 'routing_settings.updated', description: 'Routing, SLA or follow-up settings changed' },
]);

// Routing runs inside the contact-create transaction (see docs/ARCHITECTURE.md, "Lead routing").
registerLeadAssigner(assignNewLead, async (ctx) => (await loadRoutingSettings(ctx.db, ctx.workspaceId)).enabled);

const contactIdsOf = (links: unknown) =>
  Array.isArray(links)
    ? links.filter((l) => l?.entityType === 'contact' && typeof l.entityId === 'string').map((l) => l.entityId as string)
    : [];

subscribe({
  name: 'routing.first_touch',
  types: ['activity.logged', 'activity.updated', 'activity.deleted'],
  handle: async (event, database) => {
    await recordFirstTouch(database.db, event.workspaceId, contactIdsOf(event.data.links), event.entityId ?? undefined);
  },
});
subscribe({
  name: 'routing.owner_change',
  types: ['contact.updated'],
  handle: async (event, database) => {
    const changed = event.data.changed;
    if (event.entityId && Array.isArray(changed) && changed.includes('ownerId'))
      await followOwnerChange(database.db, event.workspaceId, event.entityId);
  },
});

defineSchedule({ name: 'routing.follow_ups', cron: '7 * * * *', job: followUpsJob, payload: {} });

/** Lead routing rules, SLA settings, the leads-waiting queue and response times. */
export async function routingRoutes(app: App) {
  await ruleRoutes(app);
  await leadRoutes(app);
}
