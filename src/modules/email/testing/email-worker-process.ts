/**
 * A worker OS process that sends email, for the crash test and the benchmark:
 * `node --import tsx src/modules/email/testing/email-worker-process.ts <databaseUrl> <secretKey> <publicUrl> [leaseSeconds] [concurrency]`.
 * Prints `ready <pid>` once it is claiming jobs; SIGTERM stops it gracefully.
 */
import { openDatabase } from '../../../kernel/db/client.ts';
import { registerJobs, startWorker } from '../../../kernel/jobs/index.ts';
import { closeSmtpPools, configureEmail, pickWinnerJob, sendBroadcastJob, sendMessageJob } from '../index.ts';

const [url, secretKey, publicUrl, lease = '3', conc = '2'] = process.argv.slice(2);
if (!url || !secretKey || !publicUrl) {
  process.stderr.write('usage: email-worker-process.ts <databaseUrl> <secretKey> <publicUrl> [leaseSeconds] [concurrency]\n');
  process.exit(2);
}
const concurrency = Number(conc);
const database = await openDatabase({ databaseUrl: url, poolSize: concurrency + 4 });
configureEmail({ secretKey, publicUrl, mailFrom: 'test@localhost' });
registerJobs(sendBroadcastJob, pickWinnerJob, sendMessageJob);
const worker = startWorker({ database, concurrency, leaseSeconds: Number(lease), pollMs: 100, backoffSeconds: 0.2, maintenanceMs: 500 });
process.stdout.write(`ready ${process.pid}\n`);
process.on('SIGTERM', () => {
  worker
    .stop()
    .then(() => closeSmtpPools())
    .then(() => database.close())
    .finally(() => process.exit(0));
});
