import { type Reply, SmtpConnection } from './smtp-connection.ts';

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

/**
 * Asked once the whole message is written: resolves whether to finish it. A caller that says yes may call `end()`
 * first, synchronously, at the instant it chooses (the pool writes the final dot right there); otherwise the pool
 * writes it when the answer arrives.
 */
export type BeforeEnd = (end: () => void) => Promise<boolean>;

interface Task {
  from: string;
  to: string;
  raw: Buffer;
  beforeEnd: BeforeEnd;
  resolve(o: SendOutcome): void;
}

/**
 * A small pool of SMTP connections (SmtpConnection) that lets the caller decide, after the server accepted DATA
 * and the whole message was written, whether to finish the transaction: the terminating dot is sent only by
 * `beforeEnd`'s `end()` or once it resolves true. Tandem writes it right after the COMMIT that records the message as
 * sent, so a crash before it leaves an unfinished SMTP transaction the server discards (docs/email.md, "Exactly one
 * message per recipient").
 */
export class SmtpPool {
  private queue: Task[] = [];
  private workers = 0;
  private nextSlot = 0;
  private closed = false;
  private conns = new Set<SmtpConnection>();
  private idle: SmtpConnection[] = [];

  constructor(private readonly opts: SmtpOptions) {}

  send(from: string, to: string, raw: Buffer, beforeEnd: BeforeEnd): Promise<SendOutcome> {
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
    let conn: SmtpConnection | undefined;
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

  private drop(c: SmtpConnection) {
    this.conns.delete(c);
    c.quit();
  }

  private async connect(): Promise<SmtpConnection> {
    const o = this.opts;
    const c = await SmtpConnection.open({
      host: o.host,
      port: o.port,
      secure: o.secure,
      user: o.user,
      pass: o.pass,
      connectionTimeout: 15_000,
      socketTimeout: 60_000,
      rejectUnauthorized: o.host !== '127.0.0.1' && o.host !== 'localhost',
    });
    this.conns.add(c);
    c.onClose = () => {
      this.conns.delete(c);
      this.idle = this.idle.filter((x) => x !== c);
    };
    return c;
  }

  /**
   * Envelope and message, then `beforeEnd()`: the CommitGate calls `end()` in the synchronous step that wrote the
   * COMMIT recording the message as sent, and the dot is written right there.
   */
  private async transmit(c: SmtpConnection, task: Task): Promise<SendOutcome> {
    if (!c.usable) return failure(new Error('The connection was closed'), false);
    try {
      await c.begin(task.from, task.to, task.raw);
    } catch (err) {
      return failure(err, false);
    }
    let ok: boolean;
    let answer: Promise<Reply> | undefined;
    try {
      ok = await task.beforeEnd(() => {
        answer ??= c.finish();
        answer.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
      });
    } catch (err) {
      if (answer) return failure(err, true);
      c.abandon();
      return failure(err, false);
    }
    if (!ok && !answer) {
      c.abandon();
      return { accepted: false, committed: false, permanent: false, error: 'The message was no longer ours to send (claim lost)' };
    }
    try {
      const r = await (answer ?? c.finish());
      return { accepted: true, response: `${r.code} ${r.text}` };
    } catch (err) {
      return failure(err, true);
    }
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
