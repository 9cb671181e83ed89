export {
  defineJob,
  type EnqueueOptions,
  type JobContext,
  type JobDefinition,
  type JobStatus,
  jobStatuses,
  PermanentJobError,
} from './define-job.ts';
export { enqueue, jobsChannel } from './enqueue.ts';
export * as jobsTypes from './http/jobs.types.ts';
export { jobsRoutes } from './http/jobs-routes.ts';
export { pruneJobs, type Retention, requeueExpiredJobs, retryDelaySeconds } from './job-state.ts';
export { getJob } from './queries/get-job.ts';
export { getJobs } from './queries/get-jobs.ts';
export { jobDefinition, registeredJobNames, registerJobs } from './registry.ts';
export { defineSchedule, nextRun, runDueSchedules, syncSchedules } from './schedules.ts';
export { jobSchedules, jobs } from './schema.ts';
export { cancelJob } from './use-cases/cancel-job.ts';
export { retryJob } from './use-cases/retry-job.ts';
export { startWorker, type Worker, type WorkerOptions } from './worker.ts';
