import { type SQL, sql } from 'drizzle-orm';
import { type Ctx, systemActor } from '../../../kernel/context.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';

export interface SegmentRef {
  id: string;
  workspaceId: string;
  name: string;
}

/** Which contacts an evaluation covers: a condition over a contact id column (a batch of ids, or an id range). */
export type ContactScope = (contactId: SQL) => SQL;

export const batchScope =
  (ids: string[]): ContactScope =>
  (col) =>
    sql`${col} = any(${`{${ids.join(',')}}`}::uuid[])`;

export const rangeScope =
  (after: string | null, upTo: string | null): ContactScope =>
  (col) =>
    sql`${after ? sql`${col} > ${after}::uuid` : sql`true`} and ${upTo ? sql`${col} <= ${upTo}::uuid` : sql`true`}`;

export interface MembershipChange {
  entered: string[];
  exited: string[];
}

/**
 * Makes segment_members of one segment exact for the contacts in scope, in one set-based statement: live contacts
 * matching `where` join, members that no longer match leave, and both are written to segment_history. The
 * incremental drain (a batch of dirty contacts) and the full rebuild (id ranges) both run exactly this, which is
 * why a rebuild equals the incremental result.
 */
export async function applyMembership(exec: Executor, s: SegmentRef, where: SQL, scope: ContactScope): Promise<MembershipChange> {
  const [r] = await rows<{ entered: string[] | null; exited: string[] | null }>(
    exec,
    sql`with matched as (
          select c.id from contacts c
          where c.workspace_id = ${s.workspaceId} and c.deleted_at is null and ${scope(sql`c.id`)} and (${where})),
        gone as (
          delete from segment_members m
          where m.segment_id = ${s.id} and ${scope(sql`m.contact_id`)} and not exists (select 1 from matched x where x.id = m.contact_id)
          returning m.contact_id),
        came as (
          insert into segment_members (workspace_id, segment_id, contact_id)
          select ${s.workspaceId}, ${s.id}, id from matched
          on conflict do nothing returning contact_id),
        history as (
          insert into segment_history (workspace_id, segment_id, contact_id, change)
          select ${s.workspaceId}::uuid, ${s.id}::uuid, contact_id, 'entered' from came
          union all select ${s.workspaceId}::uuid, ${s.id}::uuid, contact_id, 'exited' from gone)
        select (select array_agg(contact_id) from came) as entered, (select array_agg(contact_id) from gone) as exited`,
  );
  const change = { entered: r?.entered ?? [], exited: r?.exited ?? [] };
  const delta = change.entered.length - change.exited.length;
  if (delta !== 0) await exec.execute(sql`update segments set member_count = greatest(member_count + ${delta}, 0) where id = ${s.id}`);
  return change;
}

/** Outbox events for each contact that entered or left (the automation trigger), in the caller's transaction. */
export async function emitMembershipEvents(exec: Executor, s: SegmentRef, change: MembershipChange) {
  const ctx: Ctx = { db: exec, workspaceId: s.workspaceId, actor: systemActor('segments') };
  for (const [type, ids] of [
    ['segment.entered', change.entered],
    ['segment.exited', change.exited],
  ] as const)
    for (const contactId of ids)
      await emitEvent(ctx, { type, entityType: 'contact', entityId: contactId, data: { segmentId: s.id, segmentName: s.name, contactId } });
}
