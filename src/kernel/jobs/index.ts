export { defineJob, type JobDefinition, type JobContext, type EnqueueOptions } from './define-job.ts';
export { enqueue, jobsChannel } from './enqueue.ts';
export { registerJobs, jobDefinition, registeredJobNames } from './registry.ts';
export { startWorker, type Worker, type WorkerOptions } from './worker.ts';
export { defineSchedule, syncSchedules, runDueSchedules, nextRun } from './schedules.ts';
export { jobs, jobSchedules } from './schema.ts';
