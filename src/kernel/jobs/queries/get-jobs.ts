import { desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { inWorkspace } from '../../db/helpers.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/index.ts';
import type { JobListQuery } from '../http/jobs.types.ts';
import { jobs } from '../schema.ts';
import { toJobView } from './get-job.ts';

const cursorId = z.uuid();

/** The caller's workspace's jobs, newest first, keyset-paginated by id (UUID v7 is time-ordered). */
export async function getJobs(ctx: Ctx, q: JobListQuery) {
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  if (after !== undefined && !cursorId.safeParse(after).success)
    throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
  const fetched = await ctx.db
    .select()
    .from(jobs)
    .where(
      inWorkspace(
        jobs.workspaceId,
        ctx,
        q.status ? eq(jobs.status, q.status) : undefined,
        q.name ? eq(jobs.name, q.name) : undefined,
        after !== undefined ? lt(jobs.id, after as string) : undefined,
      ),
    )
    .orderBy(desc(jobs.id))
    .limit(q.limit + 1);
  const page = toPage(fetched, q.limit, (r) => [r.id]);
  return { items: page.items.map(toJobView), nextCursor: page.nextCursor };
}
