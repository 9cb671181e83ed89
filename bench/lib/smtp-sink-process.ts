/**
 * A counting SMTP sink in its own process (benchmarks): `node --import tsx bench/lib/smtp-sink-process.ts`.
 * Prints `port <n>`; every message it accepts is counted, nothing is kept; prints `count <n>` on SIGUSR2.
 */
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 1000,
  onData(stream, _s, cb) {
    stream.on('data', () => {});
    stream.on('end', () => {
      count++;
      cb();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.server.address() as { port: number }).port}\n`);
});
process.on('SIGUSR2', () => process.stdout.write(`count ${count}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
