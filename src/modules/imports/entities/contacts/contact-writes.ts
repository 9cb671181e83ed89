import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { newId } from '../../../../kernel/db/columns.ts';
import { rows } from '../../../../kernel/db/index.ts';
import { recordset } from '../row-values.ts';

/** The stored columns of a contact an import may change (and undo restores), snake_case as in SQL. */
export interface ContactColumns {
  id: string;
  first_name: string;
  last_name: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  owner_id: string | null;
  company_id: string | null;
  lifecycle_stage: string | null;
  lifecycle_changed_at: string | null;
  lead_status: string | null;
  lead_status_reason: string | null;
  source: string | null;
  do_not_contact: boolean;
  tags: string[];
  custom: Record<string, unknown>;
}

/** A contact before an import changed it: its columns plus emails, phones and company links. */
export interface ContactBefore extends ContactColumns {
  emails: string[];
  phones: { phone: string; kind: string; isPrimary: boolean }[];
  links: { companyId: string; isPrimary: boolean }[];
}

const columnTypes =
  'id uuid, first_name text, last_name text, display_name text, email text, phone text, title text, owner_id uuid, company_id uuid, ' +
  'lifecycle_stage text, lifecycle_changed_at timestamptz, lead_status text, lead_status_reason text, source text, do_not_contact boolean, ' +
  'tags text[], custom jsonb';

/** Locks and reads contacts with their emails, phones and company links (one query). */
export async function loadBefore(ctx: Ctx, ids: string[]): Promise<Map<string, ContactBefore>> {
  if (!ids.length) return new Map();
  const list = await rows<ContactBefore & { lifecycle_changed_at: Date | string | null }>(
    ctx.db,
    sql`select c.id, c.first_name, c.last_name, c.display_name, c.email, c.phone, c.title, c.owner_id, c.company_id, c.lifecycle_stage,
          c.lifecycle_changed_at, c.lead_status, c.lead_status_reason, c.source, c.do_not_contact, c.tags, c.custom,
          coalesce((select jsonb_agg(ce.email) from contact_emails ce where ce.workspace_id = c.workspace_id and ce.contact_id = c.id), '[]') as emails,
          coalesce((select jsonb_agg(jsonb_build_object('phone', p.phone, 'kind', p.kind, 'isPrimary', p.is_primary))
                    from contact_phones p where p.workspace_id = c.workspace_id and p.contact_id = c.id), '[]') as phones,
          coalesce((select jsonb_agg(jsonb_build_object('companyId', l.company_id, 'isPrimary', l.is_primary))
                    from contact_companies l where l.workspace_id = c.workspace_id and l.contact_id = c.id), '[]') as links
        from contacts c where c.workspace_id = ${ctx.workspaceId} and c.id = any(array(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid))
        for update of c`,
  );
  return new Map(
    list.map((r) => [r.id, { ...r, lifecycle_changed_at: r.lifecycle_changed_at ? new Date(r.lifecycle_changed_at).toISOString() : null }]),
  );
}

/** Inserts new contacts (all columns given). */
export async function insertContacts(ctx: Ctx, list: ContactColumns[]) {
  if (!list.length) return;
  await ctx.db.execute(sql`
    insert into contacts (id, workspace_id, first_name, last_name, display_name, email, phone, title, owner_id, company_id, lifecycle_stage,
      lifecycle_changed_at, lead_status, lead_status_reason, source, do_not_contact, tags, custom)
    select x.id, ${ctx.workspaceId}, x.first_name, x.last_name, x.display_name, x.email, x.phone, x.title, x.owner_id, x.company_id, x.lifecycle_stage,
      x.lifecycle_changed_at, x.lead_status, x.lead_status_reason, x.source, x.do_not_contact, coalesce(x.tags, '{}'), coalesce(x.custom, '{}')
    from ${recordset(list, columnTypes)}`);
}

