import type { Ctx } from '../../kernel/context.ts';
import { changeOrderStatus, getQuoteSettings, type Order, type OrderStatus } from '../../modules/quotes/index.ts';
import { getDeal, getPipeline } from '../../modules/sales/index.ts';
import { type Flow, runFlow } from '../flow.ts';
import { type MoveState, moveDealFlow } from './move-deal-flow.ts';

export interface OrderStatusState {
  orderId: string;
  to: OrderStatus;
  order?: Order;
  /** The deal won by confirming the order, with what the win changed. */
  won?: { dealId: string; customers: string[]; companyMarked: boolean };
}

/**
 * Moves an order along; confirming one closes its open deal as won when the workspace setting
 * `orderConfirmationWinsDeal` is on, through the same won flow as the board (contacts become
 * customers, the company is tagged). One transaction: if the deal cannot enter its won stage
 * (required fields), the order is not confirmed either.
 */
export const orderStatusFlow: Flow<OrderStatusState> = {
  name: 'order-status',
  steps: [
    {
      name: 'change-status',
      async run(ctx, s) {
        s.order = (await changeOrderStatus(ctx, s.orderId, s.to)).after;
      },
    },
    {
      name: 'confirmed-wins-deal',
      async run(ctx, s) {
        const order = s.order!;
        if (s.to !== 'confirmed' || !order.dealId) return;
        if (!(await getQuoteSettings(ctx)).orderConfirmationWinsDeal) return;
        const deal = await getDeal(ctx, order.dealId);
        if (deal.status !== 'open') return;
        const won = (await getPipeline(ctx, deal.pipelineId)).stages.find((st) => st.type === 'won');
        if (!won) return;
        const move: MoveState = {
          dealId: deal.id,
          input: {
            stageId: won.id,
            ...(deal.amount === null && deal.currency === order.currency && { amount: order.total }),
          },
          customers: [],
          companyMarked: false,
        };
        for (const step of moveDealFlow.steps) await step.run(ctx, move);
        s.won = { dealId: deal.id, customers: move.customers, companyMarked: move.companyMarked };
      },
    },
  ],
};

/** Changes an order's status (see orderStatusFlow) and returns the order and the deal it won, if any. */
export async function changeOrderStatusWithOutcome(ctx: Ctx, orderId: string, to: OrderStatus, flow = orderStatusFlow) {
  const s = await runFlow(ctx, flow, { orderId, to });
  return {
    order: s.order!,
    wonDealId: s.won?.dealId ?? null,
    customers: s.won?.customers ?? [],
    companyMarked: s.won?.companyMarked ?? false,
  };
}
