import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { FilterPath } from '../../../kernel/filters/index.ts';
import { type BoardRequest, boardScope } from './board-scope.ts';
import { type Card, getBoardCards } from './get-board-cards.ts';
import { type ColumnTotals, getBoardTotals } from './get-board-totals.ts';
import { getPipeline, type Pipeline, type Stage } from './get-pipelines.ts';

export interface BoardColumn extends ColumnTotals {
  stage: Stage;
  cards: Card[];
  nextCursor: string | null;
}

export interface Board {
  pipeline: Pipeline;
  reportingCurrency: string;
  columns: BoardColumn[];
  /** Sums over the open stages only (won and lost are history, not pipeline). */
  open: { count: number; amount: number; weightedAmount: number };
}

type Paths = { filter: FilterPath; sort: FilterPath };

/** A pipeline's kanban: per stage the totals of every matching deal and the first page of cards. */
export async function getBoard(ctx: Ctx, pipelineId: string, req: BoardRequest, paths: Paths): Promise<Board> {
  const pipeline = await getPipeline(ctx, pipelineId);
  const scope = await boardScope(ctx, pipelineId, req, paths);
  const [totals, cards] = await Promise.all([
    getBoardTotals(ctx, scope, pipeline.stages),
    getBoardCards(
      ctx,
      scope,
      pipeline.stages.map((s) => s.id),
      req.limit,
    ),
  ]);
  const columns = pipeline.stages.map((stage) => ({ stage, ...totals.get(stage.id)!, ...cards.get(stage.id)! }));
  const openCols = columns.filter((c) => c.stage.type === 'open');
  const sum = (k: 'count' | 'amount' | 'weightedAmount') => openCols.reduce((a, c) => a + c[k], 0);
  return {
    pipeline,
    reportingCurrency: scope.reportingCurrency,
    columns,
    open: { count: sum('count'), amount: sum('amount'), weightedAmount: sum('weightedAmount') },
  };
}

/** The next page of one column's cards (same filter and sort as the board it continues). */
export async function getBoardColumn(ctx: Ctx, pipelineId: string, stageId: string, req: BoardRequest & { cursor?: string }, paths: Paths) {
  const pipeline = await getPipeline(ctx, pipelineId);
  if (!pipeline.stages.some((s) => s.id === stageId))
    throw new AppError('stage_not_found', `Stage ${stageId} is not a stage of pipeline "${pipeline.name}".`, { id: stageId });
  const scope = await boardScope(ctx, pipelineId, req, paths);
  const page = await getBoardCards(ctx, scope, [stageId], req.limit, req.cursor ? { [stageId]: req.cursor } : {});
  return page.get(stageId)!;
}
