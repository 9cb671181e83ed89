import { and, asc, type Column, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { resolveAlias } from '../../companies/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { contactCompanies, contactEmails, contactPhones, contacts } from '../schema.ts';
import { type Contact, toContact } from './contact-shape.ts';

/** A contact with all its emails, phones and company links. */
export interface ContactDetail extends Contact {
  emails: { email: string; isPrimary: boolean }[];
  phones: { phone: string; kind: string; isPrimary: boolean }[];
  /** Companies besides the primary one (companyId). */
  companyIds: string[];
  /** Set when the id asked for belonged to a contact merged into this one. */
  mergedFrom?: string;
}

const visible = (ctx: Ctx) => ownerVisibility(ctx, sql`${contacts.ownerId}`);

/** A live contact the caller may see, locked for a write; 404 otherwise (a rep cannot change what they cannot see). */
export async function loadContactForUpdate(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(contacts)
    .where(and(inWorkspace(contacts.workspaceId, ctx, eq(contacts.id, id)), isNull(contacts.deletedAt), visible(ctx)))
    .for('update');
  if (!row) throw notFound('contact', id);
  return row;
}

/** Emails, phones and other companies of a contact. */
export async function contactParts(ctx: Ctx, id: string) {
  const scope = (col: Column) => eq(col, ctx.workspaceId);
  const [emails, phones, links] = [
    await ctx.db
      .select({ email: contactEmails.email, isPrimary: contactEmails.isPrimary })
      .from(contactEmails)
      .where(and(scope(contactEmails.workspaceId), eq(contactEmails.contactId, id)))
      .orderBy(desc(contactEmails.isPrimary), asc(contactEmails.createdAt), asc(contactEmails.email)),
    await ctx.db
      .select({ phone: contactPhones.phone, kind: contactPhones.kind, isPrimary: contactPhones.isPrimary })
      .from(contactPhones)
      .where(and(scope(contactPhones.workspaceId), eq(contactPhones.contactId, id)))
      .orderBy(desc(contactPhones.isPrimary), asc(contactPhones.id)),
    await ctx.db
      .select({ companyId: contactCompanies.companyId })
      .from(contactCompanies)
      .where(and(scope(contactCompanies.workspaceId), eq(contactCompanies.contactId, id), eq(contactCompanies.isPrimary, false)))
      .orderBy(asc(contactCompanies.createdAt), asc(contactCompanies.companyId)),
  ];
  return { emails, phones, companyIds: links.map((l) => l.companyId) };
}

/** A live contact the caller may see, by id or a merged-away id, with its emails, phones and companies; 404 otherwise. */
export async function getContact(ctx: Ctx, id: string): Promise<ContactDetail> {
  const target = await resolveAlias(ctx, 'contact', id);
  const [row] = await ctx.db
    .select()
    .from(contacts)
    .where(and(inWorkspace(contacts.workspaceId, ctx, eq(contacts.id, target)), isNull(contacts.deletedAt), visible(ctx)));
  if (!row) throw notFound('contact', id);
  return { ...toContact(row), ...(await contactParts(ctx, target)), ...(target !== id && { mergedFrom: id }) };
}
