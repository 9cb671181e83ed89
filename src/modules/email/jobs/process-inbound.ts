import { z } from 'zod';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { processInbound } from '../use-cases/process-inbound.ts';

/** Reads one stored inbound message (bounce, complaint, auto-reply, reply) and applies the suppression rules. */
export const processInboundJob = defineJob({
  id: 'email.process_inbound',
  version: 1,
  payload: z.object({ inboundId: z.uuid() }),
  maxAttempts: 5,
  async handler({ inboundId }, job) {
    return processInbound(job.database.db, inboundId);
  },
});