/** Sets every listed column of existing contacts (the after-values of an update, or the before-values on undo). */
export async function setContacts(ctx: Ctx, list: ContactColumns[]) {
  if (!list.length) return;
  await ctx.db.execute(sql`
    update contacts c set first_name = x.first_name, last_name = x.last_name, display_name = x.display_name, email = x.email, phone = x.phone,
      title = x.title, owner_id = x.owner_id, company_id = x.company_id, lifecycle_stage = x.lifecycle_stage,
      lifecycle_changed_at = x.lifecycle_changed_at, lead_status = x.lead_status, lead_status_reason = x.lead_status_reason, source = x.source,
      do_not_contact = x.do_not_contact, tags = coalesce(x.tags, '{}'), custom = coalesce(x.custom, '{}'), updated_at = now()
    from ${recordset(list, columnTypes)}
    where c.workspace_id = ${ctx.workspaceId} and c.id = x.id`);
}

/**
 * Adds emails (normalized, free: the caller checked) and releases those held by deleted contacts first
 * (`heldByDeleted`: the caller's lookup says which; most batches have none, and skip that statement).
 */
export async function insertEmails(
  ctx: Ctx,
  list: { contact_id: string; email: string; is_primary: boolean }[],
  heldByDeleted: (email: string) => boolean = () => true,
) {
  if (!list.length) return;
  if (list.some((e) => heldByDeleted(e.email)))
    await ctx.db.execute(sql`
    delete from contact_emails ce using contacts c
    where ce.workspace_id = ${ctx.workspaceId} and c.workspace_id = ce.workspace_id and c.id = ce.contact_id and c.deleted_at is not null
      and ce.email in (select x.email from ${recordset(list, 'email text')})`);
  await ctx.db.execute(sql`
    insert into contact_emails (workspace_id, contact_id, email, is_primary)
    select ${ctx.workspaceId}, x.contact_id, x.email, x.is_primary from ${recordset(list, 'contact_id uuid, email text, is_primary boolean')}`);
}

export async function insertPhones(ctx: Ctx, list: { contact_id: string; phone: string; kind: string; is_primary: boolean }[]) {
  if (!list.length) return;
  await ctx.db.execute(sql`
    insert into contact_phones (id, workspace_id, contact_id, phone, kind, is_primary)
    select x.id, ${ctx.workspaceId}, x.contact_id, x.phone, x.kind, x.is_primary
    from ${recordset(
      list.map((p) => ({ ...p, id: newId() })),
      'id uuid, contact_id uuid, phone text, kind text, is_primary boolean',
    )}`);
}

/** Links contacts to companies; a new primary link demotes the contact's other links (new contacts have none: `fresh`). */
export async function linkCompanies(ctx: Ctx, list: { contact_id: string; company_id: string }[], fresh = false) {
  if (!list.length) return;
  const set = recordset(list, 'contact_id uuid, company_id uuid');
  if (!fresh)
    await ctx.db.execute(sql`
    update contact_companies l set is_primary = false from ${set}
    where l.workspace_id = ${ctx.workspaceId} and l.contact_id = x.contact_id and l.company_id <> x.company_id and l.is_primary`);
  await ctx.db.execute(sql`
    insert into contact_companies (workspace_id, contact_id, company_id, is_primary)
    select ${ctx.workspaceId}, x.contact_id, x.company_id, true from ${set}
    on conflict (workspace_id, contact_id, company_id) do update set is_primary = true`);
}

export async function appendLifecycles(ctx: Ctx, list: { contact_id: string; from_stage: string | null; to_stage: string }[]) {
  if (!list.length) return;
  await ctx.db.execute(sql`
    insert into lifecycle_history (id, workspace_id, contact_id, from_stage, to_stage, changed_at, actor_type, actor_id)
    select x.id, ${ctx.workspaceId}, x.contact_id, x.from_stage, x.to_stage, now(), ${ctx.actor.type}, ${ctx.actor.userId ?? ctx.actor.id}
    from ${recordset(
      list.map((l) => ({ ...l, id: newId() })),
      'id uuid, contact_id uuid, from_stage text, to_stage text',
    )}`);
}
