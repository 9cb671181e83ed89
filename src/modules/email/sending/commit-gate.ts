/**
 * Group commit: messages waiting to be marked sent are written together. While one write runs, new requests
 * gather for the next, so a busy pool costs one UPDATE per round trip instead of one per message.
 */
export class CommitGate {
  private pending = new Map<string, { resolve(ok: boolean): void; reject(err: unknown): void }>();
  private running = false;

  constructor(private readonly flush: (ids: string[]) => Promise<Set<string>>) {}

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
        try {
          const done = await this.flush([...batch.keys()]);
          for (const [id, w] of batch) w.resolve(done.has(id));
        } catch (err) {
          for (const w of batch.values()) w.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
