import net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';

/**
 * One SMTP client connection (RFC 5321) for the send path: greeting, EHLO, STARTTLS, AUTH PLAIN/LOGIN, then
 * transactions with the envelope pipelined (RFC 2920) when the server offers it. The message is written as one
 * buffer, and the final dot is written by `finish()` in the caller's own turn of the event loop: the sender decides
 * after DATA whether the message ends (see SmtpPool).
 */

export interface ConnectOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string | null;
  pass?: string | null;
  rejectUnauthorized: boolean;
  connectionTimeout?: number;
  socketTimeout?: number;
}

export interface Reply {
  code: number;
  text: string;
}

export class SmtpError extends Error {
  constructor(
    message: string,
    readonly responseCode?: number,
    readonly response?: string,
  ) {
    super(message);
  }
}

type Socket = net.Socket | tls.TLSSocket;

export class SmtpConnection {
  private socket!: Socket;
  private buffered = '';
  private lines: string[] = [];
  private waiting: { resolve(r: Reply): void; reject(e: Error): void }[] = [];
  private broken?: Error;
  private extensions = new Set<string>();
  private auth: string[] = [];
  private readonly onDataBound = (chunk: Buffer) => this.onData(chunk);
  private readonly onErrorBound = (err: Error) => this.fail(err);
  private readonly onCloseBound = () => this.fail(new SmtpError('The SMTP server closed the connection'));
  /** Called once when the connection breaks or closes. */
  onClose?: () => void;

  private constructor(private readonly opts: ConnectOptions) {}

  static async open(opts: ConnectOptions): Promise<SmtpConnection> {
    const c = new SmtpConnection(opts);
    try {
      await c.start();
    } catch (err) {
      c.socket?.destroy(); // a refused login or a failed upgrade must not leave the connection open
      throw err;
    }
    return c;
  }

  get usable() {
    return !this.broken;
  }

  private async start() {
    const o = this.opts;
    const socket = await this.withTimeout(
      new Promise<Socket>((resolve, reject) => {
        const s = o.secure
          ? tls.connect({
              host: o.host,
              port: o.port,
              servername: net.isIP(o.host) ? undefined : o.host,
              rejectUnauthorized: o.rejectUnauthorized,
            })
          : net.connect({ host: o.host, port: o.port });
        s.once(o.secure ? 'secureConnect' : 'connect', () => {
          s.removeListener('error', reject);
          resolve(s);
        });
        s.once('error', reject);
      }),
      o.connectionTimeout ?? 15_000,
      () => `Could not connect to the SMTP server ${o.host}:${o.port} in time`,
    );
    this.attach(socket);
    const greeting = await this.withTimeout(this.reply(), o.connectionTimeout ?? 15_000, () => 'The SMTP server sent no greeting');
    expect(greeting, [220], 'greeting');
    await this.hello();
    if (!o.secure && this.extensions.has('STARTTLS')) {
      expect(await this.command('STARTTLS'), [220], 'STARTTLS');
      await this.upgrade();
      await this.hello();
    }
    if (o.user) await this.login(o.user, o.pass ?? '');
  }

