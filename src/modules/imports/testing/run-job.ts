import { sql } from 'drizzle-orm';
import { rows } from '../../../kernel/db/index.ts';
import type { JobContext, JobDefinition } from '../../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

/** Runs a queued job's handler in this process, with hooks on progress (tests act at exact points between batches). */
export async function runJob(
  t: TestPlatform,
  def: JobDefinition,
  jobId: string,
  hooks: { onProgress?: (n: number) => Promise<void>; attempt?: number } = {},
) {
  const [job] = await rows<{ payload: unknown; workspace_id: string }>(
    t.database.db,
    sql`select payload, workspace_id from jobs where id = ${jobId}`,
  );
  let n = 0;
  const ctx: JobContext = {
    jobId,
    attempt: hooks.attempt ?? 1,
    workspaceId: job!.workspace_id,
    database: t.database,
    progress: async () => {
      n++;
      await hooks.onProgress?.(n);
    },
    cancelled: async () => false,
  };
  return def.handler(def.payload.parse(job!.payload), ctx);
}
