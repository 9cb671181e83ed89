import { type App, pageOf, pageQuery } from '../../../kernel/http/index.ts';
import { getCompany } from '../queries/get-company.ts';
import { getCompanyContacts } from '../queries/get-company-contacts.ts';
import { createCompany } from '../use-cases/create-company.ts';
import { deleteCompany } from '../use-cases/delete-company.ts';
import { updateCompany } from '../use-cases/update-company.ts';
import {
  companyBody,
  companyContactSchema,
  companyDetailSchema,
  companySchema,
  idParams,
  okSchema,
  updateCompanyBody,
} from './companies.types.ts';

const tags = ['companies'];

/** POST /api/companies, GET/PATCH/DELETE /api/companies/:id, GET /api/companies/:id/contacts. */
export async function companyRoutes(app: App) {
  app.post(
    '/api/companies',
    { config: { permission: 'companies:write' }, schema: { tags, body: companyBody, response: { 201: companySchema } } },
    async (req, reply) => reply.status(201).send(await createCompany(req.ctx, req.body)),
  );

  app.get(
    '/api/companies/:id',
    { config: { permission: 'companies:read' }, schema: { tags, params: idParams, response: { 200: companyDetailSchema } } },
    async (req) => getCompany(req.ctx, req.params.id),
  );

  app.patch(
    '/api/companies/:id',
    {
      config: { permission: 'companies:write' },
      schema: { tags, params: idParams, body: updateCompanyBody, response: { 200: companySchema } },
    },
    async (req) => updateCompany(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/companies/:id',
    { config: { permission: 'companies:delete' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteCompany(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/companies/:id/contacts',
    {
      config: { permission: 'contacts:read' },
      schema: { tags, params: idParams, querystring: pageQuery, response: { 200: pageOf(companyContactSchema) } },
    },
    async (req) => getCompanyContacts(req.ctx, req.params.id, req.query),
  );
}
