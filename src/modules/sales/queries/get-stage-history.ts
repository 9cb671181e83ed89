import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { toTime } from './deal-shape.ts';
import { getDeal } from './get-deal.ts';

export interface StageVisit {
  id: string;
  stageId: string;
  stageName: string | null;
  pipelineId: string;
  fromStageId: string | null;
  enteredAt: Date;
  leftAt: Date | null;
  /** left_at (or now, for the current stage) − entered_at. */
  seconds: number;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
}

/** Every stage the deal has been in, oldest first, with time in each and the sales cycle (created → closed, or so far). */
export async function getStageHistory(ctx: Ctx, dealId: string) {
  const deal = await getDeal(ctx, dealId);
  const visits = await rows<StageVisit>(
    ctx.db,
    sql`select h.id, h.stage_id as "stageId", s.name as "stageName", h.pipeline_id as "pipelineId", h.from_stage_id as "fromStageId",
               h.entered_at as "enteredAt", h.left_at as "leftAt",
               extract(epoch from coalesce(h.left_at, now()) - h.entered_at)::float8 as seconds,
               h.actor_type as "actorType", h.actor_id as "actorId", u.name as "actorLabel"
        from deal_stage_history h
        left join pipeline_stages s on s.workspace_id = h.workspace_id and s.id = h.stage_id
        left join users u on h.actor_type <> 'system' and u.id::text = h.actor_id
        where h.workspace_id = ${ctx.workspaceId} and h.deal_id = ${dealId} order by h.entered_at, h.id`,
  );
  const end = deal.closedAt ?? new Date();
  const items = visits.map((v) => ({
    ...v,
    enteredAt: toTime(v.enteredAt),
    leftAt: v.leftAt ? toTime(v.leftAt) : null,
    seconds: Math.max(0, Math.round(v.seconds)),
  }));
  return {
    items,
    salesCycleSeconds: Math.max(0, Math.round((end.getTime() - deal.createdAt.getTime()) / 1000)),
    closed: deal.closedAt !== null,
  };
}
