import { startServer } from '../../src/apps/server.ts';
import { loadConfig } from '../../src/kernel/config/index.ts';

/** Tandem's real server on the bench database: a free port on 127.0.0.1, no logs, no worker (nothing runs beside the requests). */
export async function startBenchServer(databaseUrl: string) {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    TANDEM_PORT: '0',
    TANDEM_HOST: '127.0.0.1',
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_WORKER_CONCURRENCY: '0',
  });
  const server = await startServer(config, { quiet: true, print: () => {} });
  const addr = server.app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { server, base };
}
