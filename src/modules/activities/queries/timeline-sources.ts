import { type SQL, sql } from 'drizzle-orm';

export const timelineKinds = ['activity', 'task', 'stage_change', 'field_change'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** What every source is asked for: one record's items older than the cursor, at most `limit` of them. */
export interface TimelineScope {
  workspaceId: string;
  entityType: string;
  entityId: string;
  /** The page size + 1: no source can contribute more to one page. */
  limit: number;
  /** Keyset cursor (ISO time with microseconds, key): only items strictly after it in (at desc, key desc) order. */
  before?: [string, string];
  /** Activity types to include (all when absent). */
  activityTypes?: string[];
}

/**
 * One stream of the timeline. `query` returns a SELECT of exactly these columns, ordered by
 * (at desc, key desc) and limited to `scope.limit`, using an index that serves that order:
 *   kind text, at timestamptz, key text (unique across sources), ref_id uuid, actor_id text,
 *   actor_label text (null: looked up from actor_id), data jsonb
 * It returns undefined when it has nothing for the record type. `summary` writes the one-line text.
 * To add a source (email events, web visits): write one of these and add it to `timelineSources`.
 */
export interface TimelineSource {
  kind: TimelineKind;
  query(scope: TimelineScope): SQL | undefined;
  summary(data: Record<string, unknown>): string;
}

/** `and (at, key) < cursor`, written so the `at <= …` half can bound an index range scan. */
export function olderThan(s: TimelineScope, at: SQL, key: SQL): SQL {
  if (!s.before) return sql``;
  const [t, k] = s.before;
  return sql`and ${at} <= ${t}::timestamptz and (${at} < ${t}::timestamptz or ${key} collate "C" < ${k})`;
}

/**
 * Activity links of one record, newest first, read from activity_links_entity_idx alone; with a type
 * filter the activity is joined first, so the LIMIT counts only matching ones.
 */
function linkedActivities(s: TimelineScope, entityType: string, entityId: SQL) {
  const types = s.activityTypes
    ? sql`join activities a on a.id = l.activity_id and a.workspace_id = l.workspace_id and a.type in (${sql.join(
        s.activityTypes.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``;
  return sql`select l.occurred_at, l.activity_id from activity_links l ${types}
    where l.workspace_id = ${s.workspaceId} and l.entity_type = ${entityType} and l.entity_id = ${entityId}
      ${olderThan(s, sql`l.occurred_at`, sql`l.activity_id::text`)}
    order by l.occurred_at desc, l.activity_id desc limit ${s.limit}`;
}

const activitySource: TimelineSource = {
  kind: 'activity',
  query(s) {
    // A company's timeline also shows the activities of its contacts (one short index scan per contact);
    // UNION drops an activity linked to both.
    const ids =
      s.entityType === 'company'
        ? sql`(${linkedActivities(s, 'company', sql`${s.entityId}`)}) union (select x.occurred_at, x.activity_id from contacts c
            cross join lateral (${linkedActivities(s, 'contact', sql`c.id`)}) x
            where c.workspace_id = ${s.workspaceId} and c.company_id = ${s.entityId} and c.deleted_at is null)`
        : linkedActivities(s, s.entityType, sql`${s.entityId}`);
    // Cut to one page before touching activities, so only those rows are read.
    return sql`select 'activity' as kind, i.occurred_at as at, i.activity_id::text as key, i.activity_id as ref_id, a.created_by as actor_id,
        null::text as actor_label,
        jsonb_build_object('activityId', a.id, 'type', a.type, 'subject', a.subject, 'body', left(a.body, 2000), 'details', a.details) as data
      from (select * from (${ids}) u order by u.occurred_at desc, u.activity_id desc limit ${s.limit}) i
      join activities a on a.id = i.activity_id and a.workspace_id = ${s.workspaceId}
      order by i.occurred_at desc, i.activity_id desc`;
  },
  summary(d) {
    const x = (d.details ?? {}) as Record<string, unknown>;
    const subject = d.subject ? `: ${d.subject}` : '';
    if (d.type === 'note')
      return `Note: ${String(d.subject || d.body)
        .split('\n')[0]!
        .slice(0, 140)}`;
    if (d.type === 'meeting') return `Meeting${subject}`;
    if (d.type === 'email')
      return `Email ${x.direction === 'inbound' ? `from ${x.from}` : `to ${(x.to as string[] | undefined)?.[0] ?? ''}`}${subject}`;
    const parts = [
      x.outcome && String(x.outcome).replace(/_/g, ' '),
      typeof x.durationSeconds === 'number' && `${Math.round(x.durationSeconds / 60)} min`,
    ];
    const extra = parts.filter(Boolean).join(', ');
    return `${x.direction === 'inbound' ? 'Inbound' : 'Outbound'} call${extra ? ` (${extra})` : ''}${subject}`;
  },
};

const taskSource: TimelineSource = {
  kind: 'task',
  query(s) {
    const task = (
      event: string,
      at: string,
      actor: string,
    ) => sql`select 'task' as kind, ${sql.raw(at)} as at, t.id::text || ${`:${event}`} as key,
        t.id as ref_id, ${sql.raw(actor)} as actor_id, null::text as actor_label,
        jsonb_build_object('taskId', t.id, 'event', ${event}::text, 'title', t.title, 'status', t.status, 'dueAt', t.due_at,
          'priority', t.priority, 'assigneeId', t.assignee_id) as data
      from tasks t where t.workspace_id = ${s.workspaceId} and t.entity_type = ${s.entityType} and t.entity_id = ${s.entityId}
        and ${sql.raw(at)} is not null`;
    return sql`select * from (${task('created', 't.created_at', 't.created_by')} union all ${task('completed', 't.completed_at', 't.completed_by')}) x
      where true ${olderThan(s, sql`x.at`, sql`x.key`)} order by x.at desc, x.key collate "C" desc limit ${s.limit}`;
  },
  summary: (d) => `Task ${d.event}: ${d.title}`,
};

const stageSource: TimelineSource = {
  kind: 'stage_change',
  query(s) {
    if (s.entityType !== 'contact') return undefined;
    return sql`select 'stage_change' as kind, h.changed_at as at, h.id::text as key, h.id as ref_id, h.actor_id,
        case when h.actor_type = 'system' then coalesce('Rule: ' || h.rule, 'Tandem') end as actor_label,
        jsonb_build_object('from', h.from_stage, 'to', h.to_stage, 'rule', h.rule) as data
      from lifecycle_history h where h.workspace_id = ${s.workspaceId} and h.contact_id = ${s.entityId}
        ${olderThan(s, sql`h.changed_at`, sql`h.id::text`)}
      order by h.changed_at desc, h.id desc limit ${s.limit}`;
  },
  summary: (d) => {
    const label = (v: unknown) => String(v).replace(/_/g, ' ');
    return d.from ? `Lifecycle stage: ${label(d.from)} → ${label(d.to)}` : `Lifecycle stage set to ${label(d.to)}`;
  },
};

/** Keys that change on every write or are not the user's data; secrets are skipped by name as in the audit log. */
// lifecycleStage has its own entries (stage_change, with the rule that moved it), so it is not repeated as a field change.
const ignoredFields = sql`('id', 'workspaceId', 'createdAt', 'updatedAt', 'lastActivityAt', 'lifecycleStage', 'lifecycleChangedAt')`;
const obj = (v: SQL) => sql`(case when jsonb_typeof(${v}) = 'object' then ${v} else '{}'::jsonb end)`;

const fieldSource: TimelineSource = {
  kind: 'field_change',
  query(s) {
    // Changed fields, before → after, from the audit entry's jsonb; custom fields one level down as custom.<key>.
    const diff = sql`select jsonb_agg(jsonb_build_object('field', f.k, 'before', f.b, 'after', f.a) order by f.k) as changes from (
        select k, g.before -> k as b, g.after -> k as a from jsonb_object_keys(${obj(sql`g.before`)} || ${obj(sql`g.after`)}) k where k <> 'custom'
        union all
        select 'custom.' || k, g.before -> 'custom' -> k, g.after -> 'custom' -> k
          from jsonb_object_keys(${obj(sql`(g.before -> 'custom')`)} || ${obj(sql`(g.after -> 'custom')`)}) k
      ) f where f.b is distinct from f.a and f.k not in ${ignoredFields} and f.k !~* '(password|secret|token|hash)'`;
    // Sort the candidate keys first, then fetch and diff entries one at a time in that order (OFFSET 0
    // keeps the fetch a nested loop), so the LIMIT stops the diffing after one page.
    return sql`select 'field_change' as kind, g.created_at as at, g.id::text as key, g.id as ref_id, g.actor_id, g.actor_label,
        jsonb_build_object('action', g.action, 'changes', d.changes) as data
      from (select e.id, e.created_at from audit_log e
            where e.workspace_id = ${s.workspaceId} and e.entity_type = ${s.entityType} and e.entity_id = ${s.entityId}
              and e.before is not null and e.after is not null ${olderThan(s, sql`e.created_at`, sql`e.id::text`)}
            order by e.created_at desc, e.id desc) k
      join lateral (select * from audit_log where id = k.id offset 0) g on true
      cross join lateral (${diff}) d
      where d.changes is not null
      order by k.created_at desc, k.id desc limit ${s.limit}`;
  },
  summary(d) {
    const fields = ((d.changes ?? []) as { field: string }[]).map((c) => c.field);
    const shown = fields.slice(0, 3).join(', ');
    return `Changed ${shown}${fields.length > 3 ? ` and ${fields.length - 3} more` : ''}`;
  },
};

/** Every source of the record timeline, in no particular order (the query merges them by time). */
export const timelineSources: TimelineSource[] = [activitySource, taskSource, stageSource, fieldSource];
