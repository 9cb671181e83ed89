import { z } from 'zod';
import { pageQuery } from '../../http/index.ts';
import { jobStatuses } from '../define-job.ts';

export const jobStatusSchema = z
  .enum(jobStatuses)
  .describe('queued (waiting or waiting to retry), running, succeeded, failed (permanent error), dead (every attempt failed) or cancelled');

export const jobSummarySchema = z.object({
  id: z.uuid(),
  name: z.string().describe('The job definition id, e.g. events.fan_out'),
  version: z.number().int(),
  status: jobStatusSchema,
  priority: z.number().int().describe('Higher runs first'),
  attempts: z.number().int().describe('Attempts started so far'),
  maxAttempts: z.number().int().describe('After this many failed attempts the job is dead'),
  runAt: z.date().describe('When the job may run next (after a failure: when it is retried)'),
  lastError: z.string().nullable().describe('The error of the latest failed attempt'),
  progress: z.unknown().nullable().describe('What the handler reported with progress()'),
  createdAt: z.date(),
  updatedAt: z.date(),
  startedAt: z.date().nullable().describe('When the latest attempt started'),
  finishedAt: z.date().nullable().describe('When it succeeded, failed for good or was cancelled'),
});

export const jobSchema = jobSummarySchema.extend({
  payload: z.unknown().describe('The input of the job (ids, not records)'),
  result: z.unknown().nullable().describe('What the handler returned'),
  lockedBy: z.string().nullable().describe('The worker (and claim) that ran or runs it'),
  lockedUntil: z.date().nullable().describe('The lease of a running job; after it another worker may take the job'),
  idempotencyKey: z.string().nullable(),
});

export const jobListQuery = pageQuery.extend({
  status: jobStatusSchema.optional().describe('Only jobs in this status'),
  name: z.string().min(1).max(200).optional().describe('Only jobs of this definition id'),
});

export const jobIdParams = z.object({ id: z.uuid('must be a UUID').describe('The job id') });

export type JobView = z.infer<typeof jobSchema>;
export type JobListQuery = z.infer<typeof jobListQuery>;
