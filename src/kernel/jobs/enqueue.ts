import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { newId } from '../db/columns.ts';
import type { Executor } from '../db/client.ts';
import { rows } from '../db/helpers.ts';
import { AppError } from '../errors.ts';
import type { EnqueueOptions, JobDefinition } from './define-job.ts';

export const jobsChannel = 'tandem_jobs';

/**
 * Adds a job in the caller's transaction, so it exists only if the change that asked for it commits.
 * Returns the job id (the existing one when the idempotency key was used before).
 */
export async function enqueue<P extends z.ZodType>(
  exec: Executor,
  def: JobDefinition<P>,
  payload: z.input<P>,
  opts: EnqueueOptions = {},
): Promise<string> {
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success)
    throw new AppError('validation_failed', `Invalid payload for job ${def.id}`, { issues: parsed.error.issues });
  const runAt = opts.runAt ?? new Date(Date.now() + (opts.delaySeconds ?? 0) * 1000);
  const id = newId();
  const inserted = await rows<{ id: string }>(
    exec,
    sql`insert into jobs (id, workspace_id, name, version, payload, priority, max_attempts, run_at, idempotency_key)
        values (${id}, ${opts.workspaceId ?? null}, ${def.id}, ${def.version}, ${JSON.stringify(parsed.data)}::jsonb,
                ${opts.priority ?? 0}, ${opts.maxAttempts ?? def.maxAttempts ?? 5}, ${runAt.toISOString()}, ${opts.idempotencyKey ?? null})
        on conflict (idempotency_key) do nothing
        returning id`,
  );
  if (inserted[0]) {
    await exec.execute(sql`select pg_notify(${jobsChannel}, '')`);
    return inserted[0].id;
  }
  const [existing] = await rows<{ id: string }>(exec, sql`select id from jobs where idempotency_key = ${opts.idempotencyKey}`);
  return existing!.id;
}
