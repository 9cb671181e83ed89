import type { z } from 'zod';
import type { Database, Executor } from '../db/client.ts';

/**
 * queued: waiting (for its run_at, or for a retry after a failure: attempts > 0, last_error set);
 * running: held by a worker's lease; succeeded; dead: every attempt failed; failed: a permanent
 * error (bad payload, PermanentJobError) made retrying pointless; cancelled: stopped by a user.
 */
export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  workspaceId: string | null;
  database: Database;
  /** Reports progress (shown in the jobs admin); also renews the lease. */
  progress(value: Record<string, unknown>): Promise<void>;
  /**
   * True once the job was cancelled by a user or this worker lost its lease (another worker may
   * run it now). Long handlers check it between batches and return early.
   */
  cancelled(): Promise<boolean>;
}

export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  /** Stable id, e.g. `webhooks.deliver`. */
  id: string;
  version: number;
  payload: P;
  maxAttempts?: number;
  /** Base delay of the exponential backoff in seconds (default 10: 10s, 20s, 40s, …, at most 6 h). */
  backoffSeconds?: number;
  /**
   * Delivery is at least once: a job may run again after a crash or a lost lease, so the handler must
   * be safe to run twice. Payloads carry ids, and the handler refetches by id.
   */
  handler(payload: z.output<P>, ctx: JobContext): Promise<unknown>;
}

/** Declares a job type: stable id, version, zod payload schema and handler. */
export function defineJob<P extends z.ZodType>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

/** Thrown by a handler when retrying cannot help: the job goes to `failed` at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export interface EnqueueOptions {
  workspaceId?: string | null;
  runAt?: Date;
  delaySeconds?: number;
  /** Higher runs first (default 0). */
  priority?: number;
  /** A second enqueue with the same key is ignored (returns the existing job id). */
  idempotencyKey?: string;
  maxAttempts?: number;
}

export type { Executor };
