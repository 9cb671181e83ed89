import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const source = readFileSync(new URL('./t.js', import.meta.url));

/** The snippet as served: the bytes, their gzip, and an ETag (computed once per process). */
export const snippet = {
  body: source,
  gzip: gzipSync(source, { level: 9 }),
  etag: `"${createHash('sha256').update(source).digest('base64url').slice(0, 16)}"`,
};

/** A 1×1 transparent GIF (42 bytes). */
export const pixelGif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
