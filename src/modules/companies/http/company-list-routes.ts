import type { App } from '../../../kernel/http/index.ts';
import { countCompanies, listCompanies } from '../queries/list-companies.ts';
import { companySchema } from './companies.types.ts';
import { recordListRoutes } from './record-list-routes.ts';

/** GET /api/companies, POST /api/companies/search and /api/companies/count. */
export async function companyListRoutes(app: App) {
  recordListRoutes(app, { collection: 'companies', item: companySchema, list: listCompanies, count: countCompanies });
}
