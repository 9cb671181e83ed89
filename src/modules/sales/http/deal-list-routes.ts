import type { App } from '../../../kernel/http/index.ts';
import { recordListRoutes } from '../../companies/index.ts';
import { countDeals, listDeals } from '../queries/list-deals.ts';
import { dealSchema } from './sales.types.ts';

/** GET /api/deals (the board's table view), POST /api/deals/search and /api/deals/count. */
export async function dealListRoutes(app: App) {
  recordListRoutes(app, { collection: 'deals', item: dealSchema, list: listDeals, count: countDeals });
}
