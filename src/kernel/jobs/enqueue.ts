import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../db/client.ts';
import { newId } from '../db/columns.ts';
import { rows } from '../db/helpers.ts';
import { AppError } from '../errors.ts';
import type { EnqueueOptions, JobDefinition } from './define-job.ts';

/** NOTIFY channel that wakes workers when a job becomes ready. */
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
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new AppError(
      'validation_failed',
      `Invalid payload for job ${def.id}${at}: ${issue?.message}. Pass a payload that matches the job's schema.`,
      {
        path: ['payload', ...(issue?.path ?? [])],
        issues: parsed.error.issues,
      },
    );
  }
  const delay = opts.delaySeconds ?? 0;
  if (!(delay >= 0)) throw new AppError('validation_failed', 'delaySeconds must be 0 or more.', { path: ['delaySeconds'] });
  const runAt = opts.runAt ?? new Date(Date.now() + delay * 1000);
  // Twice at most: the job holding the key may be deleted (retention) between the insert and the select.
  for (let tries = 0; ; tries++) {
    const inserted = await rows<{ id: string }>(
      exec,
      sql`insert into jobs (id, workspace_id, name, version, payload, priority, max_attempts, run_at, idempotency_key)
          values (${newId()}, ${opts.workspaceId ?? null}, ${def.id}, ${def.version}, ${JSON.stringify(parsed.data)}::jsonb,
                  ${opts.priority ?? 0}, ${opts.maxAttempts ?? def.maxAttempts ?? 5}, ${runAt.toISOString()}, ${opts.idempotencyKey ?? null})
          on conflict (idempotency_key) do nothing
          returning id`,
    );
    if (inserted[0]) {
      // Delivered at commit, so workers never wake for a job they cannot see yet.
      await exec.execute(sql`select pg_notify(${jobsChannel}, '')`);
      return inserted[0].id;
    }
    const [existing] = await rows<{ id: string }>(exec, sql`select id from jobs where idempotency_key = ${opts.idempotencyKey ?? null}`);
    if (existing) return existing.id;
    if (tries > 0) throw new AppError('conflict', `Could not enqueue ${def.id} with idempotency key ${opts.idempotencyKey}; try again.`);
  }
}
