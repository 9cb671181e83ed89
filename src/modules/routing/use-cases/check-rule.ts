import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { compileFilter } from '../../../kernel/filters/index.ts';
import { assertMember } from '../../companies/index.ts';
import { contactFields } from '../../contacts/index.ts';
import type { RuleInput } from '../http/routing.types.ts';
import { loadRoutingSettings } from '../queries/get-routing-settings.ts';

export const everyLead = { and: [] };

/**
 * Checks a complete rule: the conditions compile over the workspace's contact fields (400
 * filter_invalid at body.conditions…), round robin and least-loaded name a team of this workspace,
 * a specific-owner rule names a member. Returns the columns to store.
 */
export async function checkRule(ctx: Ctx, r: RuleInput, root: (string | number)[] = ['body']) {
  const conditions = r.conditions ?? everyLead;
  const { timezone } = await loadRoutingSettings(ctx.db, ctx.workspaceId);
  compileFilter(conditions, await contactFields(ctx), { path: [...root, 'conditions'], timeZone: timezone });
  if (r.strategy === 'owner') {
    if (!r.ownerId)
      throw new AppError('validation_failed', 'A rule with strategy "owner" needs ownerId: the member who gets its leads.', {
        path: [...root, 'ownerId'],
      });
    await assertMember(ctx, r.ownerId, [...root, 'ownerId']);
  } else {
    if (!r.teamId)
      throw new AppError('validation_failed', `A rule with strategy "${r.strategy}" needs teamId: the team whose members take turns.`, {
        path: [...root, 'teamId'],
      });
    const [team] = await rows(ctx.db, sql`select 1 from teams where workspace_id = ${ctx.workspaceId} and id = ${r.teamId}`);
    if (!team)
      throw new AppError('team_not_found', `No team with id ${r.teamId} in this workspace; pick one from GET /api/teams.`, {
        path: [...root, 'teamId'],
        id: r.teamId,
      });
  }
  return {
    name: r.name.trim(),
    active: r.active ?? true,
    conditions,
    strategy: r.strategy,
    teamId: r.strategy === 'owner' ? null : (r.teamId ?? null),
    ownerId: r.strategy === 'owner' ? (r.ownerId ?? null) : null,
    loadMeasure: r.loadMeasure ?? 'open_leads',
  };
}
