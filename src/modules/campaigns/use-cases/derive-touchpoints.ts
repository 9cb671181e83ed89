import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { campaignPendingEvents, campaignTouchpoints, type TouchpointKind } from '../schema.ts';

/** Behaviour-log kinds that are campaign touchpoints, and what they become. */
export const touchpointOfEvent: Record<string, TouchpointKind> = {
  page_view: 'visit',
  form_submit: 'form_submit',
  email_click: 'email_click',
  event_attended: 'event_attended',
};
const eventKinds = Object.keys(touchpointOfEvent);

/**
 * How far back each run re-reads before its watermark. `recorded_at` is the writing transaction's start time, so
 * a transaction that commits after a run read past its start would otherwise be skipped; re-reading is harmless
 * (touchpoints are unique per contact, campaign, kind and event).
 */
export const overlapMinutes = 10;
const batch = 2000;

export interface DeriveResult {
  events: number;
  touchpoints: number;
  pending: number;
}

type Touch = { campaignId: string; contactId: string; kind: TouchpointKind; occurredAt: Date; eventKey: string };

async function insertTouches(exec: Executor, workspaceId: string, touches: Touch[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < touches.length; i += 1000) {
    const part = touches.slice(i, i + 1000);
    if (!part.length) continue;
    const res = await exec
      .insert(campaignTouchpoints)
      .values(part.map((t) => ({ id: newId(), workspaceId, ...t })))
      .onConflictDoNothing()
      .returning({ id: campaignTouchpoints.id });
    added += res.length;
  }
  return added;
}

/** The campaign an event belongs to: its campaign_id when that is a campaign, else the campaign whose slug is props.utm.campaign. */
const campaignOfEvent = (workspaceId: string) => sql`coalesce(
    (select c.id from campaigns c where c.workspace_id = ${workspaceId} and c.id = e.campaign_id),
    (select c.id from campaigns c where c.workspace_id = ${workspaceId} and c.slug = lower(e.props -> 'utm' ->> 'campaign')))`;

/**
 * Records the touchpoints the behaviour log and deals imply since the last run, for one workspace: campaign events
 * of known contacts, anonymous ones once their visitor is identified (kept as pending until then), and deals whose
 * campaign_id names a campaign (a deal_source touchpoint per deal contact at the deal's creation). Idempotent; runs
 * of one workspace are serialized by its state row.
 */
