import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { ConsentStatus } from '../contact-input.ts';
import { loadContactForUpdate } from '../queries/get-contact.ts';
import { consentHistory, contacts } from '../schema.ts';

export interface ConsentInput {
  status: ConsentStatus;
  /** GDPR article 6 basis, e.g. consent, legitimate_interest, contract. */
  legalBasis?: string | null;
  /** Where it was given: a form id, "import", "api", "unsubscribe link". */
  source?: string | null;
  /** The address it came from; defaults to the request's. */
  ip?: string | null;
  /** Which version of the consent text the person saw. */
  textVersion?: string | null;
}

/** Appends an email-consent proof to the history and makes it the contact's current consent. */
export async function recordConsent(ctx: Ctx, contactId: string, input: ConsentInput) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadContactForUpdate(c, contactId);
    const [entry] = await tx
      .insert(consentHistory)
      .values({
        workspaceId: ctx.workspaceId,
        contactId,
        channel: 'email',
        status: input.status,
        legalBasis: input.legalBasis ?? null,
        source: input.source ?? null,
        ip: input.ip ?? ctx.ip ?? null,
        textVersion: input.textVersion ?? null,
        actorType: ctx.actor.type,
        actorId: ctx.actor.userId ?? ctx.actor.id,
      })
      .returning();
    await tx.update(contacts).set({ emailConsent: input.status, updatedAt: entry!.recordedAt }).where(eq(contacts.id, contactId));
    await recordAudit(c, {
      action: 'contact.consent_changed',
      entityType: 'contact',
      entityId: contactId,
      before: { emailConsent: row.emailConsent },
      after: { emailConsent: input.status, proof: entry },
    });
    if (row.emailConsent !== input.status)
      await emitEvent(c, {
        type: 'contact.consent_changed',
        entityType: 'contact',
        entityId: contactId,
        data: { channel: 'email', from: row.emailConsent, to: input.status, legalBasis: entry!.legalBasis, source: entry!.source },
      });
    return entry!;
  });
}
