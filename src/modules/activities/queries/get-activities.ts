import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { decodeCursor, toPage } from '../../../kernel/http/index.ts';
import type { activities } from '../schema.ts';
import { type RecordLink, toActivity } from '../use-cases/activity-input.ts';
import { assertRecordExists } from '../use-cases/record-links.ts';
import { checkTimeCursor } from './time-cursor.ts';

export interface ActivitiesQuery {
  limit: number;
  cursor?: string;
  entityType?: string;
  entityId?: string;
  type?: string;
}

type Row = typeof activities.$inferSelect;

/**
 * Activities newest first, of the whole workspace or of one record (through activity_links and its
 * index), keyset-paginated on (occurred_at, id).
 */
export async function getActivities(ctx: Ctx, q: ActivitiesQuery) {
  const ws = ctx.workspaceId;
  const after = checkTimeCursor(decodeCursor(q.cursor, 2));
  const type = q.type ? sql`and a.type = ${q.type}` : sql``;
  let source: SQL;
  if (q.entityType && q.entityId) {
    await assertRecordExists(ctx, q.entityType, q.entityId, ['query', 'entityId']);
    const page = after ? sql`and (l.occurred_at, l.activity_id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``;
    source = sql`select a.* from activity_links l join activities a on a.id = l.activity_id
      where l.workspace_id = ${ws} and l.entity_type = ${q.entityType} and l.entity_id = ${q.entityId} ${page} ${type}
      order by l.occurred_at desc, l.activity_id desc limit ${q.limit + 1}`;
  } else {
    const page = after ? sql`and (a.occurred_at, a.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``;
    source = sql`select a.* from activities a where a.workspace_id = ${ws} ${page} ${type} order by a.occurred_at desc, a.id desc limit ${q.limit + 1}`;
  }
  const fetched = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select s.id, s.type, s.subject, s.body, s.details, s.owner_id, s.created_by,
      s.created_at, s.updated_at, s.occurred_at, to_char(s.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key,
      coalesce((select json_agg(json_build_object('entityType', l.entity_type, 'entityId', l.entity_id))
        from activity_links l where l.workspace_id = s.workspace_id and l.activity_id = s.id), '[]') as links
    from (${source}) s order by s.occurred_at desc, s.id desc`,
  );
  const page = toPage(fetched, q.limit, (r) => [r.at_key, r.id]);
  return { nextCursor: page.nextCursor, items: page.items.map(shape) };
}

function shape(r: Record<string, unknown>) {
  const row = {
    id: r.id,
    type: r.type,
    subject: r.subject,
    body: r.body,
    details: r.details,
    ownerId: r.owner_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    occurredAt: r.occurred_at,
  } as Row;
  const links = (typeof r.links === 'string' ? JSON.parse(r.links) : r.links) as RecordLink[];
  return toActivity(row, links);
}
