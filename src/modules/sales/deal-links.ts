import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db/index.ts';
import type { ExistingIds, LastActivityHooks } from '../activities/index.ts';

const idList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** Which deal ids are live deals of the workspace (activities and tasks link to them). */
export const existingDeals: ExistingIds = async (exec, workspaceId, ids) =>
  new Set(
    (
      await rows<{ id: string }>(
        exec,
        sql`select id from deals where workspace_id = ${workspaceId} and id in (${idList(ids)}) and deleted_at is null`,
      )
    ).map((r) => r.id),
  );

/** deals.last_activity_at follows the activities logged on the deal (it feeds the rotting flag). */
export const dealActivityHooks: LastActivityHooks = {
  async touch(exec, workspaceId, ids, iso) {
    await exec.execute(sql`update deals set last_activity_at = ${iso} where workspace_id = ${workspaceId} and id in (${idList(ids)})
      and (last_activity_at is null or last_activity_at < ${iso})`);
  },
  async refresh(exec, workspaceId, ids, iso) {
    await exec.execute(sql`update deals d set last_activity_at = (
        select max(l.occurred_at) from activity_links l where l.workspace_id = d.workspace_id and l.entity_type = 'deal' and l.entity_id = d.id)
      where d.workspace_id = ${workspaceId} and d.id in (${idList(ids)}) and d.last_activity_at = ${iso}`);
  },
};
