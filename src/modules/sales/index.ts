import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { registerLinkableRecord } from '../activities/index.ts';
import { registerFollowUpSource } from '../routing/index.ts';
import { dealFollowUps } from './deal-follow-ups.ts';
import { dealActivityHooks, existingDeals } from './deal-links.ts';
import { boardRoutes } from './http/board-routes.ts';
import { dealListRoutes } from './http/deal-list-routes.ts';
import { dealRoutes } from './http/deal-routes.ts';
import { exchangeRateRoutes } from './http/exchange-rate-routes.ts';
import { pipelineRoutes } from './http/pipeline-routes.ts';

export { checkCurrency, convertMinor, minorDigits } from './currency.ts';
export { dealFollowUps } from './deal-follow-ups.ts';
export type { DealContactInput, DealInput } from './deal-input.ts';
export { missingFields } from './deal-rules.ts';
export { demoDealCount, seedSalesDemo } from './demo/seed-sales-demo.ts';
export * as salesTypes from './http/sales.types.ts';
export { defaultStages, type PipelineInput, requirableFields, type StageInput } from './pipeline-input.ts';
export { dealAlias, dealFields, dealRegistry } from './queries/deal-fields.ts';
export { type Deal, toDeal } from './queries/deal-shape.ts';
export { getBoard, getBoardColumn } from './queries/get-board.ts';
export { type DealDetail, getDeal, getDealContacts } from './queries/get-deal.ts';
export { getExchangeRates } from './queries/get-exchange-rates.ts';
export { getPipeline, getPipelines, type Pipeline, type Stage } from './queries/get-pipelines.ts';
export { getStageHistory } from './queries/get-stage-history.ts';
export { listDeals } from './queries/list-deals.ts';
export { type ReportingRates, reportingRates } from './queries/reporting-rates.ts';
export * from './schema.ts';
export { createDeal } from './use-cases/create-deal.ts';
export { createPipeline } from './use-cases/create-pipeline.ts';
export { deleteDeal } from './use-cases/delete-deal.ts';
export { deletePipeline } from './use-cases/delete-pipeline.ts';
export { type MoveDealInput, type MoveResult, moveDeal } from './use-cases/move-deal.ts';
export { deleteExchangeRate, type ExchangeRate, setExchangeRate } from './use-cases/set-exchange-rate.ts';
export { type DealChanges, updateDeal } from './use-cases/update-deal.ts';
export { updatePipeline } from './use-cases/update-pipeline.ts';

const sellers = ['admin', 'sales_manager', 'sales_rep'] as const;
registerPermissions({
  'deals:read': { kind: 'read', roles, description: 'See pipelines, deals, the board and exchange rates' },
  'deals:write': { kind: 'write', roles: sellers, description: 'Create, change and move deals; convert contacts into deals' },
  'deals:delete': { kind: 'write', roles: ['admin', 'sales_manager'], description: 'Delete deals' },
  'pipelines:manage': { kind: 'write', roles: ['admin', 'sales_manager'], description: 'Set up pipelines, stages and exchange rates' },
});
registerErrorCodes({
  deal_not_found: 404,
  pipeline_not_found: 404,
  stage_not_found: 404,
  company_not_found: 404,
  contact_not_found: 404,
  exchange_rate_not_found: 404,
  unknown_currency: 400,
  stage_requirements_missing: 400,
  deal_stage_closed: 400,
  no_pipeline: 400,
  stage_has_deals: 409,
  pipeline_has_deals: 409,
});
registerEventTypes([
  { type: 'pipeline.created', description: 'A pipeline was created' },
  { type: 'pipeline.updated', description: 'A pipeline’s name, rotting days or stages changed' },
  { type: 'pipeline.deleted', description: 'A pipeline was deleted' },
  { type: 'deal.created', description: 'A deal was created (data: name, pipelineId, stageId, amount, currency, ownerId)' },
  { type: 'deal.updated', description: 'Fields of a deal changed; data.changed lists them' },
  { type: 'deal.stage_changed', description: 'A deal moved to another stage (data.fromStageId, data.toStageId)' },
  { type: 'deal.won', description: 'A deal entered a won stage' },
  { type: 'deal.lost', description: 'A deal entered a lost stage (data.lossReason, data.lostTo)' },
  { type: 'deal.deleted', description: 'A deal was deleted' },
  { type: 'exchange_rate.set', description: 'A dated exchange rate was set' },
]);
registerLinkableRecord('deal', existingDeals, dealActivityHooks);
registerFollowUpSource(dealFollowUps);

/** Pipelines, deals, the board and exchange rates. */
export async function salesRoutes(app: App) {
  await pipelineRoutes(app);
  await dealListRoutes(app);
  await dealRoutes(app);
  await boardRoutes(app);
  await exchangeRateRoutes(app);
}
