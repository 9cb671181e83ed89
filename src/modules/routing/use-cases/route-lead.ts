import type { Ctx } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import { updateContact } from '../../contacts/index.ts';
import { loadRoutingSettings } from '../queries/get-routing-settings.ts';
import { recordAssignment } from './assign-lead.ts';
import { decideOwner } from './decide-owner.ts';

/**
 * Runs the rules again for an existing lead (typically one waiting unassigned after the rules or the
 * team changed): the owner it picks gets the lead and a fresh SLA clock. Works with routing switched
 * off too, since a person asked for it.
 */
export async function routeLead(ctx: Ctx, contactId: string) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const settings = await loadRoutingSettings(tx, ctx.workspaceId);
    const decision = await decideOwner(c, contactId, settings, { commit: true });
    if (!decision) throw notFound('contact', contactId);
    const contact = await updateContact(c, contactId, { ownerId: decision.ownerId });
    const dueAt = await recordAssignment(c, contactId, decision, settings);
    return { ...decision, dueAt, contactId: contact.id };
  });
}
