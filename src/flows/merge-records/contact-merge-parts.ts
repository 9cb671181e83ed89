import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { lifecycleStages } from '../../modules/contacts/index.ts';
import type { FieldRule } from './choose-values.ts';
import type { ContactRow } from './lock-records.ts';

const simple = (name: keyof ContactRow): FieldRule<ContactRow> => ({ name, get: (r) => r[name] });

/** How far along a stage is ("other" counts as not along at all). */
const stageRank = (s: string | null) => (s && s !== 'other' ? lifecycleStages.indexOf(s as (typeof lifecycleStages)[number]) : -1);

/**
 * The contact fields a merge can choose. By default: the survivor's value, or the first merged
 * record's when the survivor has none; the lifecycle stage furthest along; do-not-contact when any
 * record says so; the first touch of the oldest record. `email` and `phone` choose whose primary
 * email or phone stays primary (every email and phone moves to the survivor regardless).
 */
export const contactRules: FieldRule<ContactRow>[] = [
  simple('firstName'),
  simple('lastName'),
  simple('title'),
  simple('ownerId'),
  simple('companyId'),
  simple('source'),
  simple('leadStatus'),
  simple('lastTouch'),
  simple('email'),
  simple('phone'),
  {
    name: 'lifecycleStage',
    get: (r) => r.lifecycleStage,
    pick: (records) => records.reduce((best, r) => (stageRank(r.lifecycleStage) > stageRank(best.lifecycleStage) ? r : best)),
  },
  { name: 'doNotContact', get: (r) => r.doNotContact, pick: (records) => records.find((r) => r.doNotContact) ?? records[0] },
  {
    name: 'firstTouch',
    get: (r) => r.firstTouch,
    pick: (records) => [...records].filter((r) => r.firstTouch).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0],
  },
];

const ws = (ctx: Ctx) => ctx.workspaceId;
const list = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Every email of the merged contacts moves to the survivor; `primary` becomes the primary. Spellings
 * of one address (legacy rows like "Ada@X.org" beside "ada@x.org") collapse to one row, the
 * normalized one when present, so the survivor keeps each address once.
 */
export async function moveEmails(ctx: Ctx, survivorId: string, mergedIds: string[], primary: string | null) {
  await ctx.db.execute(sql`update contact_emails set contact_id = ${survivorId}, is_primary = false
    where workspace_id = ${ws(ctx)} and contact_id in (${list(mergedIds)})`);
  const norm = (col: SQL) => sql`lower(trim(${col}))`;
  await ctx.db.execute(sql`delete from contact_emails e where e.workspace_id = ${ws(ctx)} and e.contact_id = ${survivorId}
    and exists (select 1 from contact_emails o where o.workspace_id = e.workspace_id and o.contact_id = e.contact_id
      and ${norm(sql`o.email`)} = ${norm(sql`e.email`)} and o.email <> e.email
      and (o.email = ${norm(sql`o.email`)} or (e.email <> ${norm(sql`e.email`)} and o.email < e.email)))`);
  const emails = await rows<{ email: string }>(
    ctx.db,
    sql`select email from contact_emails where workspace_id = ${ws(ctx)} and contact_id = ${survivorId} order by is_primary desc, created_at, email`,
  );
  const wanted = primary?.trim().toLowerCase();
  const chosen =
    emails.find((e) => e.email === primary)?.email ??
    emails.find((e) => e.email.trim().toLowerCase() === wanted)?.email ??
    emails[0]?.email ??
    null;
  if (chosen)
    await ctx.db.execute(
      sql`update contact_emails set is_primary = (email = ${chosen}) where workspace_id = ${ws(ctx)} and contact_id = ${survivorId}`,
    );
  return chosen;
}

/** Phones move too, except numbers the survivor already has; `primary` becomes the primary when present. */
export async function movePhones(ctx: Ctx, survivorId: string, mergedIds: string[], primary: string | null) {
  await ctx.db.execute(sql`delete from contact_phones p where p.workspace_id = ${ws(ctx)} and p.contact_id in (${list(mergedIds)})
    and exists (select 1 from contact_phones s where s.workspace_id = p.workspace_id and s.contact_id = ${survivorId} and s.phone = p.phone)`);
  // Two merged contacts may share a number: keep one row of each.
  await ctx.db.execute(sql`delete from contact_phones p where p.workspace_id = ${ws(ctx)} and p.contact_id in (${list(mergedIds)})
    and exists (select 1 from contact_phones o where o.workspace_id = p.workspace_id and o.contact_id in (${list(mergedIds)}) and o.phone = p.phone and o.id < p.id)`);
  await ctx.db.execute(sql`update contact_phones set contact_id = ${survivorId}, is_primary = false
    where workspace_id = ${ws(ctx)} and contact_id in (${list(mergedIds)})`);
  const phones = await rows<{ id: string; phone: string }>(
    ctx.db,
    sql`select id, phone from contact_phones where workspace_id = ${ws(ctx)} and contact_id = ${survivorId} order by is_primary desc, id`,
  );
  const chosen = phones.find((p) => p.phone === primary) ?? phones[0];
  if (chosen)
    await ctx.db.execute(
      sql`update contact_phones set is_primary = (id = ${chosen.id}) where workspace_id = ${ws(ctx)} and contact_id = ${survivorId}`,
    );
  return chosen?.phone ?? null;
}

/** Company links of all the contacts become the survivor's; `primaryId` is the primary one (contacts.company_id). */
export async function moveCompanyLinks(ctx: Ctx, survivorId: string, mergedIds: string[], primaryId: string | null) {
  await ctx.db.execute(sql`insert into contact_companies (workspace_id, contact_id, company_id, is_primary, created_at)
    select workspace_id, ${survivorId}::uuid, company_id, false, min(created_at) from contact_companies
    where workspace_id = ${ws(ctx)} and contact_id in (${list(mergedIds)}) group by workspace_id, company_id
    on conflict do nothing`);
  await ctx.db.execute(sql`delete from contact_companies where workspace_id = ${ws(ctx)} and contact_id in (${list(mergedIds)})`);
  if (primaryId)
    await ctx.db.execute(sql`insert into contact_companies (workspace_id, contact_id, company_id, is_primary)
      values (${ws(ctx)}, ${survivorId}, ${primaryId}, true) on conflict do nothing`);
  await ctx.db.execute(sql`update contact_companies set is_primary = (company_id is not distinct from ${primaryId}::uuid)
    where workspace_id = ${ws(ctx)} and contact_id = ${survivorId}`);
}

/** The current email consent after the histories were joined: the newest email consent entry, if any. */
export async function latestConsent(ctx: Ctx, contactId: string): Promise<string | null> {
  const [c] = await rows<{ status: string }>(
    ctx.db,
    sql`select status from consent_history where workspace_id = ${ws(ctx)} and contact_id = ${contactId} and channel = 'email'
        order by recorded_at desc, id desc limit 1`,
  );
  return c?.status ?? null;
}
