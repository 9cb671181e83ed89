import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { type Campaign, campaignColumns, toCampaign } from './campaign-shape.ts';

/** One campaign with its owner's name, or 404. */
export async function getCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  const [row] = await rows(
    ctx.db,
    sql`select ${sql.raw(campaignColumns)} from campaigns c left join users u on u.id = c.owner_id
        where c.workspace_id = ${ctx.workspaceId} and c.id = ${id}`,
  );
  if (!row) throw new AppError('campaign_not_found', `No campaign with id ${id} in this workspace.`, { id });
  return toCampaign(row);
}
