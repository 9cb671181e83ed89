import { z } from 'zod';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { dropExpiredEventPartitions, ensureEventPartitions } from '../use-cases/partitions.ts';

/** Daily: next three months' partitions exist before their first event; months past retention are dropped. */
export const maintainEventPartitionsJob = defineJob({
  id: 'engagement.maintain_partitions',
  version: 1,
  payload: z.object({ retentionMonths: z.number().int().min(1).max(240).default(25) }),
  async handler({ retentionMonths }, job) {
    const now = new Date();
    const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
    const created = await ensureEventPartitions(job.database.db, now, ahead);
    const dropped = await dropExpiredEventPartitions(job.database.db, retentionMonths, now);
    return { created: created.length, dropped };
  },
});
