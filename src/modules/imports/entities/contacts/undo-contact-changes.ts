import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import { recordset } from '../row-values.ts';
import { appendLifecycles, type ContactBefore, setContacts } from './contact-writes.ts';

/**
 * Reverts an import's contact changes: contacts it created are deleted (soft, like DELETE /api/contacts/:id,
 * so their emails are free for the next import), updated ones get their columns, emails, phones and
 * company links back; a lifecycle stage moved back is appended to the history.
 */
export async function undoContactChanges(
  ctx: Ctx,
  changes: { recordId: string; action: string; before: Record<string, unknown> | null }[],
) {
  const created = changes.filter((c) => c.action === 'created').map((c) => c.recordId);
  if (created.length)
    await ctx.db.execute(sql`
      update contacts set deleted_at = now(), updated_at = now()
      where workspace_id = ${ctx.workspaceId} and deleted_at is null and id in (select x.id from ${recordset(
        created.map((id) => ({ id })),
        'id uuid',
      )})`);
  const updated = changes.filter((c) => c.action === 'updated' && c.before).map((c) => c.before as unknown as ContactBefore);
  if (!updated.length) return changes.length;
  const ids = recordset(
    updated.map((b) => ({ id: b.id })),
    'id uuid',
  );
  const current = await rows<{ id: string; lifecycle_stage: string | null }>(
    ctx.db,
    sql`select id, lifecycle_stage from contacts where workspace_id = ${ctx.workspaceId} and id = any(array(select x.id from ${ids}))`,
  );
  const stageNow = new Map(current.map((r) => [r.id, r.lifecycle_stage]));
  await setContacts(ctx, updated);
  await appendLifecycles(
    ctx,
    updated
      .filter((b) => b.lifecycle_stage && stageNow.get(b.id) !== b.lifecycle_stage)
      .map((b) => ({ contact_id: b.id, from_stage: stageNow.get(b.id) ?? null, to_stage: b.lifecycle_stage! })),
  );
  const emails = updated.flatMap((b) => b.emails.map((email) => ({ id: b.id, email })));
  await ctx.db.execute(sql`
    delete from contact_emails ce where ce.workspace_id = ${ctx.workspaceId} and ce.contact_id = any(array(select x.id from ${ids}))
      and not exists (select 1 from ${recordset(emails, 'id uuid, email text')} where x.id = ce.contact_id and x.email = ce.email)`);
  const phones = updated.flatMap((b) => b.phones.map((p) => ({ id: b.id, phone: p.phone })));
  await ctx.db.execute(sql`
    delete from contact_phones p where p.workspace_id = ${ctx.workspaceId} and p.contact_id = any(array(select x.id from ${ids}))
      and not exists (select 1 from ${recordset(phones, 'id uuid, phone text')} where x.id = p.contact_id and x.phone = p.phone)`);
  const links = updated.flatMap((b) => b.links.map((l) => ({ id: b.id, company_id: l.companyId, is_primary: l.isPrimary })));
  await ctx.db.execute(sql`
    delete from contact_companies l where l.workspace_id = ${ctx.workspaceId} and l.contact_id = any(array(select x.id from ${ids}))
      and not exists (select 1 from ${recordset(links, 'id uuid, company_id uuid')} where x.id = l.contact_id and x.company_id = l.company_id)`);
  await ctx.db.execute(sql`
    update contact_companies l set is_primary = x.is_primary from ${recordset(links, 'id uuid, company_id uuid, is_primary boolean')}
    where l.workspace_id = ${ctx.workspaceId} and l.contact_id = x.id and l.company_id = x.company_id`);
  return changes.length;
}
