import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors.ts';
import { resolveAlias } from '../../modules/companies/index.ts';
import { contacts } from '../../modules/contacts/index.ts';
import { ownerVisibility } from '../../modules/identity/index.ts';

/** The person a privacy request is about: their contact row, every id they had, and every email. */
export interface Subject {
  contact: typeof contacts.$inferSelect;
  /** The contact id and the ids of contacts merged into it (aliases): audit history sits under all of them. */
  ids: string[];
  /** Normalized emails (contact_emails and the contact's own email column). */
  emails: string[];
}

/**
 * Finds the contact by id or merged-away id, soft-deleted or not (a deleted contact's data still
 * exists and is still theirs), if the caller may see it; 404 otherwise. `lock` locks the row for an erasure.
 */
export async function findSubject(ctx: Ctx, id: string, opts: { lock?: boolean } = {}): Promise<Subject> {
  const target = await resolveAlias(ctx, 'contact', id);
  const q = ctx.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, target), ownerVisibility(ctx, sql`${contacts.ownerId}`)));
  const [contact] = opts.lock ? await q.for('update') : await q;
  if (!contact) throw notFound('contact', id);
  const aliases = await rows<{ alias_id: string }>(
    ctx.db,
    sql`select alias_id from record_aliases where workspace_id = ${ctx.workspaceId} and entity_type = 'contact' and target_id = ${target}`,
  );
  const emails = await rows<{ email: string }>(
    ctx.db,
    sql`select lower(trim(email)) as email from contact_emails where workspace_id = ${ctx.workspaceId} and contact_id = ${target}`,
  );
  const all = new Set(emails.map((e) => e.email));
  if (contact.email) all.add(contact.email.trim().toLowerCase());
  return { contact, ids: [target, ...aliases.map((a) => a.alias_id)], emails: [...all] };
}
