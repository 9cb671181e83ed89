import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { requestOptInConfirmation } from '../../email/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { compileDefinition } from '../definition.ts';
import { loadList } from '../queries/get-lists.ts';
import type { ListMemberSource } from '../schema.ts';

export interface ListMembersInput {
  contactIds?: string[];
  filter?: unknown;
  emails?: string[];
}

export interface ListMembersResult {
  changed: number;
  unmatched: string[];
  unmatchedCount: number;
  memberCount: number;
  confirmationsSent?: number;
}

/** A double opt-in list add sends one email per contact: at most this many per request. */
export const maxConfirmationsPerAdd = 1000;

const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
// JSON, not a bind per value: an upload of 100,000 emails would exceed the 65,535 parameters of a statement.
const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** The live contacts (the caller may see) an input names, as a subquery of ids; emails that match no one. */
async function selectContacts(ctx: Ctx, input: ListMembersInput): Promise<{ ids: SQL; unmatched: string[] }> {
  const given = (['contactIds', 'filter', 'emails'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1)
    throw new AppError('validation_failed', 'Give exactly one of contactIds, filter or emails.', {
      path: ['body', given[1] ?? 'contactIds'],
    });
  const live = sql`c.workspace_id = ${ctx.workspaceId} and c.deleted_at is null and ${await resolvedOwnerVisibility(ctx, sql`c.owner_id`)}`;
  if (input.contactIds)
    return { ids: sql`select c.id from contacts c where ${live} and c.id = any(${uuidArray(input.contactIds)})`, unmatched: [] };
  if (input.filter !== undefined) {
    const where = await compileDefinition(ctx, input.filter, ['body', 'filter']);
    return { ids: sql`select c.id from contacts c where ${live} and (${where})`, unmatched: [] };
  }
  const emails = [...new Set((input.emails ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@')))];
  if (!emails.length)
    throw new AppError('validation_failed', 'No email addresses found; give one address per line or CSV row.', {
      path: ['body', 'emails'],
    });
  // The trigram GIN index on contact_emails also answers `email = any(…)`, and the planner likes it: 3 s for 300
  // addresses instead of 2 ms through the primary key. Bitmap scans (GIN's only kind) are off for this lookup;
  // the rest of the caller's transaction only writes list rows by id.
  await ctx.db.execute(sql`set local enable_bitmapscan = off`);
  const found = await rows<{ email: string; id: string }>(
    ctx.db,
    sql`select e.email, c.id from contact_emails e join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
        where e.workspace_id = ${ctx.workspaceId} and e.email = any(${textArray(emails)}) and ${live}`,
  );
  const known = new Set(found.map((r) => r.email));
  return {
    ids: found.length
      ? sql`select unnest(${uuidArray([...new Set(found.map((r) => r.id))])}) as id`
      : sql`select null::uuid as id where false`,
    unmatched: emails.filter((e) => !known.has(e)),
  };
}

async function finish(ctx: Ctx, listId: string, action: 'added' | 'removed', changed: number, unmatched: string[], how: string) {
  const [{ n } = { n: 0 }] = await rows<{ n: number }>(
    ctx.db,
    sql`update contact_lists set member_count = (select count(*) from list_members where list_id = ${listId}), updated_at = now()
        where id = ${listId} returning member_count as n`,
  );
  await recordAudit(ctx, { action: `list.members_${action}`, entityType: 'list', entityId: listId, after: { changed, by: how } });
  if (changed > 0)
    await emitEvent(ctx, { type: `list.members_${action}`, entityType: 'list', entityId: listId, data: { changed, by: how } });
  return { changed, unmatched: unmatched.slice(0, 100), unmatchedCount: unmatched.length, memberCount: n };
}

const how = (input: ListMembersInput) => (input.contactIds ? 'ids' : input.filter !== undefined ? 'filter' : 'emails');

/** Adds contacts to a static list by id, by filter (one statement) or by email; already-present contacts stay as they were. */
export async function addToList(ctx: Ctx, listId: string, input: ListMembersInput, source?: ListMemberSource): Promise<ListMembersResult> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const list = await loadList(c, listId, true);
    const { ids, unmatched } = await selectContacts(c, input);
    if (list.doubleOptIn) return askToConfirm(c, list, ids, unmatched, input);
    const src = source ?? (input.contactIds ? 'manual' : input.filter !== undefined ? 'filter' : 'import');
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      tx,
      sql`with ins as (insert into list_members (workspace_id, list_id, contact_id, source, added_by)
            select ${ctx.workspaceId}, ${listId}, x.id, ${src}, ${ctx.actor.userId ?? null}::uuid from (${ids}) x
            on conflict do nothing returning 1)
          select count(*)::int as n from ins`,
    );
    return finish(c, listId, 'added', n, unmatched, how(input));
  });
}

/**
 * A double opt-in list: nobody is added now. Each contact not yet a member (with an email, not unsubscribed, not
 * do-not-contact) gets a confirmation email and joins when they click it.
 */
async function askToConfirm(ctx: Ctx, list: { id: string; name: string }, ids: SQL, unmatched: string[], input: ListMembersInput) {
  const todo = await rows<{ id: string }>(
    ctx.db,
    sql`select c.id from contacts c where c.workspace_id = ${ctx.workspaceId} and c.id in (${ids})
          and c.email is not null and c.email_consent <> 'unsubscribed' and not c.do_not_contact
          and not exists (select 1 from list_members m where m.list_id = ${list.id} and m.contact_id = c.id)
        order by c.id limit ${maxConfirmationsPerAdd + 1}`,
  );
  if (todo.length > maxConfirmationsPerAdd)
    throw new AppError(
      'validation_failed',
      `This list uses double opt-in: adding sends one confirmation email per contact, at most ${maxConfirmationsPerAdd} at a time. Add fewer contacts (or send a broadcast with a signup link).`,
      { path: ['body', input.contactIds ? 'contactIds' : input.filter !== undefined ? 'filter' : 'emails'] },
    );
  for (const t of todo) await requestOptInConfirmation(ctx, { contactId: t.id, source: { kind: 'list', id: list.id, name: list.name } });
  const res = await finish(ctx, list.id, 'added', 0, unmatched, how(input));
  return { ...res, confirmationsSent: todo.length };
}

/** Double opt-in, confirmed: the contact joins the list (once; a deleted list takes nobody). */
export async function confirmListMember(ctx: Ctx, listId: string, contactId: string) {
  const [l] = await rows(
    ctx.db,
    sql`select 1 from contact_lists where workspace_id = ${ctx.workspaceId} and id = ${listId} and deleted_at is null`,
  );
  if (!l) return;
  const added = await rows(
    ctx.db,
    sql`insert into list_members (workspace_id, list_id, contact_id, source) values (${ctx.workspaceId}, ${listId}, ${contactId}, 'confirmed')
        on conflict do nothing returning 1`,
  );
  if (added.length) await finish(ctx, listId, 'added', 1, [], 'double opt-in');
}

/** Removes contacts from a static list by id, by filter or by email. */
export async function removeFromList(ctx: Ctx, listId: string, input: ListMembersInput): Promise<ListMembersResult> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await loadList(c, listId, true);
    const { ids, unmatched } = await selectContacts(c, input);
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      tx,
      sql`with del as (delete from list_members m where m.list_id = ${listId} and m.contact_id in (${ids}) returning 1)
          select count(*)::int as n from del`,
    );
    return finish(c, listId, 'removed', n, unmatched, how(input));
  });
}
