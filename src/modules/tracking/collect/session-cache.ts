import type { LatestSession } from './assign-sessions.ts';

/**
 * Each visitor's latest session as this process last wrote it, so a batch does not read it back from the database
 * (a second round trip per batch). Only a hint: the batch's statement checks every entry it relied on against the
 * table (same session, same last-seen, same contact) and writes nothing when one is stale (another process, a form
 * identifying the visitor, the retention purge), and the batch is decided again from the table. Bounded: the oldest
 * entries go first.
 */
export class SessionCache {
  private entries = new Map<string, LatestSession>();
  constructor(private readonly maxEntries = 100_000) {}

  get(key: string): LatestSession | undefined {
    return this.entries.get(key);
  }

  set(key: string, session: LatestSession) {
    this.entries.delete(key);
    this.entries.set(key, session);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string) {
    this.entries.delete(key);
  }

  get size() {
    return this.entries.size;
  }
}
