import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { consentHistory } from '../schema.ts';
import { getContact } from './get-contact.ts';

/** A visible contact's current email consent and every proof recorded, newest first. */
export async function getConsent(ctx: Ctx, contactId: string) {
  const contact = await getContact(ctx, contactId);
  const items = await ctx.db
    .select({
      id: consentHistory.id,
      channel: consentHistory.channel,
      status: consentHistory.status,
      legalBasis: consentHistory.legalBasis,
      source: consentHistory.source,
      ip: consentHistory.ip,
      textVersion: consentHistory.textVersion,
      recordedAt: consentHistory.recordedAt,
      actorType: consentHistory.actorType,
      actorId: consentHistory.actorId,
    })
    .from(consentHistory)
    .where(and(eq(consentHistory.workspaceId, ctx.workspaceId), eq(consentHistory.contactId, contact.id)))
    .orderBy(desc(consentHistory.recordedAt), desc(consentHistory.id));
  return { status: contact.emailConsent, doNotContact: contact.doNotContact, items };
}
