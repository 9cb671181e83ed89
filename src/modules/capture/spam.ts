import { createHash } from 'node:crypto';
import { signToken, verifyToken } from '../../kernel/auth/index.ts';

/** Why a submission was discarded; counted on the form, never told to the sender. */
export type SpamReason = 'honeypot' | 'too_fast' | 'no_token' | 'rate_limit' | 'proof_of_work';

/** The honeypot input: hidden from people by CSS, irresistible to form-filling bots. */
export const honeypotField = '_website';
/** Leading zero bits the proof of work needs: about 16k SHA-256 hashes, a fraction of a second in a browser. */
export const powBits = 14;

const purpose = 'form-render';

/** Signed when the form is rendered: which form, and when (for the minimum fill time). Valid a day. */
export const renderToken = (secret: string, formId: string, now = Date.now()) => signToken(secret, purpose, { f: formId, t: now }, 86_400);

function leadingZeroBits(hash: Buffer) {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** SHA-256(token + ":" + nonce) must start with `powBits` zero bits. */
export const powSolves = (token: string, nonce: string) =>
  leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`).digest()) >= powBits;

/** The spam verdict of a submission's reserved fields, or null when it looks human. */
export function spamVerdict(
  secret: string,
  formId: string,
  values: Record<string, string>,
  opts: { minFillSeconds: number; proofOfWork: boolean; now?: number },
): SpamReason | null {
  if (values[honeypotField]) return 'honeypot';
  const token = values._t ?? '';
  const data = token ? verifyToken<{ f: string; t: number }>(secret, purpose, token) : null;
  if (!data || data.f !== formId) return 'no_token';
  if ((opts.now ?? Date.now()) - data.t < opts.minFillSeconds * 1000) return 'too_fast';
  if (opts.proofOfWork && !(values._pow && values._pow.length <= 32 && powSolves(token, values._pow))) return 'proof_of_work';
  return null;
}
