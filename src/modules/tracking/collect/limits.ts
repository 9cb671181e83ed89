/**
 * Fixed-window counters kept in this process's memory (a flood must not cost a database write per hit).
 * With several API processes each enforces its own share; the map is emptied at every window roll so a
 * flood of distinct keys cannot grow it without bound.
 */
export class WindowLimiter {
  private counts = new Map<string, number>();
  private resetAt = 0;
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts a hit; false when the key is over its limit in this window. */
  hit(key: string, now = Date.now()): boolean {
    if (now >= this.resetAt || this.counts.size >= this.maxKeys) {
      this.counts.clear();
      this.resetAt = now + this.windowMs;
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= this.limit;
  }
}
