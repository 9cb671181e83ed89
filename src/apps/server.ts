import pino from 'pino';
import { authChannel, onAuthNotify } from '../kernel/auth/index.ts';
import type { Config } from '../kernel/config/index.ts';
import type { App } from '../kernel/http/index.ts';
import { startWorker, syncSchedules, type Worker } from '../kernel/jobs/index.ts';
import { maybeStartBounceReceiver } from './bounce-receiver.ts';
import { bootstrapFirstRun } from './first-run.ts';
import { buildPlatformApp, openPlatform, type Platform } from './platform.ts';

export interface RunningServer {
  app: App;
  platform: Platform;
  worker?: Worker;
  /** The bounce SMTP receiver's port, when BOUNCE_SMTP_PORT is set. */
  bouncePort?: number;
  url: string;
  stop(): Promise<void>;
}

/** `tandem start`: migrations, first-run bootstrap, HTTP API + web app, and in-process workers. */
export async function startServer(config: Config, opts: { quiet?: boolean; print?: (line: string) => void } = {}): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel });
  const platform = await openPlatform(config);
  const { database } = platform;
  const unlisten = await database.listen(authChannel, () => onAuthNotify('*')).catch(() => undefined);
  await syncSchedules(database.db);
  const worker =
    config.workerConcurrency > 0
      ? startWorker({ database, concurrency: config.workerConcurrency, leaseSeconds: config.jobLeaseSeconds, logger })
      : undefined;
  const bounces = await maybeStartBounceReceiver(config, database.db, logger);
  const app = await buildPlatformApp(platform, { logger: opts.quiet ? false : logger, pokeWorker: worker?.poke });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
  // With port 0 the real port is known only now; links in mail and invites must use it.
  if (config.port === 0 && config.publicUrl?.endsWith(':0')) config.publicUrl = url;
  await bootstrapFirstRun(platform, {
    url: config.publicUrl && config.port !== 0 ? config.publicUrl : url,
    print: opts.print ?? ((l) => console.log(l)),
  });
  let stopping: Promise<void> | undefined;
  return {
    app,
    platform,
    worker,
    bouncePort: bounces?.port,
    url,
    stop() {
      stopping ??= (async () => {
        await app.close();
        await bounces?.close();
        await worker?.stop();
        await unlisten?.();
        await platform.close();
      })();
      return stopping;
    },
  };
}
