import { rm } from 'node:fs/promises';
import { and, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { workspaceExports } from '../schema.ts';

/** Deletes the files of workspace exports past their expiry, then their rows (file first: a rerun finds the rest). */
export async function purgeExpiredExports(db: Executor, now = new Date()) {
  const expired = await db
    .select({ id: workspaceExports.id, filePath: workspaceExports.filePath })
    .from(workspaceExports)
    .where(and(lte(workspaceExports.expiresAt, now), inArray(workspaceExports.status, ['completed', 'failed', 'cancelled'])))
    .limit(1000);
  for (const e of expired) {
    await rm(e.filePath, { force: true });
    await rm(`${e.filePath}.part`, { force: true });
  }
  if (expired.length)
    await db.delete(workspaceExports).where(
      inArray(
        workspaceExports.id,
        expired.map((e) => e.id),
      ),
    );
  return { purged: expired.length };
}

/** Runs daily (schedule `exports.purge_expired`); safe to run twice. */
export const purgeExpiredExportsJob = defineJob({
  id: 'exports.purge_expired',
  version: 1,
  payload: z.object({}),
  handler: (_p, job) => purgeExpiredExports(job.database.db),
});
