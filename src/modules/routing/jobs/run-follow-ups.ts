import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, systemActor } from '../../../kernel/context.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { createTask, notifyUser } from '../../activities/index.ts';
import { zonedTime } from '../business-hours.ts';
import { followUpSources } from '../follow-ups/follow-up-sources.ts';

const batchSize = 200;

/** The local date ("YYYY-MM-DD") and hour of an instant in a time zone. */
export function localDateHour(at: Date, tz: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {});
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** Creates the follow-up tasks of one workspace, batch by batch (each batch one transaction). Returns how many. */
async function createFollowUps(db: Executor, workspaceId: string, days: number, now: Date) {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const ctx: Ctx = { db, workspaceId, actor: systemActor('follow-ups') };
  let created = 0;
  for (const source of followUpSources()) {
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const stale = await source.findStale(tx, workspaceId, cutoff, batchSize);
        for (const r of stale) {
          // The key (record, quiet spell) makes a repeated or concurrent run create nothing twice.
          const [claimed] = await rows(
            tx,
            sql`insert into follow_ups (workspace_id, entity_type, entity_id, since, owner_id)
                values (${workspaceId}, ${source.entityType}, ${r.entityId}, ${r.since.toISOString()}, ${r.ownerId})
                on conflict do nothing returning entity_id`,
          );
          if (!claimed) continue;
          const task = await createTask(
            { ...ctx, db: tx },
            {
              title: `Follow up: ${r.title}`.slice(0, 500),
              notes: `No activity since ${r.since.toISOString().slice(0, 10)}.`,
              assigneeId: r.ownerId,
              entityType: source.entityType,
              entityId: r.entityId,
              dueAt: new Date(now.getTime() + 86_400_000).toISOString(),
            },
            { notify: false },
          );
          await tx.execute(
            sql`update follow_ups set task_id = ${task.id} where workspace_id = ${workspaceId} and entity_type = ${source.entityType}
                  and entity_id = ${r.entityId} and since = ${r.since.toISOString()}`,
          );
        }
        return stale.length;
      });
      created += n;
      if (n < batchSize) break;
    }
  }
  return created;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Sends each owner one in-app digest for the local day: follow-ups created today and leads waiting for
 * a first touch. The settings row lock and `last_digest_date` make it once per workspace and day.
 */
async function sendDigest(db: Executor, workspaceId: string, tz: string, date: string) {
  return db.transaction(async (tx) => {
    const [mine] = await rows(
      tx,
      sql`select 1 from routing_settings where workspace_id = ${workspaceId} and last_digest_date is distinct from ${date} for update skip locked`,
    );
    if (!mine) return 0;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const dayStart = new Date(zonedTime(y, m, d, 0, tz)).toISOString();
    const perOwner = await rows<{ user_id: string; follow_ups: number; waiting: number; breached: number }>(
      tx,
      sql`select x.user_id, sum(follow_ups)::int as follow_ups, sum(waiting)::int as waiting, sum(breached)::int as breached from (
            select owner_id as user_id, count(*) as follow_ups, 0 as waiting, 0 as breached from follow_ups
            where workspace_id = ${workspaceId} and created_at >= ${dayStart} group by owner_id
            union all
            select la.owner_id, 0, count(*), count(*) filter (where la.due_at < now()) from lead_assignments la
            join contacts c on c.workspace_id = la.workspace_id and c.id = la.contact_id and c.deleted_at is null and c.owner_id = la.owner_id
            where la.workspace_id = ${workspaceId} and la.first_touch_at is null and la.owner_id is not null group by la.owner_id
          ) x join memberships ms on ms.workspace_id = ${workspaceId} and ms.user_id = x.user_id group by x.user_id`,
    );
    for (const o of perOwner) {
      if (o.follow_ups === 0 && o.waiting === 0) continue;
      const parts = [
        o.follow_ups ? plural(o.follow_ups, 'record needs a follow-up', 'records need a follow-up') : '',
        o.waiting
          ? `${plural(o.waiting, 'lead waits', 'leads wait')} for a first touch${o.breached ? ` (${o.breached} past the target)` : ''}`
          : '',
      ].filter(Boolean);
      await notifyUser(tx, {
        workspaceId,
        userId: o.user_id,
        kind: 'daily_digest',
        title: `Your day: ${parts.join('; ')}`,
        body: 'Follow-up tasks are in My tasks; waiting leads in Leads waiting.',
        link: o.waiting ? '/leads/waiting?owner=me' : '/tasks',
      });
    }
    await tx.execute(sql`update routing_settings set last_digest_date = ${date} where workspace_id = ${workspaceId}`);
    return perOwner.length;
  });
}

/**
 * The daily follow-up run of every workspace whose local time has reached its digest hour and that
 * has not had today's run: follow-up tasks for records quiet for N days, then the digest.
 */
export async function runFollowUps(db: Executor, now = new Date(), onlyWorkspace?: string) {
  const due = await rows<{
    workspace_id: string;
    timezone: string;
    follow_up_days: number;
    digest_hour: number;
    last_digest_date: string | null;
  }>(
    db,
    sql`select s.workspace_id, w.timezone, s.follow_up_days, s.digest_hour, s.last_digest_date
        from routing_settings s join workspaces w on w.id = s.workspace_id
        where s.follow_up_days is not null ${onlyWorkspace ? sql`and s.workspace_id = ${onlyWorkspace}` : sql``}`,
  );
  let workspaces = 0;
  let tasks = 0;
  for (const ws of due) {
    const local = localDateHour(now, ws.timezone);
    if (local.hour < ws.digest_hour || (ws.last_digest_date !== null && ws.last_digest_date >= local.date)) continue;
    tasks += await createFollowUps(db, ws.workspace_id, ws.follow_up_days, now);
    await sendDigest(db, ws.workspace_id, ws.timezone, local.date);
    workspaces++;
  }
  return { workspaces, tasks };
}

/** Runs hourly (schedule `routing.follow_ups`); each workspace acts once a day, at its own local digest hour. */
export const followUpsJob = defineJob({
  id: 'routing.follow_ups',
  version: 1,
  payload: z.object({}),
  handler: (_payload, job) => runFollowUps(job.database.db),
});
