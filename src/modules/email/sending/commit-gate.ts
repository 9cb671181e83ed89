/**
 * Group commit: messages waiting to be marked sent are written together. While one write runs, new requests
 * gather for the next, so a busy pool costs one transaction per round trip instead of one per message.
 *
 * The flush writes the rows and calls `release` with the ids it still held in the synchronous step that wrote the
 * COMMIT (transactionWithCommitHook); `release` calls each held request's `end` right there, which writes its final
 * dot. No I/O wait, timer or promise sits between the COMMIT and the dots: a kill -9 can only fall in the few
 * microseconds of those socket writes (docs/email.md, "Exactly one message per recipient").
 */
export class CommitGate {
  private pending = new Map<string, { end(): void; resolve(ok: boolean): void; reject(err: unknown): void }>();
  private running = false;

  constructor(
    private readonly flush: (ids: string[], release: (held: Set<string>) => void) => Promise<void>,
    /** A flush that failed after it released (its COMMIT failed): the dots went out, the rows may not say so. */
    private readonly lateFailure: (ids: string[], err: unknown) => Promise<void> = async () => {},
  ) {}

  /** Resolves whether the message is still ours once its row is written; `end` is called first, when it is. */
  request(id: string, end: () => void = () => {}): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { end, resolve, reject });
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
          for (const [id, w] of batch) if (held.has(id)) w.end();
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
