import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';

/**
 * Refuses emails another live contact of the workspace has (409 contact_email_taken naming it).
 * An email still held by a soft-deleted contact is released to the new owner (the deleted contact
 * keeps it in its own `email` column for the record). Locks each email for the transaction first,
 * so two concurrent writers of one address cannot both pass.
 */
export async function claimEmails(ctx: Ctx, list: { email: string; index: number }[], contactId: string | null) {
  if (!list.length) return;
  const emails = list.map((e) => e.email);
  for (const e of [...emails].sort())
    await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`contact-email:${ctx.workspaceId}:${e}`}))`);
  const held = await rows<{ email: string; contact_id: string; deleted: boolean }>(
    ctx.db,
    sql`select ce.email, ce.contact_id, c.deleted_at is not null or c.id is null as deleted
        from contact_emails ce left join contacts c on c.workspace_id = ce.workspace_id and c.id = ce.contact_id
        where ce.workspace_id = ${ctx.workspaceId} and ce.email in ${emails} ${contactId ? sql`and ce.contact_id <> ${contactId}` : sql``}`,
  );
  const live = held.find((h) => !h.deleted);
  if (live) {
    const i = list.find((e) => e.email === live.email)!.index;
    throw new AppError(
      'contact_email_taken',
      `The contact ${live.contact_id} already has the email ${live.email}; update that contact instead.`,
      {
        path: ['body', 'emails', i, 'email'],
        existingId: live.contact_id,
        email: live.email,
      },
    );
  }
  const released = held.map((h) => h.email);
  if (released.length)
    await ctx.db.execute(sql`delete from contact_emails where workspace_id = ${ctx.workspaceId} and email in ${released}`);
}

/** Refuses company ids that are not live companies of the workspace, naming the first at its path. */
export async function assertCompanies(ctx: Ctx, ids: string[], path: (i: number) => (string | number)[]) {
  if (!ids.length) return;
  const found = await rows<{ id: string }>(
    ctx.db,
    sql`select id from companies where workspace_id = ${ctx.workspaceId} and id in ${ids} and deleted_at is null`,
  );
  const known = new Set(found.map((f) => f.id));
  const i = ids.findIndex((id) => !known.has(id));
  if (i >= 0) throw new AppError('company_not_found', `No company with id ${ids[i]} in this workspace.`, { path: path(i), id: ids[i] });
}