export async function deriveTouchpoints(db: Executor, workspaceId: string): Promise<DeriveResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into campaign_derivation_state (workspace_id) values (${workspaceId}) on conflict do nothing`);
    const [state] = await rows<{ since: string; up_to: string }>(
      tx,
      sql`select (events_through - make_interval(mins => ${overlapMinutes}))::text as since, now()::text as up_to
          from campaign_derivation_state where workspace_id = ${workspaceId} for update`,
    );
    const { since, up_to: upTo } = state!;
    const result: DeriveResult = { events: 0, touchpoints: 0, pending: 0 };
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const page: {
        id: string;
        occurred_at: Date | string;
        recorded_at: string;
        contact_id: string | null;
        visitor_id: string | null;
        kind: string;
        campaign_id: string | null;
      }[] = await rows(
        tx,
        sql`select e.id, e.occurred_at, e.recorded_at::text as recorded_at, e.contact_id, e.visitor_id, e.kind, ${campaignOfEvent(workspaceId)} as campaign_id
              from contact_events e
              where e.workspace_id = ${workspaceId} and (e.campaign_id is not null or e.props -> 'utm' is not null)
                and e.recorded_at > ${since}::timestamptz and e.recorded_at <= ${upTo}::timestamptz
                and e.kind in (${sql.join(
                  eventKinds.map((k) => sql`${k}`),
                  sql`, `,
                )})
                ${after ? sql`and (e.recorded_at, e.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
              order by e.recorded_at, e.id limit ${batch}`,
      );
      if (page.length === 0) break;
      result.events += page.length;
      const last = page[page.length - 1]!;
      after = { at: last.recorded_at, id: last.id };
      const matched = page.filter((e) => e.campaign_id);
      const touches = matched
        .filter((e) => e.contact_id)
        .map((e) => ({
          campaignId: e.campaign_id!,
          contactId: e.contact_id!,
          kind: touchpointOfEvent[e.kind]!,
          occurredAt: new Date(e.occurred_at),
          eventKey: e.id,
        }));
      result.touchpoints += await insertTouches(tx, workspaceId, touches);
      const anonymous = matched.filter((e) => !e.contact_id && e.visitor_id);
      if (anonymous.length)
        await tx
          .insert(campaignPendingEvents)
          .values(
            anonymous.map((e) => ({
              workspaceId,
              eventId: e.id,
              occurredAt: new Date(e.occurred_at),
              campaignId: e.campaign_id!,
              kind: touchpointOfEvent[e.kind]!,
            })),
          )
          .onConflictDoNothing();
      if (page.length < batch) break;
    }
    result.touchpoints += await resolvePending(tx, workspaceId);
    result.touchpoints += await deriveDealSources(tx, workspaceId, since);
    const [left] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from campaign_pending_events where workspace_id = ${workspaceId}`,
    );
    result.pending = left!.n;
    await tx.execute(
      sql`update campaign_derivation_state set events_through = ${upTo}::timestamptz, updated_at = now() where workspace_id = ${workspaceId}`,
    );
    return result;
  });
}

/** Pending anonymous campaign events whose visitor has since been identified become touchpoints; old ones expire after 180 days. */
async function resolvePending(tx: Executor, workspaceId: string): Promise<number> {
  const ready = await rows<{ event_id: string; occurred_at: Date | string; campaign_id: string; kind: TouchpointKind; contact_id: string }>(
    tx,
    sql`select p.event_id, p.occurred_at, p.campaign_id, p.kind, e.contact_id
        from campaign_pending_events p
        join contact_events e on e.workspace_id = p.workspace_id and e.occurred_at = p.occurred_at and e.id = p.event_id
        where p.workspace_id = ${workspaceId} and e.contact_id is not null`,
  );
  const added = await insertTouches(
    tx,
    workspaceId,
    ready.map((r) => ({
      campaignId: r.campaign_id,
      contactId: r.contact_id,
      kind: r.kind,
      occurredAt: new Date(r.occurred_at),
      eventKey: r.event_id,
    })),
  );
  await tx.execute(sql`delete from campaign_pending_events p where p.workspace_id = ${workspaceId} and (
      p.occurred_at < now() - interval '180 days'
      or not exists (select 1 from contact_events e where e.workspace_id = p.workspace_id and e.occurred_at = p.occurred_at and e.id = p.event_id and e.contact_id is null))`);
  return added;
}

/**
 * Deals changed since the watermark whose campaign_id (text: a campaign id or utm slug) names a campaign: one
 * deal_source touchpoint per deal contact at the deal's creation. A deal's earlier deal_source touchpoints are
 * replaced, so changing a deal's campaign or contacts moves them.
 */
async function deriveDealSources(tx: Executor, workspaceId: string, since: string): Promise<number> {
  const changed = await rows<{ id: string; created_at: Date | string; campaign_id: string | null; contact_id: string | null }>(
    tx,
    sql`select d.id, d.created_at, c.id as campaign_id, dc.contact_id
        from deals d
        left join campaigns c on c.workspace_id = d.workspace_id and (c.id::text = d.campaign_id or c.slug = lower(d.campaign_id))
        left join deal_contacts dc on dc.workspace_id = d.workspace_id and dc.deal_id = d.id
        where d.workspace_id = ${workspaceId} and d.updated_at > ${since}::timestamptz
          and (d.campaign_id is not null or exists (select 1 from campaign_touchpoints t where t.workspace_id = d.workspace_id
               and t.kind = 'deal_source' and t.event_key = d.id::text))`,
  );
  if (!changed.length) return 0;
  const dealIds = [...new Set(changed.map((r) => r.id))];
  const touches = changed
    .filter((r) => r.campaign_id && r.contact_id)
    .map((r) => ({
      campaignId: r.campaign_id!,
      contactId: r.contact_id!,
      kind: 'deal_source' as const,
      occurredAt: new Date(r.created_at),
      eventKey: r.id,
    }));
  // Remove the deals' deal-source touchpoints that no longer hold (campaign or contacts changed); keep the rest.
  const wanted = new Set(touches.map((t) => `${t.eventKey}:${t.contactId}:${t.campaignId}`));
  for (let i = 0; i < dealIds.length; i += 1000) {
    const existing = await rows<{ id: string; key: string }>(
      tx,
      sql`select id, event_key || ':' || contact_id || ':' || campaign_id as key from campaign_touchpoints
          where workspace_id = ${workspaceId} and kind = 'deal_source'
            and event_key in (${sql.join(
              dealIds.slice(i, i + 1000).map((id) => sql`${id}`),
              sql`, `,
            )})`,
    );
    const stale = existing.filter((e) => !wanted.has(e.key)).map((e) => e.id);
    if (stale.length)
      await tx.execute(sql`delete from campaign_touchpoints where workspace_id = ${workspaceId}
        and id in (${sql.join(
          stale.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`);
  }
  return insertTouches(tx, workspaceId, touches);
}
