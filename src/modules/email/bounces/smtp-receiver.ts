import type { Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import type { Executor } from '../../../kernel/db/index.ts';
import { receiveInbound } from '../use-cases/receive-inbound.ts';

export interface BounceReceiverOptions {
  db: Executor;
  port: number;
  host?: string;
  /** Mail is accepted only for addresses at this domain (the VERP return path's). */
  domain: string;
  maxBytes: number;
  logger?: Logger;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The bounce SMTP receiver: accepts mail for the bounce domain only (550 for any other recipient: no open relay),
 * refuses messages above the size limit (552), stores each message and queues its processing before answering 250,
 * so a message the remote MTA saw accepted is never lost (a database failure answers 451 and the MTA retries).
 */
export async function startBounceReceiver(opts: BounceReceiverOptions) {
  const domain = opts.domain.toLowerCase();
  const server = new SMTPServer({
    name: domain,
    banner: 'Tandem bounce receiver',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: opts.maxBytes,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(addr, _session, cb) {
      const at = addr.address.toLowerCase().split('@');
      if (at.length !== 2 || at[1] !== domain) return cb(smtpError(550, `5.1.1 This server only accepts mail for @${domain}`));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
          return cb(smtpError(552, `5.3.4 Message larger than ${opts.maxBytes} bytes`));
        const mailFrom = session.envelope.mailFrom;
        receiveInbound(opts.db, {
          source: 'smtp',
          envelopeFrom: mailFrom ? mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        }).then(
          ({ id }) => cb(null, `2.0.0 Stored as ${id}`),
          (err: unknown) => {
            opts.logger?.error({ err }, 'bounce receiver could not store a message');
            cb(smtpError(451, '4.3.0 Temporary failure storing the message; try again later'));
          },
        );
      });
    },
  });
  server.on('error', (err) => opts.logger?.warn({ err }, 'bounce receiver connection error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
