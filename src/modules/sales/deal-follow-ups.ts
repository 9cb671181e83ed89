import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db/index.ts';
import { type FollowUpSource, notFollowedUp } from '../routing/index.ts';

/**
 * Open deals with an owner and no activity (or, never touched, none since they were created) before the
 * cutoff: the routing module's daily follow-up run gives their owners a task.
 */
export const dealFollowUps: FollowUpSource = {
  entityType: 'deal',
  label: 'deals',
  async findStale(exec, workspaceId, cutoff, limit) {
    const since = sql`coalesce(d.last_activity_at, d.created_at)`;
    const found = await rows<{ id: string; owner_id: string; name: string; since: Date | string }>(
      exec,
      sql`select d.id, d.owner_id, d.name, ${since} as since from deals d
          where d.workspace_id = ${workspaceId} and d.deleted_at is null and d.status = 'open' and d.owner_id is not null
            and ${since} < ${cutoff.toISOString()}
            and ${notFollowedUp('deal', sql`d.workspace_id`, sql`d.id`, since)}
          order by d.id limit ${limit}`,
    );
    return found.map((r) => ({ entityId: r.id, ownerId: r.owner_id, title: r.name, since: new Date(r.since) }));
  },
};
