import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { SmtpConnection, SmtpError } from './smtp-connection.ts';
import { SmtpPool } from './smtp-pool.ts';

interface Got {
  from: string;
  to: string[];
  raw: string;
  user?: string;
  secure: boolean;
}

const servers: SMTPServer[] = [];

/** A real smtp-server on a free port (STARTTLS with smtp-server's own test certificate unless disabled). */
async function server(opts: Partial<SMTPServerOptions> = {}) {
  const got: Got[] = [];
  const s = new SMTPServer({
    logger: false,
    authOptional: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'ann' && auth.password === 'pässword') return cb(null, { user: 'ann' });
      cb(new Error('Invalid username or password'));
    },
    onRcptTo(addr, _s, cb) {
      if (addr.address.startsWith('refuse')) return cb(Object.assign(new Error('No such user'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        got.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
          secure: session.secure,
        });
        cb();
      });
    },
    ...opts,
  });
  s.on('error', () => {});
  servers.push(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { port: (s.server.address() as { port: number }).port, got };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

const message = Buffer.from('Subject: Hi\r\nTo: b@example.org\r\n\r\nHello\r\n.leading dot\r\n');
const yes = async () => true;

describe('the SMTP client of the send path', () => {
  it('upgrades with STARTTLS, logs in with AUTH PLAIN and delivers, dot-stuffing a line that starts with a dot', async () => {
    const s = await server();
    const pool = new SmtpPool({ host: '127.0.0.1', port: s.port, secure: false, user: 'ann', pass: 'pässword', concurrency: 2 });
    const out = await pool.send('a@example.com', 'b@example.org', message, yes);
    pool.close();
    expect(out.accepted).toBe(true);
    expect(s.got).toHaveLength(1);
    expect(s.got[0]).toMatchObject({ from: 'a@example.com', to: ['b@example.org'], user: 'ann', secure: true });
    expect(s.got[0]!.raw).toContain('\r\n.leading dot\r\n');
  });

  it('refuses a wrong password with the server’s code', async () => {
    const s = await server();
    const err = await SmtpConnection.open({
      host: '127.0.0.1',
      port: s.port,
      secure: false,
      user: 'ann',
      pass: 'wrong',
      rejectUnauthorized: false,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmtpError);
    expect((err as SmtpError).responseCode).toBe(535);
  });

  it('reports a refused recipient (5xx, permanent) and keeps using the connection, with and without pipelining', async () => {
    for (const hidePIPELINING of [false, true]) {
      const s = await server({ disabledCommands: ['STARTTLS'], hidePIPELINING });
      const pool = new SmtpPool({ host: '127.0.0.1', port: s.port, secure: false, concurrency: 1 });
      const refused = await pool.send('a@example.com', 'refuse@example.org', message, yes);
      const next = await pool.send('a@example.com', 'c@example.org', message, yes);
      pool.close();
      expect(refused).toMatchObject({ accepted: false, committed: false, code: 550, permanent: true });
      expect(next.accepted).toBe(true);
      expect(s.got.map((g) => g.to)).toEqual([['c@example.org']]);
    }
  });

  it('leaves the message undelivered when the sender says no before the final dot', async () => {
    const s = await server({ disabledCommands: ['STARTTLS'] });
    const pool = new SmtpPool({ host: '127.0.0.1', port: s.port, secure: false, concurrency: 1 });
    const no = await pool.send('a@example.com', 'b@example.org', message, async () => false);
    const after = await pool.send('a@example.com', 'd@example.org', message, yes);
    pool.close();
    expect(no).toMatchObject({ accepted: false, committed: false });
    expect(after.accepted).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.got.map((g) => g.to)).toEqual([['d@example.org']]);
  });

  it('fails clearly when nothing listens', async () => {
    const s = await server();
    const port = s.port;
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
    const pool = new SmtpPool({ host: '127.0.0.1', port, secure: false, concurrency: 1 });
    const out = await pool.send('a@example.com', 'b@example.org', message, yes);
    pool.close();
    expect(out).toMatchObject({ accepted: false, committed: false });
    expect(out.accepted ? '' : out.error).toMatch(/ECONNREFUSED/);
  });
});
