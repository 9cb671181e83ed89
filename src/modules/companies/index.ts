import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { companyListRoutes } from './http/company-list-routes.ts';
import { companyRoutes } from './http/company-routes.ts';

export { assertDomainFree, assertMember, checkDomain, cleanTags } from './company-rules.ts';
export { nameFromDomain, normalizeDomain } from './domain.ts';
export * as companyTypes from './http/companies.types.ts';
export { listQuery, parseListQuery, pickColumns, searchBody, totalSchema } from './http/list.types.ts';
export { recordListRoutes } from './http/record-list-routes.ts';
export { companyAlias, companyFields, companyRegistry, customFilterFields } from './queries/company-fields.ts';
export { type Company, toCompany } from './queries/company-shape.ts';
export {
  comparisonBudget,
  type DuplicatePair,
  type DuplicateReason,
  lastUuid,
  type PairCursor,
  pageDuplicatePairs,
} from './queries/duplicate-pairs.ts';
export { type CompanyDetail, getCompany, resolveAlias } from './queries/get-company.ts';
export { comparableName, domainRoot, getDuplicateCompanies, similarCompanyNameThreshold } from './queries/get-duplicate-companies.ts';
export { listCompanies } from './queries/list-companies.ts';
export {
  camelize,
  countRecords,
  countRows,
  exactCountLimit,
  type ListRequest,
  type ListSpec,
  listRecords,
  type Total,
} from './queries/list-records.ts';
export { hasActivityPredicate, hasTagPredicate } from './queries/record-predicates.ts';
export { companies } from './schema.ts';
export { type CompanyInput, plainColumns } from './use-cases/company-input.ts';
export { createCompany, workspaceCurrency } from './use-cases/create-company.ts';
export { deleteCompany } from './use-cases/delete-company.ts';
export { findOrCreateCompanyByDomain } from './use-cases/find-or-create-company-by-domain.ts';
export { changedKeys, mergeCustom, updateCompany } from './use-cases/update-company.ts';

registerPermissions({
  'companies:read': { kind: 'read', roles, description: 'See companies' },
  'companies:write': {
    kind: 'write',
    roles: ['admin', 'marketing', 'sales_manager', 'sales_rep'],
    description: 'Create and change companies',
  },
  'companies:delete': { kind: 'write', roles: ['admin', 'sales_manager', 'marketing'], description: 'Delete companies' },
});
registerErrorCodes({ company_domain_taken: 409, company_parent_cycle: 400 });
registerEventTypes([
  { type: 'company.created', description: 'A company was created (by hand, import, or from a contact’s email domain)' },
  { type: 'company.updated', description: 'Fields of a company changed; data.changed lists them' },
  { type: 'company.deleted', description: 'A company was deleted (soft, undoable)' },
]);

/** The companies API. */
export async function companiesRoutes(app: App) {
  await companyListRoutes(app);
  await companyRoutes(app);
}