  private attach(socket: Socket) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setTimeout(this.opts.socketTimeout ?? 60_000, () => {
      this.fail(new SmtpError('The SMTP server did not answer in time'));
      socket.destroy();
    });
    socket.on('data', this.onDataBound);
    socket.on('error', this.onErrorBound);
    socket.on('close', this.onCloseBound);
  }

  private detach() {
    const s = this.socket;
    s.setTimeout(0);
    s.removeListener('data', this.onDataBound);
    s.removeListener('error', this.onErrorBound);
    s.removeListener('close', this.onCloseBound);
    return s;
  }

  private async upgrade() {
    const plain = this.detach();
    const o = this.opts;
    const secured = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ socket: plain, servername: net.isIP(o.host) ? undefined : o.host, rejectUnauthorized: o.rejectUnauthorized });
      s.once('secureConnect', () => {
        s.removeListener('error', reject);
        resolve(s);
      });
      s.once('error', reject);
    });
    this.attach(secured);
  }

  private async hello() {
    const name = os.hostname() || 'localhost';
    let r = await this.command(`EHLO ${name}`);
    if (r.code !== 250) {
      r = await this.command(`HELO ${name}`);
      expect(r, [250], 'HELO');
    }
    this.extensions.clear();
    for (const line of r.text.split('\n').slice(1)) {
      const [kw, ...rest] = line.trim().toUpperCase().split(/[ =]/);
      if (!kw) continue;
      this.extensions.add(kw);
      if (kw === 'AUTH') this.auth = rest;
    }
  }

  private async login(user: string, pass: string) {
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    if (this.auth.includes('PLAIN') || !this.auth.includes('LOGIN')) {
      expect(await this.command(`AUTH PLAIN ${b64(`\u0000${user}\u0000${pass}`)}`), [235], 'AUTH PLAIN');
      return;
    }
    expect(await this.command('AUTH LOGIN'), [334], 'AUTH LOGIN');
    expect(await this.command(b64(user)), [334], 'AUTH LOGIN user');
    expect(await this.command(b64(pass)), [235], 'AUTH LOGIN password');
  }

  /**
   * Envelope and message up to, not including, the final dot. Resolves once the message has left this process
   * (handed to the kernel), so nothing of it waits in Node's buffer when the caller calls `finish()` (end it, wait
   * for the server's answer) or `abandon()`: the dot then goes out in the write that `finish()` makes, and a
   * kill -9 right after cannot strand it behind the body (docs/email.md).
   */
  async begin(from: string, to: string, raw: Buffer): Promise<void> {
    const cmds = [`MAIL FROM:<${from}>`, `RCPT TO:<${to}>`, 'DATA'];
    let replies: Reply[];
    if (this.extensions.has('PIPELINING')) {
      const pending = cmds.map(() => this.reply());
      this.write(`${cmds.join('\r\n')}\r\n`);
      replies = await Promise.all(pending);
    } else {
      replies = [];
      for (const c of cmds) {
        const r = await this.command(c);
        replies.push(r);
        if (r.code >= 400) break;
      }
    }
    const [mail, rcpt, data] = replies;
    const refused = mail!.code !== 250 ? mail! : rcpt && rcpt.code !== 250 && rcpt.code !== 251 ? rcpt : undefined;
    if (refused || !data || data.code !== 354) {
      if (data?.code === 354)
        this.abandon(); // cannot happen with a refused envelope, but never leave DATA open
      else await this.command('RSET').catch(() => {});
      const r = refused ?? data!;
      throw new SmtpError(r.text, r.code, `${r.code} ${r.text}`);
    }
    if (this.broken) return;
    await new Promise<void>((resolve) => this.socket.write(dotStuffed(raw), () => resolve()));
  }

  /** Writes the final dot now (synchronously) and waits for the server's answer to the message. */
  finish(): Promise<Reply> {
    const answer = this.reply();
    this.write('.\r\n');
    return answer.then((r) => {
      if (r.code !== 250) throw new SmtpError(r.text, r.code, `${r.code} ${r.text}`);
      return r;
    });
  }

  /** Ends an unfinished transaction without a dot: the server discards it. The connection is not reused. */
  abandon() {
    this.fail(new SmtpError('The message was abandoned before its end'));
    this.socket.destroy();
  }

  quit() {
    if (this.broken) return this.socket.destroy();
    this.write('QUIT\r\n');
    this.broken = new SmtpError('The connection was closed');
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  close() {
    this.fail(new SmtpError('The connection was closed'));
    this.socket.destroy();
  }

  private command(line: string): Promise<Reply> {
    const r = this.reply();
    this.write(`${line}\r\n`);
    return r;
  }

  private write(data: string | Buffer) {
    if (this.broken) return;
    this.socket.write(data);
  }

  private reply(): Promise<Reply> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private onData(chunk: Buffer) {
    this.buffered += chunk.toString('latin1');
    for (let nl = this.buffered.indexOf('\n'); nl >= 0; nl = this.buffered.indexOf('\n')) {
      const line = this.buffered.slice(0, nl).replace(/\r$/, '');
      this.buffered = this.buffered.slice(nl + 1);
      this.lines.push(line.slice(4));
      if (line.charAt(3) === '-') continue;
      const text = Buffer.from(this.lines.join('\n'), 'latin1').toString('utf8');
      this.lines = [];
      const w = this.waiting.shift();
      if (!w) continue; // an unsolicited reply (e.g. 421 before closing): the close that follows fails the connection
      w.resolve({ code: Number.parseInt(line.slice(0, 3), 10) || 0, text });
    }
  }

  private fail(err: Error) {
    if (this.broken) return;
    this.broken = err;
    for (const w of this.waiting.splice(0)) w.reject(err);
    this.onClose?.();
  }

  private withTimeout<T>(p: Promise<T>, ms: number, why: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => {
        reject(new SmtpError(why()));
        this.socket?.destroy();
      }, ms);
      p.then(
        (v) => {
          clearTimeout(t);
          resolve(v);
        },
        (e) => {
          clearTimeout(t);
          reject(e);
        },
      );
    });
  }
}

function expect(r: Reply, codes: number[], what: string) {
  if (!codes.includes(r.code)) throw new SmtpError(`${what} refused: ${r.code} ${r.text}`, r.code, `${r.code} ${r.text}`);
}

const lfDot = Buffer.from('\n.');

/** The message as DATA wants it: CRLF at the end, lines starting with a dot doubled (RFC 5321 4.5.2). */
function dotStuffed(raw: Buffer): Buffer {
  let out = raw;
  if (raw[0] === 0x2e || raw.indexOf(lfDot) >= 0) {
    const s = raw.toString('latin1').replace(/^\./, '..').replace(/\n\./g, '\n..');
    out = Buffer.from(s, 'latin1');
  }
  if (out.length < 2 || out[out.length - 2] !== 13 || out[out.length - 1] !== 10) out = Buffer.concat([out, Buffer.from('\r\n')]);
  return out;
}
