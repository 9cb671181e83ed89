import { type App, type AppDeps, pageOf } from '../../http/index.ts';
import { getJob } from '../queries/get-job.ts';
import { getJobs } from '../queries/get-jobs.ts';
import { cancelJob } from '../use-cases/cancel-job.ts';
import { retryJob } from '../use-cases/retry-job.ts';
import { jobIdParams, jobListQuery, jobSchema, jobSummarySchema } from './jobs.types.ts';

/** The jobs admin: list and inspect the workspace's background jobs, retry dead ones, cancel running ones. */
export async function jobsRoutes(app: App, deps: AppDeps) {
  const tags = ['jobs'];

  app.get(
    '/api/jobs',
    {
      config: { permission: 'jobs:read' },
      schema: { tags, summary: 'List jobs, newest first', querystring: jobListQuery, response: { 200: pageOf(jobSummarySchema) } },
    },
    async (req) => getJobs(req.ctx, req.query),
  );

  app.get(
    '/api/jobs/:id',
    {
      config: { permission: 'jobs:read' },
      schema: { tags, summary: 'One job with payload, result and error', params: jobIdParams, response: { 200: jobSchema } },
    },
    async (req) => getJob(req.ctx, req.params.id),
  );

  app.post(
    '/api/jobs/:id/retry',
    {
      config: { permission: 'jobs:manage' },
      schema: { tags, summary: 'Queue a dead, failed or cancelled job again', params: jobIdParams, response: { 200: jobSchema } },
    },
    async (req) => {
      const job = await retryJob(req.ctx, req.params.id);
      deps.pokeWorker?.();
      return job;
    },
  );

  app.post(
    '/api/jobs/:id/cancel',
    {
      config: { permission: 'jobs:manage' },
      schema: { tags, summary: 'Cancel a queued or running job', params: jobIdParams, response: { 200: jobSchema } },
    },
    async (req) => cancelJob(req.ctx, req.params.id),
  );
}
