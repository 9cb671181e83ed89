/**
 * Group commit: messages waiting to be marked sent are written together. While one write runs, new requests
 * gather for the next, so a busy pool costs one transaction per round trip instead of one per message.
 *
 * The flush writes the rows and calls `release` with the ids it still held just before it commits: the waiting
 * senders then write their final dots in the same turn of the event loop as the COMMIT goes out, so no I/O wait
 * (and no other work of a busy process) sits between the two. A kill -9 can only fall in the few microseconds
 * between those writes (docs/email.md, "Exactly one message per recipient").
 */
export class CommitGate {
  private pending = new Map<string, { resolve(ok: boolean): void; reject(err: unknown): void }>();
  private running = false;

  constructor(
    private readonly flush: (ids: string[], release: (held: Set<string>) => void) => Promise<void>,
    /** A flush that failed after it released (its COMMIT failed): the dots went out, the rows may not say so. */
    private readonly lateFailure: (ids: string[], err: unknown) => Promise<void> = async () => {},
  ) {}

  request(id: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run() {
    this.running = true;
    try {
      while (this.pending.size) {
        const batch = this.pending;
        this.pending = new Map();
        let released = false;
        const release = (held: Set<string>) => {
          released = true;
          for (const [id, w] of batch) w.resolve(held.has(id));
        };
        try {
          await this.flush([...batch.keys()], release);
          if (!released) release(new Set());
        } catch (err) {
          if (!released) for (const w of batch.values()) w.reject(err);
          else await this.lateFailure([...batch.keys()], err).catch(() => {});
        }
      }
    } finally {
      this.running = false;
    }
  }
}
