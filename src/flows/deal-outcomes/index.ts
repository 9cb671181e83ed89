export { type ConvertInput, convertContact, convertContactFlow, movesToOpportunity } from './convert-contact.ts';
export { dealOutcomeRoutes } from './http/deal-outcome-routes.ts';
export { customerTag, moveDealFlow, moveDealWithOutcome } from './move-deal-flow.ts';
export { changeOrderStatusWithOutcome, orderStatusFlow } from './order-status-flow.ts';
