import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { deriveTouchpoints } from '../use-cases/derive-touchpoints.ts';

/**
 * Records touchpoints from new behaviour events and deals: for one workspace, or (from the schedule) every workspace
 * with campaigns. Safe to run twice: touchpoints are unique per contact, campaign, kind and source event.
 */
export const deriveTouchpointsJob = defineJob({
  id: 'campaigns.derive_touchpoints',
  version: 1,
  payload: z.object({ workspaceId: z.uuid().optional() }),
  async handler({ workspaceId }, job) {
    const db = job.database.db;
    const ids = workspaceId
      ? [workspaceId]
      : (await rows<{ workspace_id: string }>(db, sql`select distinct workspace_id from campaigns`)).map((r) => r.workspace_id);
    let touchpoints = 0;
    let done = 0;
    for (const id of ids) {
      if (await job.cancelled()) break;
      touchpoints += (await deriveTouchpoints(db, id)).touchpoints;
      await job.progress({ workspaces: ++done, of: ids.length, touchpoints });
    }
    return { workspaces: done, touchpoints };
  },
});
