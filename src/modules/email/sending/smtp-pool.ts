import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  user?: string | null;
  pass?: string | null;
  /** Connections kept open and used in parallel. */
  concurrency: number;
  /** Messages per second across the pool (null: no limit). */
  perSecond?: number | null;
}

/**
 * How one send ended. `accepted`: the server answered 250 to the end of data. Otherwise `committed` says whether
 * the end of data was released (after `beforeEnd` said yes): an error with an SMTP reply after it means the
 * server refused the message; without a reply the outcome is unknown (the connection broke after the final dot).
 */
export type SendOutcome =
  | { accepted: true; response: string }
  | { accepted: false; committed: boolean; code?: number; permanent: boolean; error: string };

interface Task {
  from: string;
  to: string;
  raw: Buffer;
  beforeEnd: () => Promise<boolean>;
  resolve(o: SendOutcome): void;
}

/**
 * A small pool of SMTP connections (nodemailer's SMTPConnection) that lets the caller decide, after the server
 * accepted DATA and the whole message was written, whether to finish the transaction: the terminating dot is sent
 * only once `beforeEnd()` resolves true. Tandem records the message as sent there, so a crash before it leaves an
 * unfinished SMTP transaction the server discards (docs/email.md, "Exactly one message per recipient").
 */
export class SmtpPool {
  private queue: Task[] = [];
  private workers = 0;
  private nextSlot = 0;
  private closed = false;
  private conns = new Set<SMTPConnection>();
  private idle: SMTPConnection[] = [];

  constructor(private readonly opts: SmtpOptions) {}

  send(from: string, to: string, raw: Buffer, beforeEnd: () => Promise<boolean>): Promise<SendOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ from, to, raw, beforeEnd, resolve });
      if (this.workers < Math.max(1, this.opts.concurrency)) {
        this.workers++;
        void this.work();
      }
    });
  }

  close() {
    this.closed = true;
    this.idle = [];
    for (const c of this.conns) c.close();
    this.conns.clear();
  }

  private async pace() {
    const ps = this.opts.perSecond;
    if (!ps) return;
    const now = Date.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + 1000 / ps;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }

  private async work() {
    let conn: SMTPConnection | undefined;
    try {
      for (let task = this.queue.shift(); task; task = this.queue.shift()) {
        if (this.closed) {
          task.resolve({ accepted: false, committed: false, permanent: false, error: 'The sender stopped' });
          continue;
        }
        await this.pace();
        let reused = false;
        try {
          if (!conn) {
            conn = this.idle.pop();
            reused = Boolean(conn);
          }
          conn ??= await this.connect();
        } catch (err) {
          conn = undefined;
          task.resolve(failure(err, false));
          continue;
        }
        let outcome = await this.transmit(conn, task);
        if (!outcome.accepted && !outcome.code) {
          // Broken connection (or an aborted data phase): start the next message on a fresh one.
          this.drop(conn);
          conn = undefined;
          // A kept-alive connection the server had closed meanwhile: try once more on a new one.
          if (reused && !outcome.committed) {
            try {
              conn = await this.connect();
              outcome = await this.transmit(conn, task);
            } catch (err) {
              outcome = failure(err, false);
            }
          }
        }
        if (conn && !outcome.accepted && !outcome.code) {
          this.drop(conn);
          conn = undefined;
        }
        task.resolve(outcome);
      }
    } finally {
      this.workers--;
      if (conn && !this.closed) this.idle.push(conn);
      else if (conn) this.drop(conn);
    }
  }

  private drop(c: SMTPConnection) {
    this.conns.delete(c);
    try {
      c.quit();
    } catch {
      c.close();
    }
  }

  private connect(): Promise<SMTPConnection> {
    const o = this.opts;
    const c = new SMTPConnection({
      host: o.host,
      port: o.port,
      secure: o.secure,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      tls: { rejectUnauthorized: o.host !== '127.0.0.1' && o.host !== 'localhost' },
    });
    this.conns.add(c);
    c.once('end', () => {
      this.conns.delete(c);
      this.idle = this.idle.filter((x) => x !== c);
    });
    return new Promise((resolve, reject) => {
      c.once('error', reject);
      c.connect(() => {
        if (!o.user) {
          c.removeListener('error', reject);
          c.on('error', () => {});
          return resolve(c);
        }
        c.login({ user: o.user, pass: o.pass ?? '' }, (err) => {
          c.removeListener('error', reject);
          c.on('error', () => {});
          if (err) {
            c.close();
            reject(err);
          } else resolve(c);
        });
      });
    });
  }

  private transmit(c: SMTPConnection, task: Task): Promise<SendOutcome> {
    let committed = false;
    let stage = 0;
    const body = new Readable({
      read() {
        // First read: the server said 354, the whole message goes out. Second read: ask whether to end it.
        if (stage === 0) {
          stage = 1;
          this.push(task.raw);
        } else if (stage === 1) {
          stage = 2;
          task.beforeEnd().then(
            (ok) => {
              if (ok) {
                committed = true;
                this.push(null);
              } else this.destroy(new Error('The message was no longer ours to send (claim lost)'));
            },
            (err) => this.destroy(err),
          );
        }
      },
    });
    return new Promise((resolve) => {
      c.send({ from: task.from, to: [task.to] }, body, (err, info) => {
        if (err) resolve(failure(err, committed));
        else resolve({ accepted: true, response: info?.response ?? '' });
      });
    });
  }
}

function failure(err: unknown, committed: boolean): SendOutcome {
  const e = err as { message?: string; responseCode?: number; permanent?: boolean; response?: string };
  return {
    accepted: false,
    committed,
    code: e.responseCode,
    permanent: Boolean(e.responseCode && e.responseCode >= 500),
    error: e.response ?? e.message ?? String(err),
  };
}
