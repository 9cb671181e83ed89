import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { assertMember, cleanTags } from '../../companies/index.ts';
import { validateCustomValues, workspaceRegion } from '../../custom-fields/index.ts';
import { type ContactInput, checkLeadStatus, cleanEmails, cleanPhones, displayNameOf } from '../contact-input.ts';
import { assertCompanies, claimEmails } from '../contact-rules.ts';
import { leadAssigner } from '../lead-assigner.ts';
import { toContact } from '../queries/contact-shape.ts';
import { type ContactDetail, contactParts } from '../queries/get-contact.ts';
import { contacts } from '../schema.ts';
import { assertNotErased } from '../suppression.ts';
import { appendLifecycle, companyFromEmail, writeCompanyLinks, writeEmails, writePhones } from './contact-parts.ts';

export interface WriteOptions {
  /** Set by automations and flows ("deal_won"): lifecycle history records the rule instead of a person. */
  rule?: string;
}

/**
 * Creates a contact: emails normalized and unique per workspace (409 contact_email_taken names the
 * holder), phones to E.164, erased people refused (409 contact_erased). Without a company the
 * primary work email's domain finds or creates one (never for free-mail). Without a named owner, lead routing
 * (a registered LeadAssigner) picks one; when it has no opinion the owner is the creating user.
 */
export async function createContact(ctx: Ctx, input: ContactInput, opts: WriteOptions = {}): Promise<ContactDetail> {
  const emails = cleanEmails(input.emails);
  const firstName = input.firstName?.trim() ?? '';
  const lastName = input.lastName?.trim() ?? '';
  const tags = cleanTags(input.tags, ['body', 'tags']) ?? [];
  const lead = checkLeadStatus(input.leadStatus, input.leadStatusReason, null);
  const ownerId = input.ownerId === undefined ? (ctx.actor.userId ?? null) : input.ownerId;
  const otherIds = [...new Set(input.companyIds ?? [])];
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const phones = cleanPhones(input.phones, input.phones?.length ? await workspaceRegion(c) : null);
    const email = emails[0]?.email ?? null;
    const phone = phones[0]?.phone ?? null;
    const displayName = displayNameOf(firstName, lastName, email, phone);
    if (!displayName)
      throw new AppError('validation_failed', 'Give the contact a name, an email or a phone number.', { path: ['body', 'firstName'] });
    await assertNotErased(c, emails);
    await claimEmails(c, emails, null);
    await assertMember(c, ownerId, ['body', 'ownerId']);
    if (input.companyId) await assertCompanies(c, [input.companyId], () => ['body', 'companyId']);
    await assertCompanies(c, otherIds, (i) => ['body', 'companyIds', i]);
    const custom = await validateCustomValues(c, 'contact', input.custom);
    const companyId = input.companyId === undefined ? (otherIds.length ? null : await companyFromEmail(c, email)) : input.companyId;
    const now = new Date();
    let [row] = await tx
      .insert(contacts)
      .values({
        workspaceId: ctx.workspaceId,
        firstName,
        lastName,
        displayName,
        email,
        phone,
        title: input.title?.trim() || null,
        ownerId,
        companyId,
        lifecycleStage: input.lifecycleStage ?? null,
        lifecycleChangedAt: input.lifecycleStage ? now : null,
        ...lead,
        source: input.source?.trim() || null,
        firstTouch: input.firstTouch ?? null,
        lastTouch: input.lastTouch ?? input.firstTouch ?? null,
        doNotContact: input.doNotContact ?? false,
        tags,
        custom,
      })
      .returning();
    const id = row!.id;
    await writeEmails(c, id, emails);
    await writePhones(c, id, phones);
    await writeCompanyLinks(c, id, companyId, otherIds);
    const assign = input.ownerId === undefined ? leadAssigner() : undefined;
    const routed = assign ? await assign(c, id) : undefined;
    if (routed !== undefined && routed !== ownerId)
      [row] = await tx
        .update(contacts)
        .set({ ownerId: routed })
        .where(inWorkspace(contacts.workspaceId, ctx, eq(contacts.id, id)))
        .returning();
    if (input.lifecycleStage) await appendLifecycle(c, id, null, input.lifecycleStage, opts.rule, now);
    const contact = { ...toContact(row!), ...(await contactParts(c, id)) };
    await recordAudit(c, { action: 'contact.created', entityType: 'contact', entityId: id, after: contact });
    await emitEvent(c, {
      type: 'contact.created',
      entityType: 'contact',
      entityId: id,
      data: { displayName, email, ownerId: row!.ownerId, companyId, lifecycleStage: contact.lifecycleStage },
    });
    if (input.lifecycleStage)
      await emitEvent(c, {
        type: 'contact.lifecycle_changed',
        entityType: 'contact',
        entityId: id,
        data: { from: null, to: input.lifecycleStage, rule: opts.rule ?? null },
      });
    return contact;
  });
}
