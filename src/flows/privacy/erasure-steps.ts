import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import type { FlowStep } from '../flow.ts';
import type { Subject } from './find-subject.ts';

export interface ErasureState {
  id: string;
  subject?: Subject;
  /** Emails erased, for the suppression list. */
  emails: string[];
}

const redacted = sql`'{"erased": true}'::jsonb`;
const uuids = (s: ErasureState) =>
  sql.join(
    s.subject!.ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
const texts = (s: ErasureState) =>
  sql.join(
    s.subject!.ids.map((id) => sql`${id}`),
    sql`, `,
  );
/** True when `col` (text) contains any of the subject's ids or emails. */
const mentions = (s: ErasureState, col: SQL) =>
  sql`(${sql.join(
    [...s.subject!.ids, ...s.emails].map((x) => sql`strpos(${col}, ${x}) > 0`),
    sql` or `,
  )})`;
/** `col` (text) with every email of the subject replaced. */
const scrubbed = (s: ErasureState, col: SQL) => s.emails.reduce<SQL>((acc, e) => sql`replace(${acc}, ${e}, '[erased]')`, col);

const exec = (ctx: Ctx, q: SQL) => ctx.db.execute(q);
const step = (name: string, run: (ctx: Ctx, s: ErasureState, ws: string) => Promise<unknown>): FlowStep<ErasureState> => ({
  name,
  run: async (ctx, s) => void (await run(ctx, s, ctx.workspaceId)),
});

/** Replaces the subject's emails in text columns of a table (notes that mention them, filters, custom fields). */
const scrubText = (table: string, columns: string[]) =>
  step(`scrub-${table}`, async (ctx, s, ws) => {
    if (!s.emails.length) return;
    for (const c of columns) {
      const col = sql`${sql.identifier(c)}`;
      await exec(
        ctx,
        sql`update ${sql.identifier(table)} set ${col} = ${scrubbed(s, col)} where workspace_id = ${ws} and ${mentions(s, col)}`,
      );
    }
  });
const scrubJson = (table: string, columns: string[]) =>
  step(`scrub-${table}`, async (ctx, s, ws) => {
    if (!s.emails.length) return;
    for (const c of columns) {
      const col = sql`${sql.identifier(c)}`;
      await exec(
        ctx,
        sql`update ${sql.identifier(table)} set ${col} = (${scrubbed(s, sql`${col}::text`)})::jsonb
        where workspace_id = ${ws} and ${mentions(s, sql`${col}::text`)}`,
      );
    }
  });

/**
 * Everything that may hold the contact's id or emails, table by table. A module that adds a table
 * referencing contacts adds its step here (the erasure test searches every table for leftovers).
 */
export const erasureSteps: FlowStep<ErasureState>[] = [
  step('delete-own-activities', async (ctx, s, ws) => {
    // Activities on this contact alone go; shared ones stay, without the link (and without the emails, below).
    await exec(
      ctx,
      sql`delete from activities a where a.workspace_id = ${ws}
      and a.id in (select l.activity_id from activity_links l where l.workspace_id = ${ws} and l.entity_type = 'contact' and l.entity_id in (${uuids(s)}))
      and not exists (select 1 from activity_links o where o.workspace_id = ${ws} and o.activity_id = a.id
        and not (o.entity_type = 'contact' and o.entity_id in (${uuids(s)})))`,
    );
    await exec(
      ctx,
      sql`delete from activity_links l where l.workspace_id = ${ws}
      and (l.entity_type = 'contact' and l.entity_id in (${uuids(s)}) or not exists (select 1 from activities a where a.workspace_id = ${ws} and a.id = l.activity_id))`,
    );
  }),
  scrubText('activities', ['subject', 'body']),
  scrubJson('activities', ['details']),
  step('delete-tasks-and-their-notifications', async (ctx, s, ws) => {
    const gone = await rows<{ id: string }>(
      ctx.db,
      sql`delete from tasks where workspace_id = ${ws} and entity_type = 'contact' and entity_id in (${uuids(s)}) returning id`,
    );
    const links = gone.map((t) => `/tasks/${t.id}`);
    await exec(
      ctx,
      sql`delete from notifications where workspace_id = ${ws}
      and (${mentions(s, sql`coalesce(link, '')`)} ${links.length ? sql`or link in ${links}` : sql``})`,
    );
  }),
  scrubText('notifications', ['title', 'body']),
  step('delete-contact-parts', async (ctx, s, ws) => {
    for (const table of ['contact_emails', 'contact_phones', 'contact_companies', 'lifecycle_history', 'consent_history'])
      await exec(ctx, sql`delete from ${sql.identifier(table)} where workspace_id = ${ws} and contact_id in (${uuids(s)})`);
    await exec(
      ctx,
      sql`delete from record_aliases where workspace_id = ${ws} and entity_type = 'contact'
      and (alias_id in (${uuids(s)}) or target_id in (${uuids(s)}))`,
    );
    await exec(
      ctx,
      sql`delete from duplicate_dismissals where workspace_id = ${ws} and entity_type = 'contact'
      and (record_a in (${uuids(s)}) or record_b in (${uuids(s)}))`,
    );
  }),
  step('forget-bulk-operations', async (ctx, s, ws) => {
    // Undo copies of the contact go; selections drop its id (the rest of the operation stays undoable).
    await exec(ctx, sql`delete from bulk_operation_items where workspace_id = ${ws} and record_id in (${uuids(s)})`);
    await exec(
      ctx,
      sql`update bulk_operations set selection = jsonb_set(selection, '{ids}', coalesce((select jsonb_agg(x) from jsonb_array_elements(selection -> 'ids') x
        where x #>> '{}' not in (${texts(s)})), '[]'::jsonb))
      where workspace_id = ${ws} and jsonb_typeof(selection -> 'ids') = 'array' and ${mentions(s, sql`selection::text`)}`,
    );
  }),
  scrubJson('saved_views', ['definition']),
  scrubJson('contacts', ['custom']),
  scrubJson('companies', ['custom']),
  step('redact-audit-log', async (ctx, s, ws) => {
    // Entries about the contact keep who did what and when; their copies of the record go.
    await exec(
      ctx,
      sql`update audit_log set before = case when before is null then null else ${redacted} end, after = ${redacted}
      where workspace_id = ${ws} and entity_type = 'contact' and entity_id in (${texts(s)})`,
    );
    await exec(
      ctx,
      sql`update audit_log set before = case when before is null then null else ${redacted} end, after = case when after is null then null else ${redacted} end
      where workspace_id = ${ws} and (${mentions(s, sql`coalesce(before::text, '')`)} or ${mentions(s, sql`coalesce(after::text, '')`)})`,
    );
  }),
  step('redact-events-and-deliveries', async (ctx, s, ws) => {
    await exec(
      ctx,
      sql`update outbox_events set data = ${redacted}
      where workspace_id = ${ws} and (entity_id in (${texts(s)}) or ${mentions(s, sql`data::text`)})`,
    );
    await exec(
      ctx,
      sql`update webhook_deliveries set response_body = null
      where workspace_id = ${ws} and ${mentions(s, sql`coalesce(response_body, '')`)}`,
    );
    await exec(
      ctx,
      sql`update webhook_deliveries set error = '[erased]' where workspace_id = ${ws} and ${mentions(s, sql`coalesce(error, '')`)}`,
    );
    await exec(ctx, sql`delete from idempotency_keys where workspace_id = ${ws} and ${mentions(s, sql`coalesce(response::text, '')`)}`);
    await exec(
      ctx,
      sql`update jobs set last_error = '[erased]' where workspace_id = ${ws} and ${mentions(s, sql`coalesce(last_error, '')`)}`,
    );
    await exec(
      ctx,
      sql`update jobs set result = ${redacted} where workspace_id = ${ws} and ${mentions(s, sql`coalesce(result::text, '')`)}`,
    );
  }),
  // Sales, routing and imports keep the contact's id (and, for imports, its values) in their own tables.
  step('delete-deal-roles', async (ctx, s, ws) =>
    exec(ctx, sql`delete from deal_contacts where workspace_id = ${ws} and contact_id in (${uuids(s)})`),
  ),
  step('delete-lead-routing', async (ctx, s, ws) => {
    await exec(ctx, sql`delete from lead_assignments where workspace_id = ${ws} and contact_id in (${uuids(s)})`);
    await exec(ctx, sql`delete from follow_ups where workspace_id = ${ws} and entity_id in (${uuids(s)})`);
  }),
  step('forget-import-records', async (ctx, s, ws) => {
    // Undo can no longer restore this person (that is the point); the import's error rows lose the emails.
    await exec(ctx, sql`delete from import_changes where workspace_id = ${ws} and record_id in (${uuids(s)})`);
    await exec(ctx, sql`delete from external_ids where workspace_id = ${ws} and record_id in (${uuids(s)})`);
  }),
  scrubText('import_errors', ['value']),
  // Behaviour (page views, opens, clicks, submissions) is personal data; the visitor id ties anonymous hits to the person.
  step('delete-behaviour', async (ctx, s, ws) => {
    await exec(
      ctx,
      sql`delete from contact_events where workspace_id = ${ws} and (contact_id in (${uuids(s)})
        or visitor_id in (select visitor_id from contact_events where workspace_id = ${ws} and contact_id in (${uuids(s)}) and visitor_id is not null))`,
    );
  }),
  // Inbound mail (bounces, complaints, auto-replies, replies) is the raw message: it quotes the person, so it goes whole.
  // Mail that answers one of their messages goes, and so does mail of this workspace — or mail matched to no workspace
  // yet (`unmatched`, workspace_id null) — whose text, envelope or parsed results name one of their addresses.
  step('delete-inbound-mail', async (ctx, s, ws) => {
    const quotes = (col: SQL) =>
      s.emails.length
        ? sql`(${sql.join(
            s.emails.map((e) => sql`strpos(lower(${col}), ${e.toLowerCase()}) > 0`),
            sql` or `,
          )})`
        : sql`false`;
    await exec(
      ctx,
      sql`delete from email_inbound where (workspace_id = ${ws}
          and message_id in (select m.id from email_messages m where m.workspace_id = ${ws} and m.contact_id in (${uuids(s)})))
        or ((workspace_id = ${ws} or workspace_id is null)
          and (${quotes(sql`raw`)} or ${quotes(sql`coalesce(envelope_from, '')`)} or ${quotes(sql`envelope_to::text`)}
            or ${quotes(sql`coalesce(results::text, '')`)}))`,
    );
  }),
  // The email module's records of the person: stored mail (outbox) and opt-outs go; suppressions by address go too
  // (the erasure's hashed suppression stops every send from now on); message rows stay for the broadcast counts, without
  // the person (address, contact, variables), and any not sent yet become `suppressed`.
  step('redact-email-records', async (ctx, s, ws) => {
    const addressed = (col: SQL) =>
      s.emails.length
        ? sql`lower(${col}) in (${sql.join(
            s.emails.map((e) => sql`${e.toLowerCase()}`),
            sql`, `,
          )})`
        : sql`false`;
    const theirs = sql`(contact_id in (${uuids(s)}) or ${addressed(sql`to_email`)})`;
    await exec(
      ctx,
      sql`delete from email_outbox where workspace_id = ${ws} and (${addressed(sql`to_email`)}
        or message_id in (select id from email_messages where workspace_id = ${ws} and ${theirs}))`,
    );
    await exec(ctx, sql`delete from email_opt_outs where workspace_id = ${ws} and contact_id in (${uuids(s)})`);
    await exec(
      ctx,
      sql`delete from email_suppressions where workspace_id = ${ws} and (contact_id in (${uuids(s)}) or ${addressed(sql`email`)})`,
    );
    await exec(
      ctx,
      sql`update email_messages set contact_id = null, to_email = '[erased]', data = case when data is null then null else ${redacted} end,
        subject = ${scrubbed(s, sql`subject`)}, error = ${scrubbed(s, sql`error`)},
        status = case when status in ('queued', 'held') then 'suppressed' else status end
      where workspace_id = ${ws} and ${theirs}`,
    );
  }),
  step('delete-contact', async (ctx, s, ws) =>
    exec(ctx, sql`delete from contacts where workspace_id = ${ws} and id = ${s.subject!.contact.id}`),
  ),
];
