import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { getHistory } from './get-history.ts';

/** The segments and lists a contact is in now, with its entered/exited history (the contact page's section). */
export async function getContactAudience(ctx: Ctx, contactId: string) {
  const [found] = await rows(
    ctx.db,
    sql`select 1 from contacts where workspace_id = ${ctx.workspaceId} and id = ${contactId} and deleted_at is null`,
  );
  if (!found) throw new AppError('contact_not_found', `No contact ${contactId} in this workspace.`, { path: ['params', 'id'] });
  const [segs, lists, history] = await Promise.all([
    rows<{ id: string; name: string; entered_at: string | Date }>(
      ctx.db,
      sql`select s.id, s.name, m.entered_at from segment_members m join segments s on s.id = m.segment_id and s.deleted_at is null
          where m.workspace_id = ${ctx.workspaceId} and m.contact_id = ${contactId} order by s.name`,
    ),
    rows<{ id: string; name: string; added_at: string | Date; source: string }>(
      ctx.db,
      sql`select l.id, l.name, m.added_at, m.source from list_members m join contact_lists l on l.id = m.list_id and l.deleted_at is null
          where m.workspace_id = ${ctx.workspaceId} and m.contact_id = ${contactId} order by l.name`,
    ),
    getHistory(ctx, { contactId }, 50),
  ]);
  return {
    segments: segs.map((s) => ({ id: s.id, name: s.name, enteredAt: new Date(s.entered_at) })),
    lists: lists.map((l) => ({ id: l.id, name: l.name, addedAt: new Date(l.added_at), source: l.source })),
    history,
  };
}
