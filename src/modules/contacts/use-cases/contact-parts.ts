import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { findOrCreateCompanyByDomain, normalizeDomain } from '../../companies/index.ts';
import { emailDomain, isFreeMailDomain } from '../free-mail-domains.ts';
import { contactCompanies, contactEmails, contactPhones, type LifecycleStage, lifecycleHistory } from '../schema.ts';

/** Replaces a contact's emails (already normalized and claimed). */
export async function writeEmails(ctx: Ctx, contactId: string, emails: { email: string; isPrimary: boolean }[]) {
  await ctx.db.delete(contactEmails).where(and(eq(contactEmails.workspaceId, ctx.workspaceId), eq(contactEmails.contactId, contactId)));
  if (emails.length)
    await ctx.db
      .insert(contactEmails)
      .values(emails.map((e) => ({ workspaceId: ctx.workspaceId, contactId, email: e.email, isPrimary: e.isPrimary })));
}

/** Replaces a contact's phones. */
export async function writePhones(ctx: Ctx, contactId: string, phones: { phone: string; kind: string; isPrimary: boolean }[]) {
  await ctx.db.delete(contactPhones).where(and(eq(contactPhones.workspaceId, ctx.workspaceId), eq(contactPhones.contactId, contactId)));
  if (phones.length) await ctx.db.insert(contactPhones).values(phones.map((p) => ({ workspaceId: ctx.workspaceId, contactId, ...p })));
}

/**
 * Replaces a contact's company links. contact_companies holds every link, the primary one too
 * (is_primary), so "contacts of a company" is one index lookup; contacts.company_id mirrors the primary.
 */
export async function writeCompanyLinks(ctx: Ctx, contactId: string, primaryId: string | null, otherIds: string[]) {
  await ctx.db
    .delete(contactCompanies)
    .where(and(eq(contactCompanies.workspaceId, ctx.workspaceId), eq(contactCompanies.contactId, contactId)));
  const ids = [...new Set([...(primaryId ? [primaryId] : []), ...otherIds])];
  if (ids.length)
    await ctx.db
      .insert(contactCompanies)
      .values(ids.map((companyId) => ({ workspaceId: ctx.workspaceId, contactId, companyId, isPrimary: companyId === primaryId })));
}

/** Appends a lifecycle change: by the actor, or by `rule` when an automation or flow made it. */
export async function appendLifecycle(
  ctx: Ctx,
  contactId: string,
  from: LifecycleStage | null,
  to: LifecycleStage,
  rule?: string,
  at = new Date(),
) {
  await ctx.db.insert(lifecycleHistory).values({
    workspaceId: ctx.workspaceId,
    contactId,
    fromStage: from,
    toStage: to,
    changedAt: at,
    actorType: rule ? 'rule' : ctx.actor.type,
    actorId: ctx.actor.userId ?? ctx.actor.id,
    rule: rule ?? null,
  });
}

/** The company a work email points to (found or created by its domain); null for free-mail and no email. */
export async function companyFromEmail(ctx: Ctx, email: string | null): Promise<string | null> {
  if (!email) return null;
  const domain = emailDomain(email);
  if (isFreeMailDomain(domain) || !normalizeDomain(domain)) return null;
  const { company } = await findOrCreateCompanyByDomain(ctx, domain);
  return company.id;
}
