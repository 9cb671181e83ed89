import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * A signed, expiring token for links that act on someone (unsubscribe, confirm, invite):
 * `base64url(json).base64url(hmac)`. `purpose` is signed too, so a token of one kind never works as another.
 */
export function signToken(secret: string, purpose: string, data: Record<string, unknown>, ttlSeconds?: number) {
  const body = Buffer.from(
    JSON.stringify({ ...data, p: purpose, e: ttlSeconds ? Math.floor(Date.now() / 1000) + ttlSeconds : undefined }),
  ).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The token's data when the signature, purpose and expiry hold; otherwise null. */
export function verifyToken<T extends Record<string, unknown>>(secret: string, purpose: string, token: string): T | null {
  const read = readSignedToken<T>(secret, purpose, token);
  return read && !read.expired ? read.data : null;
}

/**
 * The token's data when the signature and purpose hold, whether or not it has expired (`expired` says which): for
 * pages that offer something safe on an expired link, such as sending a fresh one. Null when forged or altered.
 */
export function readSignedToken<T extends Record<string, unknown>>(
  secret: string,
  purpose: string,
  token: string,
): { data: T; expired: boolean } | null {
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const expected = createHmac('sha256', secret).update(body).digest('base64url');
  if (!safeEqual(mac, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (data.p !== purpose) return null;
    const { p: _p, e, ...rest } = data;
    return { data: rest as T, expired: Boolean(e && e < Date.now() / 1000) };
  } catch {
    return null;
  }
}
