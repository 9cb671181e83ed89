import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { businessMinutesBetween } from '../business-hours.ts';
import { calendarOf, loadRoutingSettings } from '../queries/get-routing-settings.ts';

/** Activity types that count as touching a lead (notes do not). */
export const touchTypes = ['call', 'email', 'meeting'] as const;

interface Row {
  id: string;
  assigned_at: Date | string;
  first_touch_activity_id: string | null;
  activity_id: string | null;
  occurred_at: Date | string | null;
}

/**
 * Recomputes the first touch of the assignments of some contacts (and of any assignment whose first
 * touch was `activityId`): the earliest call, outbound email or meeting logged by the assigned owner
 * on the contact at or after the assignment. Recomputing from the activities, instead of counting
 * events, makes it right after edits, deletes, backdated logs and repeated deliveries.
 */
export async function recordFirstTouch(exec: Executor, workspaceId: string, contactIds: string[], activityId?: string) {
  if (contactIds.length === 0 && !activityId) return 0;
  const ids = contactIds.length
    ? sql`la.contact_id in (${sql.join(
        contactIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`false`;
  const byActivity = activityId ? sql`la.first_touch_activity_id = ${activityId}` : sql`false`;
  return exec.transaction(async (tx) => {
    const found = await rows<Row>(
      tx,
      sql`select la.id, la.assigned_at, la.first_touch_activity_id, ft.id as activity_id, ft.occurred_at
          from lead_assignments la
          left join lateral (
            select a.id, a.occurred_at from activity_links l
            join activities a on a.workspace_id = l.workspace_id and a.id = l.activity_id
            where l.workspace_id = la.workspace_id and l.entity_type = 'contact' and l.entity_id = la.contact_id
              and a.type in ('call', 'email', 'meeting') and coalesce(a.details->>'direction', 'outbound') <> 'inbound'
              and a.owner_id = la.owner_id and a.occurred_at >= la.assigned_at
            order by a.occurred_at, a.id limit 1
          ) ft on true
          where la.workspace_id = ${workspaceId} and la.owner_id is not null and (${ids} or ${byActivity})
          for update of la`,
    );
    const changed = found.filter((r) => r.activity_id !== r.first_touch_activity_id);
    if (changed.length === 0) return 0;
    const calendar = calendarOf(await loadRoutingSettings(tx, workspaceId));
    for (const r of changed) {
      const at = r.occurred_at ? new Date(r.occurred_at) : null;
      const minutes = at ? businessMinutesBetween(new Date(r.assigned_at), at, calendar) : null;
      await tx.execute(
        sql`update lead_assignments set first_touch_at = ${at?.toISOString() ?? null}, first_touch_activity_id = ${r.activity_id},
              response_minutes = ${minutes}, updated_at = now() where workspace_id = ${workspaceId} and id = ${r.id}`,
      );
    }
    return changed.length;
  });
}
