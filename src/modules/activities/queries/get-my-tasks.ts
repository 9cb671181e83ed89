import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { tasks } from '../schema.ts';
import { toTask } from '../use-cases/task-input.ts';

export const taskGroups = ['overdue', 'today', 'upcoming', 'noDate'] as const;
type Group = (typeof taskGroups)[number];

/**
 * The caller's open tasks in four groups: overdue (due before today), today, upcoming, no date.
 * "Today" is the calendar day in the workspace time zone, so a team in Tokyo sees Tokyo's day.
 * Each group holds its first `limit` tasks (soonest due first, high priority first) and its total.
 */
export async function getMyTasks(ctx: Ctx, opts: { limit?: number; now?: Date } = {}) {
  const me = ctx.actor.userId ?? ctx.actor.id;
  const now = (opts.now ?? new Date()).toISOString();
  const limit = opts.limit ?? 50;
  const found = await rows<Record<string, unknown> & { grp: Group; total: string | number }>(
    ctx.db,
    sql`with w as (select timezone as tz, date_trunc('day', ${now}::timestamptz at time zone timezone) as day from workspaces where id = ${ctx.workspaceId}),
        b as (select day at time zone tz as today_start, (day + interval '1 day') at time zone tz as tomorrow_start from w),
        t as (
          select t.*,
            case when t.due_at is null then 'noDate' when t.due_at < b.today_start then 'overdue'
                 when t.due_at < b.tomorrow_start then 'today' else 'upcoming' end as grp
          from tasks t cross join b
          where t.workspace_id = ${ctx.workspaceId} and t.assignee_id = ${me} and t.status = 'open'
        ),
        r as (
          select t.*, count(*) over (partition by grp) as total,
            row_number() over (partition by grp order by due_at asc nulls last, case priority when 'high' then 0 when 'normal' then 1 else 2 end, id desc) as rn
          from t
        )
        select r.* from r where rn <= ${limit} order by grp, rn`,
  );
  const [w] = await rows<{ tz: string; today: string }>(
    ctx.db,
    sql`select timezone as tz, to_char(${now}::timestamptz at time zone timezone, 'YYYY-MM-DD') as today from workspaces where id = ${ctx.workspaceId}`,
  );
  const groups = Object.fromEntries(taskGroups.map((g) => [g, { total: 0, items: [] as ReturnType<typeof toTask>[] }])) as Record<
    Group,
    { total: number; items: ReturnType<typeof toTask>[] }
  >;
  for (const r of found) {
    groups[r.grp].total = Number(r.total);
    groups[r.grp].items.push(toTask(camel(r)));
  }
  return { timezone: w?.tz ?? 'UTC', today: w?.today ?? now.slice(0, 10), groups };
}

/** The raw snake_case row as the drizzle row type toTask expects. */
function camel(r: Record<string, unknown>): typeof tasks.$inferSelect {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    title: r.title,
    notes: r.notes,
    dueAt: r.due_at,
    priority: r.priority,
    assigneeId: r.assignee_id,
    status: r.status,
    reminderAt: r.reminder_at,
    remindedAt: r.reminded_at,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    entityType: r.entity_type,
    entityId: r.entity_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  } as typeof tasks.$inferSelect;
}
