import type { Logger } from 'pino';
import type { Config } from '../kernel/config/index.ts';
import type { Executor } from '../kernel/db/index.ts';
import { startBounceReceiver } from '../modules/email/index.ts';

/** Starts the bounce SMTP receiver when BOUNCE_SMTP_PORT is set (server and workers); it needs BOUNCE_DOMAIN. */
export async function maybeStartBounceReceiver(config: Config, db: Executor, logger?: Logger) {
  if (config.bounceSmtpPort === undefined) return undefined;
  if (!config.bounceDomain)
    throw new Error('BOUNCE_SMTP_PORT is set but BOUNCE_DOMAIN is not: set BOUNCE_DOMAIN to the domain bounces are sent to');
  const receiver = await startBounceReceiver({
    db,
    port: config.bounceSmtpPort,
    host: config.bounceSmtpHost,
    domain: config.bounceDomain,
    maxBytes: config.bounceMaxBytes,
    logger,
  });
  logger?.info({ port: receiver.port, domain: config.bounceDomain }, 'bounce SMTP receiver listening');
  return receiver;
}
