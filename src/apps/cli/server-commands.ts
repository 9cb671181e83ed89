import type { Command } from 'commander';
import pino from 'pino';
import { describeConfig } from '../../kernel/config/index.ts';
import { migrate, openDatabase } from '../../kernel/db/index.ts';
import { startWorker, syncSchedules } from '../../kernel/jobs/index.ts';
import { maybeStartBounceReceiver } from '../bounce-receiver.ts';
import { openPlatform, registerAllJobs } from '../platform.ts';
import { startServer } from '../server.ts';
import { configFrom, runCommand } from './run-command.ts';

/** Closes gracefully on SIGINT/SIGTERM (an unclosed PGlite reopens slowly); a second signal forces exit. */
function onShutdown(stop: () => Promise<void>) {
  let signalled = false;
  const handler = (sig: string) => {
    if (signalled) process.exit(130);
    signalled = true;
    process.stderr.write(`\n${sig}: shutting down…\n`);
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}

export function serverCommands(program: Command) {
  program
    .command('start')
    .description('run the HTTP API, the web app and job workers in one process')
    .option('--port <port>', 'HTTP port (TANDEM_PORT, default 3000)')
    .option('--host <host>', 'interface (TANDEM_HOST, default 127.0.0.1)')
    .option('--public-url <url>', 'URL users reach Tandem at (TANDEM_PUBLIC_URL)')
    .option('--concurrency <n>', 'jobs run at once in this process (TANDEM_WORKER_CONCURRENCY)')
    .option('--demo', 'on an empty database, create the demo workspace and print its login')
    .action((opts, cmd) =>
      runCommand(async () => {
        const server = await startServer(configFrom({ ...cmd.optsWithGlobals(), ...opts }));
        onShutdown(server.stop);
      }),
    );

  program
    .command('worker')
    .description('run job workers only (scale them out separately from the API)')
    .option('--concurrency <n>', 'jobs run at once (TANDEM_WORKER_CONCURRENCY, default 4)')
    .action((opts, cmd) =>
      runCommand(async () => {
        const config = configFrom({ ...cmd.optsWithGlobals(), ...opts });
        const platform = await openPlatform(config);
        await syncSchedules(platform.database.db);
        const logger = pino({ level: config.logLevel });
        const worker = startWorker({
          database: platform.database,
          concurrency: Math.max(1, config.workerConcurrency),
          leaseSeconds: config.jobLeaseSeconds,
          logger,
        });
        logger.info({ worker: worker.id, concurrency: config.workerConcurrency }, 'worker started');
        const bounces = await maybeStartBounceReceiver(config, platform.database.db, logger);
        onShutdown(async () => {
          await bounces?.close();
          await worker.stop();
          await platform.close();
        });
      }),
    );

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action((_opts, cmd) =>
      runCommand(async () => {
        const config = configFrom(cmd.optsWithGlobals());
        registerAllJobs();
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
        await migrate(database);
        await database.close();
        console.log(`Migrations applied (${database.kind}).`);
      }),
    );

  program
    .command('config')
    .description('print the effective configuration, secrets masked')
    .action((_opts, cmd) =>
      runCommand(async () => {
        const rows = describeConfig(configFrom(cmd.optsWithGlobals()));
        const w = Math.max(...rows.map((r) => r.env.length));
        for (const r of rows) console.log(`${r.env.padEnd(w)}  ${r.value.padEnd(28)}  ${r.description}`);
      }),
    );
}
