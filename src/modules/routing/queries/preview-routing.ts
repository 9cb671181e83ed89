import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { RuleInput } from '../http/routing.types.ts';
import { checkRule } from '../use-cases/check-rule.ts';
import { decideOwner } from '../use-cases/decide-owner.ts';
import type { RoutingRule } from './get-routing-rules.ts';
import { loadRoutingSettings } from './get-routing-settings.ts';

/**
 * "Test this rule against a contact": runs a draft rule (or the saved rules, then the fallback) on an
 * existing contact and says who would get it and why, without moving any round-robin cursor.
 */
export async function previewRouting(ctx: Ctx, input: { contactId: string; rule?: RuleInput }) {
  const settings = await loadRoutingSettings(ctx.db, ctx.workspaceId);
  let rules: RoutingRule[] | undefined;
  if (input.rule) {
    const values = await checkRule(ctx, input.rule, ['body', 'rule']);
    const now = new Date();
    rules = [
      {
        ...values,
        id: newId(),
        workspaceId: ctx.workspaceId,
        position: 0,
        lastUserId: null,
        assignedCount: 0,
        createdAt: now,
        updatedAt: now,
      },
    ];
  }
  const decision = await decideOwner(ctx, input.contactId, input.rule ? { ...settings, fallbackOwnerId: null } : settings, {
    commit: false,
    rules,
  });
  if (!decision) throw notFound('contact', input.contactId);
  return decision;
}
