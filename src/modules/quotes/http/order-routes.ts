import type { App } from '../../../kernel/http/index.ts';
import { getOrder } from '../queries/get-order.ts';
import { getOrders } from '../queries/get-orders.ts';
import { getOrdersSummary } from '../queries/get-orders-summary.ts';
import { createOrder } from '../use-cases/create-order.ts';
import { createOrderFromQuote } from '../use-cases/order-from-quote.ts';
import { createOrderBody, idParams, orderListSchema, orderSchema, ordersQuery, summarySchema } from './quotes.types.ts';

const tags = ['orders'];

/** Orders: list, summary (MRR/ARR), create, from an accepted quote, read. Status changes are the order-outcome flow's. */
export async function orderRoutes(app: App) {
  app.get(
    '/api/orders',
    { config: { permission: 'orders:read' }, schema: { tags, querystring: ordersQuery, response: { 200: orderListSchema } } },
    async (req) => getOrders(req.ctx, req.query),
  );
  app.get(
    '/api/orders/summary',
    { config: { permission: 'orders:read' }, schema: { tags, response: { 200: summarySchema } } },
    async (req) => getOrdersSummary(req.ctx),
  );
  app.post(
    '/api/orders',
    { config: { permission: 'orders:write' }, schema: { tags, body: createOrderBody, response: { 201: orderSchema } } },
    async (req, reply) => reply.status(201).send(await createOrder(req.ctx, req.body)),
  );
  app.post(
    '/api/quotes/:id/order',
    { config: { permission: 'orders:write' }, schema: { tags, params: idParams, response: { 201: orderSchema } } },
    async (req, reply) => reply.status(201).send(await createOrderFromQuote(req.ctx, req.params.id)),
  );
  app.get(
    '/api/orders/:id',
    { config: { permission: 'orders:read' }, schema: { tags, params: idParams, response: { 200: orderSchema } } },
    async (req) => getOrder(req.ctx, req.params.id),
  );
}
