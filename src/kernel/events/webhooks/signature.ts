import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.ts';

/** Standard Webhooks secret: `whsec_` + base64 of 24 random bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

const keyOf = (secret: string) => Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');

/** `v1,` + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` (Standard Webhooks). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string | Uint8Array): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

/** The headers of one delivery attempt; several secrets (during rotation) give several signatures. */
export function webhookHeaders(secrets: string[], id: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signWebhook(s, id, timestamp, body)).join(' '),
  };
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const bag = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name);
  const v = key ? bag[key] : undefined;
  return Array.isArray(v) ? v[0] : v;
}

const invalid = (message: string) => new AppError('signature_invalid', message);

/**
 * Checks a Standard Webhooks request: one of the `v1,` signatures must match and the timestamp must
 * be within `toleranceSeconds` of now (stops replays). Throws `signature_invalid` otherwise.
 */
export function verifyWebhook(
  secret: string,
  headers: HeaderBag,
  rawBody: string | Uint8Array,
  toleranceSeconds = 300,
): { id: string; timestamp: number } {
  const id = header(headers, 'webhook-id');
  const ts = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !ts || !signatures) throw invalid('Missing webhook-id, webhook-timestamp or webhook-signature header.');
  const timestamp = Number(ts);
  if (!/^\d{1,12}$/.test(ts)) throw invalid('The webhook-timestamp header must be unix seconds.');
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds)
    throw invalid(
      `The webhook-timestamp is more than ${toleranceSeconds} seconds away from now; the message may be replayed or the clocks differ.`,
    );
  const expected = Buffer.from(signWebhook(secret, id, timestamp, rawBody).slice(3), 'base64');
  const match = signatures.split(' ').some((s) => {
    const [version, sig] = s.split(',');
    if (version !== 'v1' || !sig) return false;
    const given = Buffer.from(sig, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!match) throw invalid('No webhook-signature matches this body and secret.');
  return { id, timestamp };
}
