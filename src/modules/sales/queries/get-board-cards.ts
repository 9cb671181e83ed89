import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { keysetAfter } from '../../../kernel/filters/index.ts';
import { decodeCursor, encodeCursor } from '../../../kernel/http/index.ts';
import type { BoardScope } from './board-scope.ts';
import { rottingSql, toTime } from './deal-shape.ts';

/** What a board card shows. */
export interface Card {
  id: string;
  name: string;
  stageId: string;
  amount: number | null;
  currency: string;
  closeDate: string | null;
  ownerId: string | null;
  companyId: string | null;
  companyName: string | null;
  nextStep: string | null;
  forecastCategory: string;
  tags: string[];
  stageEnteredAt: Date;
  lastActivityAt: Date | null;
  rotting: boolean;
}

export interface CardPage {
  cards: Card[];
  nextCursor: string | null;
}

interface CardRow extends Record<string, unknown> {
  id: string;
  name: string;
  stage_id: string;
  amount: string | number | null;
  currency: string;
  close_day: string | null;
  owner_id: string | null;
  company_id: string | null;
  company_name: string | null;
  next_step: string | null;
  forecast_category: string;
  tags: string[];
  stage_entered_at: string | Date;
  last_activity_at: string | Date | null;
  rotting: boolean;
}

const toCard = (r: CardRow): Card => ({
  id: r.id,
  name: r.name,
  stageId: r.stage_id,
  amount: r.amount === null ? null : Number(r.amount),
  currency: r.currency,
  closeDate: r.close_day,
  ownerId: r.owner_id,
  companyId: r.company_id,
  companyName: r.company_name,
  nextStep: r.next_step,
  forecastCategory: r.forecast_category,
  tags: r.tags ?? [],
  stageEnteredAt: toTime(r.stage_entered_at),
  lastActivityAt: r.last_activity_at === null ? null : toTime(r.last_activity_at),
  rotting: r.rotting,
});

/**
 * The first `limit` cards of each stage (after `cursors[stageId]` when given): one query per stage
 * walking deals_board_idx, so the cost is per card shown, not per deal in the column.
 */
export async function getBoardCards(
  ctx: Ctx,
  scope: BoardScope,
  stageIds: string[],
  limit: number,
  cursors: Record<string, string> = {},
): Promise<Map<string, CardPage>> {
  const { sort } = scope;
  const out = new Map<string, CardPage>(stageIds.map((id) => [id, { cards: [], nextCursor: null }]));
  if (!stageIds.length) return out;
  // One query per column, sent together (a pool runs them side by side; PGlite and transactions queue them).
  const pages = stageIds.map(async (id) => {
    const after = cursors[id] ? keysetAfter(sort, decodeCursor(cursors[id], sort.keys.length)!) : sql`true`;
    const fetched = await rows<CardRow>(
      ctx.db,
      sql`select d.id, d.name, d.stage_id, d.amount, d.currency, d.close_date::text as close_day, d.owner_id, d.company_id,
                 (select co.name from companies co where co.workspace_id = d.workspace_id and co.id = d.company_id) as company_name,
                 d.next_step, d.forecast_category, d.tags, d.stage_entered_at, d.last_activity_at, ${rottingSql} as rotting, ${sort.cursorSelect}
          from deals d
          join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
          join pipelines p on p.workspace_id = d.workspace_id and p.id = d.pipeline_id
          where ${scope.where} and d.stage_id = ${id} and ${after}
          order by ${sort.orderBy} limit ${limit + 1}`,
    );
    const items = fetched.slice(0, limit);
    const last = items[items.length - 1];
    out.set(id, { cards: items.map(toCard), nextCursor: fetched.length > limit && last ? encodeCursor(sort.cursorOf(last)) : null });
  });
  await Promise.all(pages);
  return out;
}
