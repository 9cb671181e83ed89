import type { z } from 'zod';
import type { salesTypes } from '../../../../src/modules/sales/index.ts';
import type { Wire } from '../../lib/api/index.ts';

// The sales wire types, from the same zod schemas the server validates with (type-only: nothing is bundled).
type Out<S extends z.ZodType> = Wire<z.output<S>>;
type In<S extends z.ZodType> = z.input<S>;
type S = typeof salesTypes;

export type Pipeline = Out<S['pipelineSchema']>;
export type Stage = Out<S['stageSchema']>;
export type Deal = Out<S['dealSchema']>;
export type DealDetail = Out<S['dealDetailSchema']>;
export type Board = Out<S['boardSchema']>;
export type BoardColumn = Board['columns'][number];
export type Card = Out<S['cardSchema']>;
export type CardPage = Out<S['cardPageSchema']>;
export type StageHistory = Out<S['stageHistorySchema']>;
export type DealBody = In<S['dealBody']>;
export type UpdateDealBody = In<S['updateDealBody']>;
export type MoveDealBody = In<S['moveDealBody']>;
export type PipelineBody = In<S['pipelineBody']>;
export type StageBody = In<S['stageBody']>;

export const contactRoles = [
  { value: 'decision_maker', label: 'Decision maker' },
  { value: 'champion', label: 'Champion' },
  { value: 'influencer', label: 'Influencer' },
  { value: 'user', label: 'User' },
  { value: 'blocker', label: 'Blocker' },
] as const;

export const forecastCategories = [
  { value: 'pipeline', label: 'Pipeline' },
  { value: 'best_case', label: 'Best case' },
  { value: 'commit', label: 'Commit' },
  { value: 'closed', label: 'Closed' },
  { value: 'omitted', label: 'Omitted' },
] as const;

/** Labels of the deal fields a stage can require. */
export const requirableFieldLabels: Record<string, string> = {
  amount: 'Amount',
  close_date: 'Expected close date',
  owner_id: 'Owner',
  company_id: 'Company',
  contacts: 'At least one contact',
  source: 'Source',
  campaign_id: 'Campaign',
  competitors: 'Competitors',
  next_step: 'Next step',
  forecast_category: 'Forecast category',
  loss_reason: 'Loss reason',
};
