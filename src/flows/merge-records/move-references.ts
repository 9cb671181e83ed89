import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { MergeKind } from './merge-input.ts';

/**
 * A column that holds a record id and simply moves to the survivor. Modules that add such a column
 * (deals.contact_id, …) add a line here: merges then carry their rows along.
 */
export interface Reference {
  table: string;
  column: string;
  /** Extra condition, e.g. the entity type of a polymorphic link. */
  where?: SQL;
}

export const contactReferences: Reference[] = [
  { table: 'tasks', column: 'entity_id', where: sql`entity_type = 'contact'` },
  { table: 'lifecycle_history', column: 'contact_id' },
  { table: 'consent_history', column: 'contact_id' },
  { table: 'contact_events', column: 'contact_id' },
  // A later import keyed by the source system's id updates the survivor instead of re-creating the merged record.
  { table: 'external_ids', column: 'record_id', where: sql`entity_type = 'contact'` },
];

export const companyReferences: Reference[] = [
  { table: 'contacts', column: 'company_id' },
  { table: 'deals', column: 'company_id' },
  { table: 'tasks', column: 'entity_id', where: sql`entity_type = 'company'` },
  { table: 'external_ids', column: 'record_id', where: sql`entity_type = 'company'` },
];

const ids = (list: string[]) =>
  sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Points every reference to a merged record at the survivor. */
export async function repoint(ctx: Ctx, refs: Reference[], survivorId: string, mergedIds: string[]) {
  for (const r of refs)
    await ctx.db.execute(sql`update ${sql.identifier(r.table)} set ${sql.identifier(r.column)} = ${survivorId}
      where workspace_id = ${ctx.workspaceId} and ${sql.identifier(r.column)} in (${ids(mergedIds)}) ${r.where ? sql`and ${r.where}` : sql``}`);
}

/** Moves activity links to the survivor; an activity linked to both keeps one link. */
export async function moveActivityLinks(ctx: Ctx, kind: MergeKind, survivorId: string, mergedIds: string[]) {
  await ctx.db.execute(sql`insert into activity_links (workspace_id, activity_id, entity_type, entity_id, occurred_at)
    select workspace_id, activity_id, entity_type, ${survivorId}::uuid, occurred_at from activity_links
    where workspace_id = ${ctx.workspaceId} and entity_type = ${kind} and entity_id in (${ids(mergedIds)})
    on conflict do nothing`);
  await ctx.db.execute(
    sql`delete from activity_links where workspace_id = ${ctx.workspaceId} and entity_type = ${kind} and entity_id in (${ids(mergedIds)})`,
  );
}

/** Deal contacts of merged contacts become the survivor's; on a deal with both, the survivor keeps its role (or takes the merged one's). */
export async function moveDealContacts(ctx: Ctx, survivorId: string, mergedIds: string[]) {
  await ctx.db.execute(sql`insert into deal_contacts (workspace_id, deal_id, contact_id, role, created_at)
    select distinct on (deal_id) workspace_id, deal_id, ${survivorId}::uuid, role, created_at from deal_contacts
    where workspace_id = ${ctx.workspaceId} and contact_id in (${ids(mergedIds)}) order by deal_id, created_at
    on conflict (workspace_id, deal_id, contact_id) do update set role = coalesce(deal_contacts.role, excluded.role)`);
  await ctx.db.execute(sql`delete from deal_contacts where workspace_id = ${ctx.workspaceId} and contact_id in (${ids(mergedIds)})`);
}

/** Notification links that name a merged record (a path like /contacts/<id>) name the survivor instead. */
export async function moveNotificationLinks(ctx: Ctx, survivorId: string, mergedIds: string[]) {
  for (const id of mergedIds)
    await ctx.db.execute(sql`update notifications set link = replace(link, ${id}, ${survivorId})
      where workspace_id = ${ctx.workspaceId} and link like ${`%${id}%`}`);
}

/**
 * The merged ids become aliases of the survivor (gets by an old id resolve to it, and its audit
 * history stays findable), older aliases of them are re-pointed so chains stay one hop, and
 * dismissed duplicate pairs that name them are dropped (they are about records that no longer exist).
 */
export async function aliasMergedRecords(ctx: Ctx, kind: MergeKind, survivorId: string, mergedIds: string[]) {
  await ctx.db.execute(sql`update record_aliases set target_id = ${survivorId}
    where workspace_id = ${ctx.workspaceId} and entity_type = ${kind} and target_id in (${ids(mergedIds)})`);
  await ctx.db.execute(sql`insert into record_aliases (workspace_id, entity_type, alias_id, target_id)
    select ${ctx.workspaceId}, ${kind}, m, ${survivorId}::uuid from unnest(array[${ids(mergedIds)}]) m
    on conflict (workspace_id, alias_id) do update set target_id = excluded.target_id, entity_type = excluded.entity_type`);
  await ctx.db.execute(sql`delete from duplicate_dismissals where workspace_id = ${ctx.workspaceId} and entity_type = ${kind}
    and (record_a in (${ids(mergedIds)}) or record_b in (${ids(mergedIds)}))`);
}

/** The latest last_activity_at of the records. */
export const latest = (dates: (Date | null)[]) => dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
