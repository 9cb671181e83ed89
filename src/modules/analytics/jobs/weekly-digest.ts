import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { emailRuntime, sendHtmlToUser } from '../../email/index.ts';
import { getKpiBoard } from '../queries/get-kpi-board.ts';
import { renderDigestHtml } from '../reports/digest-html.ts';

/** From this local hour on Monday the digest goes out (the job runs hourly; each subscriber gets one a week). */
export const digestHour = 7;

/** The local weekday (0 Sunday … 6 Saturday), hour and date of an instant in a time zone. */
export function localClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { weekday, hour: Number(get('hour')), date: `${get('year')}-${get('month')}-${get('day')}` };
}

/**
 * The weekly KPI email: every hour, subscribers whose workspace is on Monday from 07:00 (its time zone) and who have
 * not had this Monday's get the board (current quarter against last year) through the email module's transactional
 * send. Claiming the week and queueing the mail happen in one transaction, so a failure leaves it for the next hour.
 */
export const weeklyDigestJob = defineJob({
  id: 'analytics.weekly_digest',
  version: 1,
  payload: z.object({ at: z.iso.datetime().optional().describe('Run as of this instant (default now)') }),
  async handler({ at }, job) {
    const db = job.database.db;
    const now = at ? new Date(at) : new Date();
    const subs = await rows<{
      workspace_id: string;
      user_id: string;
      role: string;
      timezone: string;
      name: string;
      last_sent_on: string | null;
    }>(
      db,
      sql`select s.workspace_id, s.user_id, m.role, w.timezone, w.name, s.last_sent_on::text as last_sent_on
        from analytics_digest_subscriptions s join workspaces w on w.id = s.workspace_id
        join memberships m on m.workspace_id = s.workspace_id and m.user_id = s.user_id
        order by s.workspace_id, s.user_id`,
    );
    let sent = 0;
    const failed: string[] = [];
    for (const s of subs) {
      if (await job.cancelled()) break;
      const clock = localClock(now, s.timezone);
      if (clock.weekday !== 1 || clock.hour < digestHour || s.last_sent_on === clock.date) continue;
      try {
        await db.transaction(async (tx) => {
          const ctx: Ctx = {
            db: tx,
            workspaceId: s.workspace_id,
            actor: { type: 'system', id: 'kpi-digest', userId: s.user_id, label: 'Weekly KPI digest', role: s.role as never },
          };
          const claimed = await rows(
            tx,
            sql`update analytics_digest_subscriptions set last_sent_on = ${clock.date}
              where workspace_id = ${s.workspace_id} and user_id = ${s.user_id} and last_sent_on is distinct from ${clock.date}::date
              returning user_id`,
          );
          if (!claimed.length) return;
          const board = await getKpiBoard(ctx, {});
          const mail = renderDigestHtml(board, { workspace: s.name, url: `${emailRuntime().publicUrl}/reports/kpis` });
          await sendHtmlToUser(ctx, { userId: s.user_id, subject: mail.subject, html: mail.html });
          sent++;
        });
      } catch (err) {
        failed.push(`${s.workspace_id}/${s.user_id}: ${(err as Error).message}`);
      }
    }
    return { subscribers: subs.length, sent, failed };
  },
});
