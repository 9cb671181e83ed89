import { notFound } from '../../../kernel/errors.ts';
import type { App } from '../../../kernel/http/index.ts';
import { getJob } from '../../../kernel/jobs/index.ts';
import { companyTypes } from '../../../modules/companies/index.ts';
import { contactTypes } from '../../../modules/contacts/index.ts';
import { mergeCompanies } from '../merge-companies.ts';
import { mergeContacts } from '../merge-contacts.ts';
import { mergeExactEmailsJob, startMergeExactEmails } from '../merge-exact-emails-job.ts';
import { jobIdParams, mergeBody, mergeJobResponse, mergeJobSchema } from './merge.types.ts';

/** POST /api/contacts/merge, /api/companies/merge, /api/duplicates/contacts/merge-exact-emails (+ its job). */
export async function mergeRoutes(app: App) {
  app.post(
    '/api/contacts/merge',
    {
      config: { permission: 'contacts:merge' },
      schema: { tags: ['contacts'], body: mergeBody, response: { 200: contactTypes.contactDetailSchema } },
    },
    async (req) => mergeContacts(req.ctx, req.body),
  );

  app.post(
    '/api/companies/merge',
    {
      config: { permission: 'companies:merge' },
      schema: { tags: ['companies'], body: mergeBody, response: { 200: companyTypes.companyDetailSchema } },
    },
    async (req) => mergeCompanies(req.ctx, req.body),
  );

  app.post(
    '/api/duplicates/contacts/merge-exact-emails',
    { config: { permission: 'contacts:merge' }, schema: { tags: ['duplicates'], response: { 202: mergeJobResponse } } },
    async (req, reply) => reply.status(202).send(await startMergeExactEmails(req.ctx)),
  );

  app.get(
    '/api/duplicates/contacts/merge-exact-emails/:jobId',
    { config: { permission: 'contacts:merge' }, schema: { tags: ['duplicates'], params: jobIdParams, response: { 200: mergeJobSchema } } },
    async (req) => {
      const job = await getJob(req.ctx, req.params.jobId);
      // Only this kind of job: the jobs admin API (admins only) shows the others.
      if (job.name !== mergeExactEmailsJob.id) throw notFound('job', req.params.jobId);
      return { id: job.id, status: job.status, progress: job.progress, result: job.result, lastError: job.lastError };
    },
  );
}
