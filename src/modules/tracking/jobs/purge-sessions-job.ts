import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';

/** Deletes web sessions older than their site's retention (sessions of deleted sites: the longest retention, 760 days). */
export async function purgeExpiredSessions(exec: Executor, now = new Date()): Promise<number> {
  const res = (await exec.execute(sql`delete from web_sessions s
    where s.last_seen_at < ${now.toISOString()}::timestamptz - make_interval(days => coalesce(
      (select t.session_retention_days from tracking_sites t where t.id = s.site_id and t.workspace_id = s.workspace_id), 760))`)) as unknown as {
    rowCount?: number;
    affectedRows?: number;
  };
  return res.rowCount ?? res.affectedRows ?? 0;
}

/** Daily: web sessions past their site's retention setting are deleted. */
export const purgeSessionsJob = defineJob({
  id: 'tracking.purge_sessions',
  version: 1,
  payload: z.object({}),
  async handler(_payload, job) {
    return { deleted: await purgeExpiredSessions(job.database.db) };
  },
});
