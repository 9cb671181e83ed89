import type { z } from 'zod';
import type { Database, Executor } from '../db/client.ts';

export interface JobContext {
  jobId: string;
  attempt: number;
  workspaceId: string | null;
  database: Database;
  /** Reports progress (shown in the jobs admin) and extends the lease of a long job. */
  progress(value: Record<string, unknown>): Promise<void>;
  /** True once the job was cancelled by a user; long handlers check it between batches. */
  cancelled(): Promise<boolean>;
}

export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  /** Stable id, e.g. `webhooks.deliver`. */
  id: string;
  version: number;
  payload: P;
  maxAttempts?: number;
  /** Base delay of the exponential backoff in seconds (default 10: 10s, 20s, 40s, …). */
  backoffSeconds?: number;
  /** Must be safe to run twice: payloads carry ids, and the handler refetches by id. */
  handler(payload: z.output<P>, ctx: JobContext): Promise<unknown>;
}

export function defineJob<P extends z.ZodType>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

export interface EnqueueOptions {
  workspaceId?: string | null;
  runAt?: Date;
  delaySeconds?: number;
  priority?: number;
  /** A second enqueue with the same key is ignored (returns the existing job id). */
  idempotencyKey?: string;
  maxAttempts?: number;
}

export type { Executor };
