import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { newId } from '../../../kernel/db/index.ts';
import type { ContactEventKind } from '../event-kinds.ts';

export interface ContactEventInput {
  kind: ContactEventKind;
  occurredAt?: Date;
  /** Known person; null for an anonymous visitor (stitched later by `identifyVisitor`). */
  contactId?: string | null;
  visitorId?: string | null;
  sessionId?: string | null;
  /** Custom event name, e.g. `webinar_registered`. */
  name?: string | null;
  url?: string | null;
  /** What the event is about: the form, broadcast, message or page id. */
  subjectId?: string | null;
  campaignId?: string | null;
  props?: Record<string, unknown>;
}

const chunk = 1000;

/** Called in the writing transaction with the contacts whose behaviour changed (segments re-evaluate them). */
export type BehaviourHook = (exec: Executor, workspaceId: string, contactIds: string[]) => Promise<void>;
const behaviourHooks: BehaviourHook[] = [];

/** Lets a module react to new behaviour of known contacts (segments mark them for re-evaluation). */
export function onBehaviourRecorded(hook: BehaviourHook) {
  behaviourHooks.push(hook);
}

/**
 * Tells the hooks that these contacts have new behaviour. `recordContactEvents` and `identifyVisitor` call it; a
 * producer that writes contact_events with its own SQL (tracking's batched collector) calls it too.
 */
export async function behaviourChanged(exec: Executor, workspaceId: string, contactIds: (string | null | undefined)[]) {
  const ids = [...new Set(contactIds.filter((id): id is string => !!id))];
  if (ids.length) for (const hook of behaviourHooks) await hook(exec, workspaceId, ids);
}

/**
 * Appends behaviour facts in the caller's transaction, one multi-row insert per thousand. Returns the ids. URLs are
 * kept to 2,000 characters and names to 200 (as the tracking collector does): both are in contact_events_contact_idx,
 * whose entries must stay under PostgreSQL's btree limit of 2,704 bytes.
 * Months without a partition land in the default partition; `ensureEventPartitions` moves them in.
 */
export async function recordContactEvents(exec: Executor, workspaceId: string, events: ContactEventInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < events.length; i += chunk) {
    const values = events.slice(i, i + chunk).map((e) => {
      const id = newId();
      ids.push(id);
      return sql`(${workspaceId}, ${id}, ${(e.occurredAt ?? new Date()).toISOString()}::timestamptz, ${e.contactId ?? null}::uuid,
        ${e.visitorId ?? null}::uuid, ${e.sessionId ?? null}::uuid, ${e.kind}, ${e.name?.slice(0, 200) ?? null}, ${e.url?.slice(0, 2000) ?? null},
        ${e.subjectId ?? null}::uuid, ${e.campaignId ?? null}::uuid, ${JSON.stringify(e.props ?? {})}::jsonb)`;
    });
    await exec.execute(sql`insert into contact_events
      (workspace_id, id, occurred_at, contact_id, visitor_id, session_id, kind, name, url, subject_id, campaign_id, props)
      values ${sql.join(values, sql`, `)}`);
  }
  await behaviourChanged(
    exec,
    workspaceId,
    events.map((e) => e.contactId),
  );
  return ids;
}

/** Called in the writing transaction when a visitor turns out to be a contact (tracking links its web sessions). */
export type VisitorHook = (exec: Executor, workspaceId: string, visitorId: string, contactId: string) => Promise<void>;
const visitorHooks: VisitorHook[] = [];

/** Lets a module follow identifications, whoever makes them (a form submit, a signed link). */
export function onVisitorIdentified(hook: VisitorHook) {
  visitorHooks.push(hook);
}

/**
 * Gives an anonymous visitor's earlier events to the contact they turned out to be, and lets the hooks follow (web
 * sessions, segments). Returns how many events moved.
 */
export async function identifyVisitor(exec: Executor, workspaceId: string, visitorId: string, contactId: string): Promise<number> {
  for (const hook of visitorHooks) await hook(exec, workspaceId, visitorId, contactId);
  const res = (await exec.execute(sql`update contact_events set contact_id = ${contactId}
    where workspace_id = ${workspaceId} and visitor_id = ${visitorId} and contact_id is null`)) as unknown as {
    rowCount?: number;
    affectedRows?: number;
  };
  const moved = res.rowCount ?? res.affectedRows ?? 0;
  if (moved > 0) await behaviourChanged(exec, workspaceId, [contactId]);
  return moved;
}
