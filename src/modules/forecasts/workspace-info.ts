import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';

/** The workspace's time zone and reporting currency. */
export async function workspaceInfo(ctx: Ctx): Promise<{ timeZone: string; currency: string }> {
  const [ws] = await rows<{ timezone: string; currency: string }>(
    ctx.db,
    sql`select timezone, currency from workspaces where id = ${ctx.workspaceId}`,
  );
  return { timeZone: ws?.timezone ?? 'UTC', currency: ws?.currency ?? 'USD' };
}
