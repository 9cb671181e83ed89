import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../../kernel/http/index.ts';
import { activityTypes } from '../schema.ts';
import { assertRecordExists } from '../use-cases/record-links.ts';
import { checkTimeCursor } from './time-cursor.ts';
import { type TimelineKind, type TimelineScope, timelineKinds, timelineSources } from './timeline-sources.ts';

/** What `types=` accepts: a kind, or an activity type (note, call, meeting, email) for just those activities. */
export const timelineTypes = [...timelineKinds, ...activityTypes] as const;

export interface TimelineQuery {
  entityType: string;
  entityId: string;
  limit: number;
  cursor?: string;
  /** Comma-separated `timelineTypes`; all when absent. */
  types?: string;
}

interface Row {
  kind: TimelineKind;
  at: Date | string;
  key: string;
  at_key: string;
  actor: string;
  data: Record<string, unknown> | string;
  links: { entityType: string; entityId: string }[] | string | null;
}

function parseTypes(types: string | undefined): { kinds: Set<string>; activityTypes?: string[] } {
  if (!types) return { kinds: new Set(timelineKinds) };
  const list = [
    ...new Set(
      types
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const bad = list.find((t) => !(timelineTypes as readonly string[]).includes(t));
  if (bad || list.length === 0)
    throw new AppError(
      'validation_failed',
      `Unknown timeline type "${bad ?? ''}": use a comma-separated list of ${timelineTypes.join(', ')}.`,
      { path: ['query', 'types'] },
    );
  const picked = list.filter((t) => (activityTypes as readonly string[]).includes(t));
  const kinds = new Set(list.filter((t) => (timelineKinds as readonly string[]).includes(t)));
  if (picked.length && !kinds.has('activity')) return { kinds: new Set([...kinds, 'activity']), activityTypes: picked };
  return { kinds };
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * A record's timeline, newest first: its activities (for a company also its contacts'), tasks created
 * and completed on it, lifecycle stage changes and field changes, merged in one SQL statement. Each
 * source takes at most one page from its own index, so a page costs the same with ten or ten million
 * rows; the keyset cursor is (at, key) with the time to the microsecond.
 */
export async function getTimeline(ctx: Ctx, q: TimelineQuery) {
  const before = checkTimeCursor(decodeCursor(q.cursor, 2));
  const { kinds, activityTypes: types } = parseTypes(q.types);
  await assertRecordExists(ctx, q.entityType, q.entityId, ['params', 'entityId']);
  const scope: TimelineScope = {
    workspaceId: ctx.workspaceId,
    entityType: q.entityType,
    entityId: q.entityId,
    limit: q.limit + 1,
    before,
    activityTypes: types,
  };
  const sources = timelineSources.filter((s) => kinds.has(s.kind));
  const query = timelineSql(scope, sources);
  const fetched = query ? await rows<Row>(ctx.db, query) : [];
  const page = toPage(fetched, q.limit, (r) => [r.at_key, r.key]);
  const summaryOf = new Map(sources.map((s) => [s.kind, s.summary]));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => {
      const data = { ...json(r.data), ...(r.links ? { links: json(r.links) } : {}) };
      return { id: r.key, kind: r.kind, at: new Date(r.at), actor: r.actor, summary: summaryOf.get(r.kind)!(data), data };
    }),
  };
}

/** The one statement behind a timeline page (undefined when no source applies); exported for benchmarks. */
export function timelineSql(scope: TimelineScope, sources = timelineSources): SQL | undefined {
  const parts = sources.map((s) => s.query(scope)).filter((p) => p !== undefined);
  if (!parts.length) return undefined;
  const merged = sql.join(
    parts.map((p) => sql`(${p})`),
    sql` union all `,
  );
  return sql`select p.kind, p.at, p.key, p.data, to_char(p.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key,
      coalesce(u.name, p.actor_label, p.actor_id, 'Tandem') as actor,
      case when p.kind = 'activity' then (select json_agg(json_build_object('entityType', l.entity_type, 'entityId', l.entity_id))
        from activity_links l where l.workspace_id = ${scope.workspaceId} and l.activity_id = p.ref_id) end as links
    from (select * from (${merged}) s order by s.at desc, s.key collate "C" desc limit ${scope.limit}) p
    left join users u on u.id = (case when p.actor_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then p.actor_id::uuid end)
    order by p.at desc, p.key collate "C" desc`;
}
