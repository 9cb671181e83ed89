import { z } from 'zod';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { pickWinner } from './pick-winner.ts';
import { type BroadcastJobs, runBroadcast } from './send-broadcast.ts';

const payload = z.object({ broadcastId: z.uuid() });

/**
 * Sends a broadcast's queued messages (see runBroadcast); rerun safely after a crash. A crash costs an attempt (the
 * lease runs out), and every run picks up where the last stopped, so a broadcast gets many.
 */
export const sendBroadcastJob = defineJob({
  id: 'email.send_broadcast',
  version: 1,
  payload,
  maxAttempts: 20,
  backoffSeconds: 15,
  handler: ({ broadcastId }, job) => runBroadcast(broadcastId, job, jobs),
});

/** A/B: picks the winning variant after the wait and queues the rest of the audience with it. */
export const pickWinnerJob = defineJob({
  id: 'email.pick_winner',
  version: 1,
  payload,
  handler: ({ broadcastId }, job) => pickWinner(broadcastId, job, jobs),
});

const jobs: BroadcastJobs = { send: sendBroadcastJob as never, winner: pickWinnerJob as never };
