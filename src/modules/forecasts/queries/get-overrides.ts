import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { OverrideCategory, OverrideSubject } from '../schema.ts';

export interface ForecastOverride {
  id: string;
  period: string;
  pipelineId: string | null;
  subjectType: OverrideSubject;
  subjectId: string;
  category: OverrideCategory;
  /** Null: the override was cleared (the computed figure applies again). */
  amount: number | null;
  computedAmount: number;
  currency: string;
  comment: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  period: string;
  pipeline_id: string | null;
  subject_type: OverrideSubject;
  subject_id: string;
  category: OverrideCategory;
  amount: string | null;
  computed_amount: string;
  currency: string;
  comment: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date | string;
}

const shape = (r: Row): ForecastOverride => ({
  id: r.id,
  period: r.period,
  pipelineId: r.pipeline_id,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  category: r.category,
  amount: r.amount === null ? null : Number(r.amount),
  computedAmount: Number(r.computed_amount),
  currency: r.currency,
  comment: r.comment,
  authorId: r.author_id,
  authorName: r.author_name,
  createdAt: new Date(r.created_at),
});

const columns = sql`o.id, o.period, o.pipeline_id, o.subject_type, o.subject_id, o.category, o.amount::text, o.computed_amount::text,
  o.currency, o.comment, o.author_id, u.name as author_name, o.created_at`;
const from = sql`from forecast_overrides o left join users u on u.id = o.author_id`;

const pipelineIs = (pipelineId: string | null | undefined) =>
  pipelineId ? sql`o.pipeline_id = ${pipelineId}` : sql`o.pipeline_id is null`;

/** The override in force per (subject, category) for a period and pipeline (null = all pipelines); cleared ones left out. */
export async function getCurrentOverrides(ctx: Ctx, period: string, pipelineId?: string | null): Promise<ForecastOverride[]> {
  const found = await rows<Row>(
    ctx.db,
    sql`select * from (select distinct on (o.subject_type, o.subject_id, o.category) ${columns} ${from}
          where o.workspace_id = ${ctx.workspaceId} and o.period = ${period} and ${pipelineIs(pipelineId)}
          order by o.subject_type, o.subject_id, o.category, o.created_at desc, o.id desc) cur where cur.amount is not null`,
  );
  return found.map(shape);
}

/** Every override of a period (newest first), optionally of one subject: the history shown beside the figures. */
export async function getOverrideHistory(
  ctx: Ctx,
  q: { period: string; pipelineId?: string | null; subjectType?: OverrideSubject; subjectId?: string },
): Promise<ForecastOverride[]> {
  const found = await rows<Row>(
    ctx.db,
    sql`select ${columns} ${from} where o.workspace_id = ${ctx.workspaceId} and o.period = ${q.period} and ${pipelineIs(q.pipelineId)}
        ${q.subjectType ? sql`and o.subject_type = ${q.subjectType}` : sql``} ${q.subjectId ? sql`and o.subject_id = ${q.subjectId}` : sql``}
        order by o.created_at desc, o.id desc limit 500`,
  );
  return found.map(shape);
}
