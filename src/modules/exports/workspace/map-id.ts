import { createHash } from 'node:crypto';

/**
 * The new id of an exported record in the target workspace: the old id's 48-bit time prefix (so new ids stay
 * time-ordered like UUID v7) and 74 bits of SHA-256(target workspace id, old id). The same old id always gets the
 * same new id in one target, so references map consistently without holding a map of every id in memory.
 */
export function mapId(oldId: string, targetWorkspaceId: string): string {
  const old = Buffer.from(oldId.replaceAll('-', ''), 'hex');
  const h = createHash('sha256').update(targetWorkspaceId).update(':').update(oldId.toLowerCase()).digest();
  const b = Buffer.alloc(16);
  old.copy(b, 0, 0, 6);
  b[6] = 0x70 | (h[0]! & 0x0f);
  b[7] = h[1]!;
  b[8] = 0x80 | (h[2]! & 0x3f);
  h.copy(b, 9, 3, 10);
  const x = b.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
