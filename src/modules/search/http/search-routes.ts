import { can } from '../../../kernel/auth/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { App } from '../../../kernel/http/index.ts';
import { getDuplicateCompanies } from '../../companies/index.ts';
import { getDuplicateContacts } from '../../contacts/index.ts';
import { searchRecords } from '../queries/search-records.ts';
import { dismissDuplicate, notDismissed } from '../use-cases/dismiss-duplicate.ts';
import {
  dismissBody,
  dismissResponse,
  duplicateCompaniesResponse,
  duplicateContactsResponse,
  duplicatesQuery,
  searchQuery,
  searchResponse,
} from './search.types.ts';

/** GET /api/search, GET /api/duplicates/contacts|companies, POST /api/duplicates/dismiss. */
export async function searchRoutes(app: App) {
  app.get(
    '/api/search',
    { config: { permission: 'contacts:read' }, schema: { tags: ['search'], querystring: searchQuery, response: { 200: searchResponse } } },
    async (req) => ({ items: await searchRecords(req.ctx, req.query) }),
  );

  app.get(
    '/api/duplicates/contacts',
    {
      config: { permission: 'contacts:read' },
      schema: { tags: ['duplicates'], querystring: duplicatesQuery, response: { 200: duplicateContactsResponse } },
    },
    async (req) => getDuplicateContacts(req.ctx, { ...req.query, keep: notDismissed(req.ctx, 'contact') }),
  );

  app.get(
    '/api/duplicates/companies',
    {
      config: { permission: 'companies:read' },
      schema: { tags: ['duplicates'], querystring: duplicatesQuery, response: { 200: duplicateCompaniesResponse } },
    },
    async (req) => getDuplicateCompanies(req.ctx, { ...req.query, keep: notDismissed(req.ctx, 'company') }),
  );

  app.post(
    '/api/duplicates/dismiss',
    { config: { permission: 'contacts:write' }, schema: { tags: ['duplicates'], body: dismissBody, response: { 200: dismissResponse } } },
    async (req) => {
      const { role, keyScope } = req.ctx.actor;
      // The route asks for contacts:write; a company pair needs companies:write as well.
      if (req.body.entityType === 'company' && !can(role, 'companies:write', keyScope))
        throw new AppError('forbidden', `Not allowed: your role (${role}) does not include companies:write.`, {
          permission: 'companies:write',
        });
      return dismissDuplicate(req.ctx, req.body);
    },
  );
}
