/**
 * A worker OS process for the multi-process tests:
 * `node --import tsx src/kernel/jobs/testing/worker-process.ts <databaseUrl> [leaseSeconds] [concurrency]`.
 * Prints `ready <pid>` once it is claiming; SIGTERM stops it gracefully.
 */
import { openDatabase } from '../../db/client.ts';
import { registerJobs } from '../registry.ts';
import { startWorker } from '../worker.ts';
import { effectJob, slowJob } from './effect-jobs.ts';

const [url, lease = '30', conc = '8'] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: worker-process.ts <databaseUrl> [leaseSeconds] [concurrency]\n');
  process.exit(2);
}
const concurrency = Number(conc);
const database = await openDatabase({ databaseUrl: url, poolSize: concurrency + 2 });
registerJobs(effectJob, slowJob);
const worker = startWorker({ database, concurrency, leaseSeconds: Number(lease), pollMs: 200, backoffSeconds: 0.1 });
process.stdout.write(`ready ${process.pid}\n`);
process.on('SIGTERM', () => {
  worker
    .stop()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
