import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { decodeCursor, toPage } from '../../../kernel/http/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { businessMinutesBetween } from '../business-hours.ts';
import { calendarOf, loadRoutingSettings } from './get-routing-settings.ts';
import { isLeadSql } from './match-rules.ts';

export interface QueueRequest {
  owner?: string;
  breached?: 'true' | 'false';
  limit: number;
  cursor?: string;
}

interface Row {
  id: string;
  contact_id: string;
  display_name: string;
  email: string | null;
  company_name: string | null;
  owner_id: string | null;
  owner_name: string | null;
  rule_name: string | null;
  reason: string;
  assigned_at: Date | string;
  due_at: Date | string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** The page and summary SQL of the queue (exported for bench/routing.ts, which runs them raw as the baseline). */
export function leadsQueueSql(ctx: Ctx, q: QueueRequest) {
  const owner = q.owner === 'me' ? (ctx.actor.userId ?? null) : q.owner;
  const ownerCond: SQL =
    owner === undefined ? sql`true` : owner === 'unassigned' || owner === null ? sql`c.owner_id is null` : sql`c.owner_id = ${owner}::uuid`;
  const scope = sql`la.workspace_id = ${ctx.workspaceId} and la.first_touch_at is null and ${isLeadSql}
    and coalesce(c.lead_status, 'new') not in ('qualified', 'unqualified') and ${ownerVisibility(ctx, sql`c.owner_id`)} and ${ownerCond}`;
  const from = sql`from lead_assignments la join contacts c on c.workspace_id = la.workspace_id and c.id = la.contact_id and c.deleted_at is null`;
  const cursor = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const after = cursor ? sql`(la.due_at, la.id) > (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : sql`true`;
  const breached = q.breached === 'true' ? sql`la.due_at < now()` : q.breached === 'false' ? sql`la.due_at >= now()` : sql`true`;
  return {
    page: sql`select la.id, la.contact_id, c.display_name, c.email, co.name as company_name, c.owner_id, u.name as owner_name,
               la.rule_name, la.reason, la.assigned_at, la.due_at
        ${from}
        left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id
        left join users u on u.id = c.owner_id
        where ${scope} and ${breached} and ${after}
        order by la.due_at, la.id limit ${q.limit + 1}`,
    // The counts scan every waiting lead, so only the first page pays for them.
    summary: cursor
      ? null
      : sql`select count(*)::int as waiting, (count(*) filter (where la.due_at < now()))::int as breached,
               (count(*) filter (where c.owner_id is null))::int as unassigned
        ${from} where ${scope}`,
  };
}

/**
 * The leads waiting for a first touch (untouched by their owner, or unassigned) that the caller may
 * see, most overdue first: ordered by due time, so every breached lead comes before every lead still
 * within its target. Leads that stopped being leads (qualified, unqualified, converted, deleted) drop out.
 */
export async function getLeadsQueue(ctx: Ctx, q: QueueRequest) {
  const query = leadsQueueSql(ctx, q);
  const fetched = await rows<Row>(ctx.db, query.page);
  const [summary] = query.summary ? await rows<{ waiting: number; breached: number; unassigned: number }>(ctx.db, query.summary) : [null];
  const calendar = calendarOf(await loadRoutingSettings(ctx.db, ctx.workspaceId));
  const now = new Date();
  const page = toPage(fetched, q.limit, (r) => [iso(r.due_at), r.id]);
  return {
    items: page.items.map((r) => ({
      contactId: r.contact_id,
      displayName: r.display_name,
      email: r.email,
      companyName: r.company_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      ruleName: r.rule_name,
      reason: r.reason,
      assignedAt: new Date(r.assigned_at),
      dueAt: new Date(r.due_at),
      waitingMinutes: Math.round(businessMinutesBetween(new Date(r.assigned_at), now, calendar)),
      breached: new Date(r.due_at) < now,
      status: r.owner_id ? ('untouched' as const) : ('unassigned' as const),
    })),
    nextCursor: page.nextCursor,
    summary: query.summary ? (summary ?? { waiting: 0, breached: 0, unassigned: 0 }) : null,
  };
}
