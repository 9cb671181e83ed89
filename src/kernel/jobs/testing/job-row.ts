import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { rows } from '../../db/helpers.ts';

export interface JobRow {
  id: string;
  name: string;
  status: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  result: unknown;
  progress: unknown;
  locked_by: string | null;
  idempotency_key: string | null;
  /** Seconds from the last update to run_at: the backoff a failure chose. */
  wait_seconds: number;
}

/** The jobs row as tests inspect it. */
export async function jobRow(exec: Executor, id: string): Promise<JobRow> {
  const [r] = await rows<JobRow>(
    exec,
    sql`select id, name, status, attempts, max_attempts, last_error, result, progress, locked_by, idempotency_key,
          extract(epoch from run_at - updated_at)::float8 as wait_seconds
        from jobs where id = ${id}`,
  );
  if (!r) throw new Error(`no job ${id}`);
  return r;
}
