import { sql } from 'drizzle-orm';
import type { deals } from '../schema.ts';

export type DealRow = typeof deals.$inferSelect;

/** A deal as the API returns it. */
export interface Deal {
  id: string;
  name: string;
  pipelineId: string;
  stageId: string;
  status: DealRow['status'];
  amount: number | null;
  currency: string;
  closeDate: string | null;
  ownerId: string | null;
  companyId: string | null;
  source: string | null;
  campaignId: string | null;
  competitors: string[];
  nextStep: string | null;
  forecastCategory: DealRow['forecastCategory'];
  lossReason: string | null;
  lostTo: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  stageEnteredAt: Date;
  closedAt: Date | null;
  lastActivityAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const day = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export function toDeal(r: DealRow): Deal {
  return {
    id: r.id,
    name: r.name,
    pipelineId: r.pipelineId,
    stageId: r.stageId,
    status: r.status,
    amount: num(r.amount),
    currency: r.currency,
    closeDate: day(r.closeDate),
    ownerId: r.ownerId,
    companyId: r.companyId,
    source: r.source,
    campaignId: r.campaignId,
    competitors: r.competitors ?? [],
    nextStep: r.nextStep,
    forecastCategory: r.forecastCategory,
    lossReason: r.lossReason,
    lostTo: r.lostTo,
    tags: r.tags ?? [],
    custom: r.custom ?? {},
    stageEnteredAt: r.stageEnteredAt,
    closedAt: r.closedAt,
    lastActivityAt: r.lastActivityAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * Whether an open deal is rotting, as SQL over alias `d` and its stage `s` / pipeline `p`: nothing
 * happened (no stage change, no activity) for longer than the stage's rotting days (or the pipeline's).
 */
export const rottingSql = sql`(d.status = 'open' and coalesce(s.rotting_days, p.rotting_days) is not null
  and greatest(d.stage_entered_at, coalesce(d.last_activity_at, d.stage_entered_at)) < now() - make_interval(days => coalesce(s.rotting_days, p.rotting_days)))`;

/** A timestamptz from raw SQL ("2024-05-01 09:30:00.123+00" as text, or a Date) to a Date. */
export const toTime = (v: string | Date): Date => (v instanceof Date ? v : new Date(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')));
