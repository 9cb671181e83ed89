import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { getTimeline } from '../../modules/activities/index.ts';
import { toContact } from '../../modules/contacts/index.ts';
import { findSubject } from './find-subject.ts';

/** The most timeline entries an export carries (the rest is in activities, tasks and auditEntries anyway). */
const timelineCap = 1000;

type Row = Record<string, unknown>;

/**
 * Everything Tandem holds about one contact, as one JSON document (a data subject access request):
 * the record, emails, phones, companies, lifecycle and consent history, the activities and tasks on
 * it, the audit entries about it (under its id and the ids merged into it) and its timeline.
 * Audited as contact.exported (without the personal data itself).
 */
export async function exportContact(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const s = await findSubject(c, id);
    const cid = s.contact.id;
    const ws = ctx.workspaceId;
    const ids = sql.join(
      s.ids.map((x) => sql`${x}`),
      sql`, `,
    );
    const q = (query: SQL) => rows<Row>(tx, query);
    const doc = {
      exportedAt: new Date(),
      contact: { ...toContact(s.contact), deletedAt: s.contact.deletedAt },
      mergedIds: s.ids.slice(1),
      emails: await q(
        sql`select email, is_primary, created_at from contact_emails where workspace_id = ${ws} and contact_id = ${cid} order by created_at, email`,
      ),
      phones: await q(
        sql`select phone, kind, is_primary from contact_phones where workspace_id = ${ws} and contact_id = ${cid} order by id`,
      ),
      companies: await q(sql`select co.id, co.name, co.domain, cc.is_primary from contact_companies cc
        join companies co on co.workspace_id = cc.workspace_id and co.id = cc.company_id where cc.workspace_id = ${ws} and cc.contact_id = ${cid} order by cc.created_at`),
      lifecycleHistory: await q(sql`select from_stage, to_stage, changed_at, actor_type, actor_id, rule from lifecycle_history
        where workspace_id = ${ws} and contact_id = ${cid} order by changed_at, id`),
      consentHistory:
        await q(sql`select channel, status, legal_basis, source, ip, text_version, recorded_at, actor_type, actor_id from consent_history
        where workspace_id = ${ws} and contact_id = ${cid} order by recorded_at, id`),
      activities: await q(sql`select a.id, a.type, a.subject, a.body, a.details, a.occurred_at, a.created_by,
          (select json_agg(json_build_object('entityType', l2.entity_type, 'entityId', l2.entity_id)) from activity_links l2
            where l2.workspace_id = a.workspace_id and l2.activity_id = a.id) as links
        from activity_links l join activities a on a.workspace_id = l.workspace_id and a.id = l.activity_id
        where l.workspace_id = ${ws} and l.entity_type = 'contact' and l.entity_id = ${cid} order by a.occurred_at, a.id`),
      tasks: await q(sql`select id, title, notes, due_at, priority, status, assignee_id, completed_at, created_at from tasks
        where workspace_id = ${ws} and entity_type = 'contact' and entity_id = ${cid} order by created_at, id`),
      auditEntries: await q(sql`select id, action, entity_id, actor_type, actor_label, before, after, created_at from audit_log
        where workspace_id = ${ws} and entity_type = 'contact' and entity_id in (${ids}) order by created_at, id`),
      timeline: s.contact.deletedAt ? [] : await wholeTimeline(c, cid),
    };
    const counts = Object.fromEntries(
      Object.entries(doc)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => [k, (v as unknown[]).length]),
    );
    await recordAudit(c, { action: 'contact.exported', entityType: 'contact', entityId: cid, after: { counts } });
    return doc;
  });
}

/** The timeline pages, newest first, up to timelineCap entries. */
async function wholeTimeline(ctx: Ctx, contactId: string) {
  const items: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await getTimeline(ctx, { entityType: 'contact', entityId: contactId, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < timelineCap);
  return items.slice(0, timelineCap);
}
