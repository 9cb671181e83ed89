import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { assertMember, changedKeys, cleanTags, mergeCustom } from '../../companies/index.ts';
import { validateCustomValues, workspaceRegion } from '../../custom-fields/index.ts';
import { type ContactInput, checkLeadStatus, cleanEmails, cleanPhones, displayNameOf } from '../contact-input.ts';
import { assertCompanies, claimEmails } from '../contact-rules.ts';
import { toContact } from '../queries/contact-shape.ts';
import { type ContactDetail, contactParts, loadContactForUpdate } from '../queries/get-contact.ts';
import { contacts } from '../schema.ts';
import { assertNotErased } from '../suppression.ts';
import { appendLifecycle, companyFromEmail, writeCompanyLinks, writeEmails, writePhones } from './contact-parts.ts';
import type { WriteOptions } from './create-contact.ts';

/**
 * Changes some fields of a contact; lists (emails, phones, companyIds, tags) replace the old ones,
 * custom values merge (null removes one). A lifecycle change appends to the history (by the actor,
 * or by `opts.rule`). New emails on a contact without a company may find or create one by domain.
 */
export async function updateContact(ctx: Ctx, id: string, input: Partial<ContactInput>, opts: WriteOptions = {}): Promise<ContactDetail> {
  const emails = input.emails && cleanEmails(input.emails);
  const tags = cleanTags(input.tags, ['body', 'tags']);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadContactForUpdate(c, id);
    const before = { ...toContact(row), ...(await contactParts(c, id)) };
    const phones = input.phones && cleanPhones(input.phones, input.phones.length ? await workspaceRegion(c) : null);
    const lead = checkLeadStatus(input.leadStatus, input.leadStatusReason, row.leadStatus === 'unqualified' ? row.leadStatusReason : null);
    if (input.leadStatus === undefined && input.leadStatusReason !== undefined) {
      if (row.leadStatus === 'unqualified' && !input.leadStatusReason?.trim())
        throw new AppError('validation_failed', 'An unqualified lead keeps a reason; change the status to clear it.', {
          path: ['body', 'leadStatusReason'],
        });
      Object.assign(lead, { leadStatusReason: input.leadStatusReason?.trim() || null });
    }
    if (emails) {
      await assertNotErased(
        c,
        emails.filter((e) => !before.emails.some((b) => b.email === e.email)),
      );
      await claimEmails(c, emails, id);
    }
    if (input.ownerId !== undefined) await assertMember(c, input.ownerId, ['body', 'ownerId']);
    if (input.companyId) await assertCompanies(c, [input.companyId], () => ['body', 'companyId']);
    if (input.companyIds) await assertCompanies(c, input.companyIds, (i) => ['body', 'companyIds', i]);
    const custom =
      input.custom === undefined
        ? undefined
        : mergeCustom(row.custom, await validateCustomValues(c, 'contact', input.custom, { partial: true, recordId: id }));
    const firstName = input.firstName?.trim() ?? row.firstName;
    const lastName = input.lastName?.trim() ?? row.lastName;
    const email = emails ? (emails[0]?.email ?? null) : row.email;
    const phone = phones ? (phones[0]?.phone ?? null) : row.phone;
    const displayName = displayNameOf(firstName, lastName, email, phone);
    if (!displayName)
      throw new AppError('validation_failed', 'A contact needs a name, an email or a phone number; this change would leave none.', {
        path: ['body'],
      });
    let companyId = input.companyId === undefined ? row.companyId : input.companyId;
    if (emails && input.companyId === undefined && !row.companyId) companyId = await companyFromEmail(c, email);
    const stageChanged = input.lifecycleStage !== undefined && input.lifecycleStage !== row.lifecycleStage;
    const now = new Date();
    const [updated] = await tx
      .update(contacts)
      .set({
        firstName,
        lastName,
        displayName,
        email,
        phone,
        companyId,
        ...lead,
        updatedAt: now,
        ...(input.title !== undefined && { title: input.title?.trim() || null }),
        ...(input.ownerId !== undefined && { ownerId: input.ownerId }),
        ...(input.source !== undefined && { source: input.source?.trim() || null }),
        ...(input.firstTouch !== undefined && { firstTouch: input.firstTouch }),
        ...(input.lastTouch !== undefined && { lastTouch: input.lastTouch }),
        ...(input.doNotContact !== undefined && { doNotContact: input.doNotContact }),
        ...(stageChanged && { lifecycleStage: input.lifecycleStage, lifecycleChangedAt: now }),
        ...(tags && { tags }),
        ...(custom && { custom }),
      })
      .where(eq(contacts.id, id))
      .returning();
    if (emails) await writeEmails(c, id, emails);
    if (phones) await writePhones(c, id, phones);
    if (input.companyIds !== undefined || companyId !== row.companyId)
      await writeCompanyLinks(c, id, companyId, input.companyIds ?? before.companyIds.filter((x) => x !== companyId));
    if (stageChanged) await appendLifecycle(c, id, row.lifecycleStage, input.lifecycleStage!, opts.rule, now);
    const after = { ...toContact(updated!), ...(await contactParts(c, id)) };
    const changed = changedKeys(before, after);
    await recordAudit(c, { action: 'contact.updated', entityType: 'contact', entityId: id, before, after });
    if (changed.length)
      await emitEvent(c, { type: 'contact.updated', entityType: 'contact', entityId: id, data: { changed, displayName, email } });
    if (stageChanged)
      await emitEvent(c, {
        type: 'contact.lifecycle_changed',
        entityType: 'contact',
        entityId: id,
        data: { from: row.lifecycleStage, to: input.lifecycleStage, rule: opts.rule ?? null },
      });
    return after;
  });
}
