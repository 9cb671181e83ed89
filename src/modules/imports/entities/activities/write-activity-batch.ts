import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { newId } from '../../../../kernel/db/columns.ts';
import { rows } from '../../../../kernel/db/index.ts';
import { linkExternalIds, Outcome, recordChanges } from '../batch-tools.ts';
import type { Checked, RunSettings } from '../entity.ts';
import { recordset } from '../row-values.ts';
import type { ActivityRecord } from './check-activity-row.ts';

type Row = Extract<Checked<ActivityRecord>, { ok: true }>;
const list = (xs: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(xs)}::jsonb))`;

/**
 * Creates a batch of activities set-based: links to the contacts (by email) and companies (by domain)
 * the rows name, one insert per table, and moves those records' last activity times forward — what
 * POST /api/activities does per record. Activities are only created: a row whose external id was
 * imported before is skipped.
 */
export async function writeActivityBatch(ctx: Ctx, batch: Row[], run: RunSettings): Promise<Outcome> {
  const out = new Outcome();
  const emails = [...new Set(batch.map((r) => r.record.contactEmail).filter((e): e is string => !!e))];
  const domains = [...new Set(batch.map((r) => r.record.companyDomain).filter((d): d is string => !!d))];
  const externals = [...new Set(batch.map((r) => r.record.externalId).filter((d): d is string => !!d))];
  const contactOf = new Map(
    emails.length
      ? (
          await rows<{ email: string; contact_id: string }>(
            ctx.db,
            sql`select ce.email, ce.contact_id from contact_emails ce join contacts c on c.workspace_id = ce.workspace_id and c.id = ce.contact_id
                where ce.workspace_id = ${ctx.workspaceId} and c.deleted_at is null and ce.email = any(${list(emails)})`,
          )
        ).map((r) => [r.email, r.contact_id])
      : [],
  );
  const companyOf = new Map(
    domains.length
      ? (
          await rows<{ domain: string; id: string }>(
            ctx.db,
            sql`select domain, id from companies where workspace_id = ${ctx.workspaceId} and deleted_at is null and domain = any(${list(domains)})`,
          )
        ).map((r) => [r.domain, r.id])
      : [],
  );
  const imported = new Set(
    externals.length
      ? (
          await rows<{ external_id: string }>(
            ctx.db,
            sql`select e.external_id from external_ids e join activities a on a.workspace_id = e.workspace_id and a.id = e.record_id
                where e.workspace_id = ${ctx.workspaceId} and e.entity_type = 'activity' and e.external_id = any(${list(externals)})`,
          )
        ).map((r) => r.external_id)
      : [],
  );
  const acts: { id: string; type: string; subject: string; body: string; details: unknown; occurred_at: string; row: number }[] = [];
  const links: { activity_id: string; entity_type: string; entity_id: string; occurred_at: string }[] = [];
  const external: { external_id: string; record_id: string }[] = [];
  const seen = new Set<string>();
  for (const { record: r, rowNumber } of batch) {
    if (run.mode === 'update') {
      out.reject(rowNumber, 'skipped', null, run, null, 'Activities are only created by imports; use mode create or upsert.');
      continue;
    }
    if (r.externalId && (imported.has(r.externalId) || seen.has(r.externalId))) {
      out.reject(rowNumber, 'skipped', 'external_id', run, r.externalId, 'An activity with this external id was imported before.');
      continue;
    }
    const contactId = r.contactEmail ? contactOf.get(r.contactEmail) : undefined;
    const companyId = r.companyDomain ? companyOf.get(r.companyDomain) : undefined;
    if ((r.contactEmail && !contactId) || (r.companyDomain && !companyId)) {
      const [field, value] = r.contactEmail && !contactId ? ['contact_email', r.contactEmail] : ['company_domain', r.companyDomain];
      out.reject(
        rowNumber,
        'failed',
        field,
        run,
        value,
        `No ${field === 'contact_email' ? 'contact has this email' : 'company has this domain'}; import them first.`,
      );
      continue;
    }
    const id = newId();
    const at = r.activity.occurredAt.toISOString();
    acts.push({
      id,
      type: r.activity.type,
      subject: r.activity.subject,
      body: r.activity.body,
      details: r.activity.details,
      occurred_at: at,
      row: rowNumber,
    });
    if (contactId) links.push({ activity_id: id, entity_type: 'contact', entity_id: contactId, occurred_at: at });
    if (companyId) links.push({ activity_id: id, entity_type: 'company', entity_id: companyId, occurred_at: at });
    if (r.externalId) {
      seen.add(r.externalId);
      external.push({ external_id: r.externalId, record_id: id });
    }
  }
  if (!acts.length) return out;
  const by = ctx.actor.userId ?? ctx.actor.id;
  await ctx.db.execute(sql`
    insert into activities (id, workspace_id, type, subject, body, details, occurred_at, created_by, owner_id)
    select x.id, ${ctx.workspaceId}, x.type, x.subject, x.body, coalesce(x.details, '{}'), x.occurred_at, ${by}, ${ctx.actor.userId ?? null}
    from ${recordset(acts, 'id uuid, type text, subject text, body text, details jsonb, occurred_at timestamptz')}`);
  await ctx.db.execute(sql`
    insert into activity_links (workspace_id, activity_id, entity_type, entity_id, occurred_at)
    select ${ctx.workspaceId}, x.activity_id, x.entity_type, x.entity_id, x.occurred_at
    from ${recordset(links, 'activity_id uuid, entity_type text, entity_id uuid, occurred_at timestamptz')} on conflict do nothing`);
  await touchLastActivity(ctx, links);
  await linkExternalIds(ctx, 'activity', external);
  await recordChanges(
    ctx,
    run.importId,
    'activity',
    acts.map((a) => ({ record_id: a.id, action: 'created' as const, row_number: a.row })),
  );
  out.created += acts.length;
  out.written += acts.length;
  return out;
}

/** Moves contacts' and companies' last activity time forward (a contact's activity counts for its company too, as in the API). */
async function touchLastActivity(ctx: Ctx, links: { entity_type: string; entity_id: string; occurred_at: string }[]) {
  if (!links.length) return;
  const set = sql`(select x.entity_type, x.entity_id, max(x.occurred_at) as at from ${recordset(links, 'entity_type text, entity_id uuid, occurred_at timestamptz')} group by 1, 2)`;
  await ctx.db.execute(sql`
    update contacts c set last_activity_at = l.at from ${set} l
    where c.workspace_id = ${ctx.workspaceId} and l.entity_type = 'contact' and c.id = l.entity_id and (c.last_activity_at is null or c.last_activity_at < l.at)`);
  await ctx.db.execute(sql`
    update companies co set last_activity_at = l.at
    from (select coalesce(c.company_id, case when s.entity_type = 'company' then s.entity_id end) as company_id, max(s.at) as at
          from ${set} s left join contacts c on s.entity_type = 'contact' and c.workspace_id = ${ctx.workspaceId} and c.id = s.entity_id group by 1) l
    where co.workspace_id = ${ctx.workspaceId} and co.id = l.company_id and (co.last_activity_at is null or co.last_activity_at < l.at)`);
}

/** Deletes imported activities for good (as DELETE /api/activities/:id does) and winds back last activity times. */
export async function undoActivityChanges(ctx: Ctx, changes: { recordId: string }[]) {
  if (!changes.length) return 0;
  const ids = recordset(
    changes.map((c) => ({ id: c.recordId })),
    'id uuid',
  );
  const touched = await rows<{ entity_type: string; entity_id: string }>(
    ctx.db,
    sql`delete from activity_links where workspace_id = ${ctx.workspaceId} and activity_id = any(array(select x.id from ${ids})) returning entity_type, entity_id`,
  );
  await ctx.db.execute(sql`delete from activities where workspace_id = ${ctx.workspaceId} and id = any(array(select x.id from ${ids}))`);
  const contacts = [...new Set(touched.filter((t) => t.entity_type === 'contact').map((t) => t.entity_id))];
  const companies = [...new Set(touched.filter((t) => t.entity_type === 'company').map((t) => t.entity_id))];
  for (const [table, type, idsOf] of [
    ['contacts', 'contact', contacts],
    ['companies', 'company', companies],
  ] as const)
    if (idsOf.length)
      await ctx.db.execute(sql`
        update ${sql.raw(table)} r set last_activity_at = (select max(l.occurred_at) from activity_links l
          where l.workspace_id = r.workspace_id and l.entity_type = ${type} and l.entity_id = r.id)
        where r.workspace_id = ${ctx.workspaceId} and r.id = any(${list(idsOf)}::uuid[])`);
  return changes.length;
}
