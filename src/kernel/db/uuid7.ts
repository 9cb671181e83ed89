import { randomFillSync } from 'node:crypto';

const pool = new Uint8Array(16 * 256);
let next = pool.length;
let lastMs = -1;
let seq = 0;
const hex = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

/**
 * UUID v7 as the `uuid` package makes it (48-bit milliseconds, a 31-bit counter seeded at random each millisecond
 * and incremented within it so ids of one process stay in order, random rest), with random bytes drawn from a pool
 * filled 256 ids at a time: `uuid` asks the system for 16 bytes per id, which was a few percent of a tracking hit's
 * CPU (one id per stored event).
 */
export function uuidv7(): string {
  if (next + 16 > pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const r = next;
  next += 16;
  const now = Date.now();
  if (now > lastMs) {
    seq = ((pool[r + 6]! & 0x7f) << 24) | (pool[r + 7]! << 16) | (pool[r + 8]! << 8) | pool[r + 9]!;
    lastMs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  const ms = lastMs;
  return (
    hex[(ms / 0x10000000000) & 0xff]! +
    hex[(ms / 0x100000000) & 0xff]! +
    hex[(ms / 0x1000000) & 0xff]! +
    hex[(ms / 0x10000) & 0xff]! +
    '-' +
    hex[(ms / 0x100) & 0xff]! +
    hex[ms & 0xff]! +
    '-' +
    hex[0x70 | ((seq >>> 28) & 0x0f)]! +
    hex[(seq >>> 20) & 0xff]! +
    '-' +
    hex[0x80 | ((seq >>> 14) & 0x3f)]! +
    hex[(seq >>> 6) & 0xff]! +
    '-' +
    hex[((seq << 2) & 0xff) | (pool[r + 10]! & 0x03)]! +
    hex[pool[r + 11]!]! +
    hex[pool[r + 12]!]! +
    hex[pool[r + 13]!]! +
    hex[pool[r + 14]!]! +
    hex[pool[r + 15]!]!
  );
}
