import { createHash, createPublicKey, verify } from 'node:crypto';

/**
 * Verifies a DKIM-Signature (RFC 6376, rsa-sha256, relaxed/relaxed) by recomputing it with node:crypto: body hash
 * and header signature. Returns the reason when it does not verify.
 */
export function verifyDkim(
  raw: Buffer,
  publicKeyBase64: string,
): { ok: true; tags: Record<string, string> } | { ok: false; reason: string } {
  const text = raw.toString('binary');
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split + 2);
  const body = text.slice(split + 4);
  const fields: { name: string; raw: string }[] = [];
  for (const line of head.split(/\r\n(?![ \t])/)) {
    if (!line) continue;
    fields.push({ name: line.slice(0, line.indexOf(':')).trim().toLowerCase(), raw: line });
  }
  const sig = fields.find((f) => f.name === 'dkim-signature');
  if (!sig) return { ok: false, reason: 'no DKIM-Signature header' };
  const value = sig.raw.slice(sig.raw.indexOf(':') + 1);
  const tags: Record<string, string> = {};
  for (const part of value.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) tags[part.slice(0, i).trim()] = part.slice(i + 1).replace(/\s+/g, '');
  }
  if (tags.a !== 'rsa-sha256') return { ok: false, reason: `algorithm ${tags.a}` };
  if (tags.c !== 'relaxed/relaxed') return { ok: false, reason: `canonicalization ${tags.c}` };
  const canonBody = (() => {
    const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ +$/, ''));
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.length ? `${lines.join('\r\n')}\r\n` : '';
  })();
  const bh = createHash('sha256').update(canonBody, 'binary').digest('base64');
  if (bh !== tags.bh) return { ok: false, reason: 'body hash differs' };
  const canonHeader = (line: string) => {
    const i = line.indexOf(':');
    return `${line.slice(0, i).trim().toLowerCase()}:${line
      .slice(i + 1)
      .replace(/\r\n/g, '')
      .replace(/[ \t]+/g, ' ')
      .trim()}`;
  };
  const used = new Set<number>();
  let data = '';
  for (const name of (tags.h ?? '').split(':').map((h) => h.trim().toLowerCase())) {
    for (let i = fields.length - 1; i >= 0; i--) {
      if (fields[i]!.name === name && !used.has(i) && fields[i] !== sig) {
        used.add(i);
        data += `${canonHeader(fields[i]!.raw)}\r\n`;
        break;
      }
    }
  }
  data += canonHeader(sig.raw.replace(/(\bb=)[^;]*/, (_m, p: string) => p));
  const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
  const ok = verify('sha256', Buffer.from(data, 'binary'), key, Buffer.from(tags.b ?? '', 'base64'));
  return ok ? { ok: true, tags } : { ok: false, reason: 'signature does not verify' };
}
