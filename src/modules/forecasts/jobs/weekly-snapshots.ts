import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemActor } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { localDate, periodOf } from '../periods.ts';
import { takeSnapshot } from '../use-cases/take-snapshot.ts';

/**
 * The weekly forecast snapshot of every workspace with deals: the current quarter and month in the
 * workspace's time zone. Safe to run twice (one row per rep, period and day).
 */
export const weeklySnapshotsJob = defineJob({
  id: 'forecasts.weekly_snapshots',
  version: 1,
  payload: z.object({}),
  async handler(_payload, job) {
    const db = job.database.db;
    const now = new Date();
    const workspaces = await rows<{ id: string; timezone: string }>(
      db,
      sql`select w.id, w.timezone from workspaces w where exists (select 1 from deals d where d.workspace_id = w.id)`,
    );
    let written = 0;
    for (const ws of workspaces) {
      if (await job.cancelled()) break;
      const today = localDate(now, ws.timezone);
      const ctx = { db, workspaceId: ws.id, actor: systemActor('forecast-snapshots') };
      for (const kind of ['quarter', 'month'] as const) written += await takeSnapshot(ctx, periodOf(today, kind), now);
      await job.progress({ workspaces: workspaces.indexOf(ws) + 1, of: workspaces.length });
    }
    return { workspaces: workspaces.length, rows: written };
  },
});
