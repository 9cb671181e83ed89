import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { parsePeriod } from '../periods.ts';
import { type ForecastNode, getForecast } from '../queries/get-forecast.ts';
import { type ForecastOverride, getOverrideHistory } from '../queries/get-overrides.ts';
import { forecastOverrides, type OverrideCategory, type OverrideSubject } from '../schema.ts';

export interface OverrideInput {
  period: string;
  pipelineId?: string | null;
  subjectType: OverrideSubject;
  /** The user or team (the workspace id, or omitted, for the workspace row). */
  subjectId?: string;
  category: OverrideCategory;
  /** Minor units of the reporting currency; null clears the override. */
  amount: number | null;
  comment: string;
}

const field = { commit: 'commit', best_case: 'bestCase', pipeline: 'pipeline' } as const;

function find(n: ForecastNode, type: string, id: string): ForecastNode | null {
  if (n.type === type && n.id === id) return n;
  for (const c of n.children) {
    const f = find(c, type, id);
    if (f) return f;
  }
  return null;
}

/** Admins override anything; sales managers their own figures, the teams they manage and those teams' reps. */
async function checkManages(ctx: Ctx, subjectType: OverrideSubject, subjectId: string) {
  if (ctx.actor.role === 'admin') return;
  const me = ctx.actor.userId;
  const [ok] = await rows<{ ok: boolean }>(
    ctx.db,
    subjectType === 'team'
      ? sql`select true as ok from teams t where t.workspace_id = ${ctx.workspaceId} and t.id = ${subjectId} and t.manager_id = ${me ?? null}`
      : subjectType === 'user'
        ? sql`select true as ok where ${subjectId} = ${me ?? ''} or exists (select 1 from teams t join team_members tm
              on tm.workspace_id = t.workspace_id and tm.team_id = t.id
              where t.workspace_id = ${ctx.workspaceId} and t.manager_id = ${me ?? null} and tm.user_id = ${subjectId})`
        : sql`select false as ok where false`,
  );
  if (!ok?.ok)
    throw new AppError('forbidden', 'Sales managers override the forecasts of the teams they manage and of those teams’ reps only.', {
      path: ['body', 'subjectId'],
    });
}

/**
 * Records a manager's figure for a rep, team or the workspace in one category, with the reason; null clears
 * it. Appends (the history is kept) and stores the computed figure beside it.
 */
export async function overrideForecast(ctx: Ctx, input: OverrideInput): Promise<ForecastOverride> {
  const period = parsePeriod(input.period, ['body', 'period']);
  const comment = input.comment.trim();
  if (!comment)
    throw new AppError('validation_failed', 'Say why the figure is overridden: the comment is shown beside it.', {
      path: ['body', 'comment'],
    });
  if (input.amount !== null && (!Number.isSafeInteger(input.amount) || input.amount < 0))
    throw new AppError('validation_failed', 'An override is a whole number of minor units (cents), 0 or more.', {
      path: ['body', 'amount'],
    });
  const subjectId = input.subjectType === 'workspace' ? ctx.workspaceId : input.subjectId;
  if (!subjectId) throw new AppError('validation_failed', `Name the ${input.subjectType} to override.`, { path: ['body', 'subjectId'] });
  await checkManages(ctx, input.subjectType, subjectId);
  if (input.pipelineId) {
    const [p] = await rows(ctx.db, sql`select 1 from pipelines where workspace_id = ${ctx.workspaceId} and id = ${input.pipelineId}`);
    if (!p)
      throw new AppError('pipeline_not_found', `No pipeline with id ${input.pipelineId} in this workspace.`, {
        path: ['body', 'pipelineId'],
      });
  }
  const forecast = await getForecast(ctx, { period, pipelineId: input.pipelineId });
  const target = find(forecast.tree, input.subjectType, subjectId);
  if (!target)
    throw new AppError(
      input.subjectType === 'team' ? 'team_not_found' : 'member_not_found',
      `No ${input.subjectType} ${subjectId} in this forecast.`,
      {
        path: ['body', 'subjectId'],
      },
    );
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [row] = await tx
      .insert(forecastOverrides)
      .values({
        workspaceId: ctx.workspaceId,
        period: period.key,
        pipelineId: input.pipelineId ?? null,
        subjectType: input.subjectType,
        subjectId,
        category: input.category,
        amount: input.amount,
        computedAmount: target.figures[field[input.category]],
        currency: forecast.currency,
        comment,
        authorId: ctx.actor.userId ?? null,
      })
      .returning();
    const saved = (
      await getOverrideHistory(c, { period: period.key, pipelineId: input.pipelineId, subjectType: input.subjectType, subjectId })
    ).find((o) => o.id === row!.id)!;
    await recordAudit(c, { action: 'forecast.overridden', entityType: 'forecast_override', entityId: saved.id, after: saved });
    await emitEvent(c, { type: 'forecast.overridden', entityType: 'forecast_override', entityId: saved.id, data: { ...saved } });
    return saved;
  });
}
