import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  raw: Buffer;
}

/** A real SMTP server on a free local port that keeps what it receives (tests and benchmarks). */
export async function startSmtpSink(opts: { rejectRcpt?: (to: string) => string | undefined; keep?: boolean } = {}) {
  const messages: SinkMessage[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 20 * 1024 * 1024,
    onRcptTo(addr, _s, cb) {
      const why = opts.rejectRcpt?.(addr.address);
      if (why) {
        const e = new Error(why) as Error & { responseCode: number };
        e.responseCode = 550;
        return cb(e);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        count++;
        if (opts.keep !== false)
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
        cb();
      });
    },
  });
  // A sender killed in the middle of a message (the crash tests do that) resets its connection; smtp-server reports
  // that as an 'error' event, which without a listener would be thrown in the test process.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    messages,
    count: () => count,
    parse: (m: SinkMessage): Promise<ParsedMail> => simpleParser(m.raw),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
