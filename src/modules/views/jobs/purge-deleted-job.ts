import { z } from 'zod';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { purgeDeletedRecords } from '../use-cases/purge-deleted-records.ts';

/** Runs daily (schedule `views.purge_deleted`, declared in the module's index.ts); safe to run twice. */
export const purgeDeletedJob = defineJob({
  id: 'views.purge_deleted',
  version: 1,
  payload: z.object({}),
  handler: (_payload, job) => purgeDeletedRecords(job.database.db),
});
