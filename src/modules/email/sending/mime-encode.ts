import { domainToASCII } from 'node:url';

/**
 * The encodings a message needs (RFC 2045 quoted-printable, RFC 2047 encoded words, RFC 5322 folding), written
 * for the send path: one pass over the bytes, no streams. Quoted-printable output never starts a line with a dot
 * (it is written as =2E), so a message built from it needs no SMTP dot-stuffing.
 */

const hex = Buffer.from('0123456789ABCDEF');
const CR = 13;
const LF = 10;
const EQ = 61;
const DOT = 46;

/** Quoted-printable body with CRLF line ends and lines of at most 76 characters. */
export function quotedPrintable(text: string): Buffer {
  const src = Buffer.from(text, 'utf8');
  // Worst case: every byte as =XX, plus a soft break (=CRLF) every 25 encoded bytes.
  const out = Buffer.allocUnsafe(src.length * 3 + Math.ceil(src.length / 25) * 3 + 2);
  let o = 0;
  let col = 0;
  const n = src.length;
  for (let i = 0; i < n; i++) {
    let b = src[i]!;
    if (b === CR && src[i + 1] === LF) {
      i++;
      b = LF;
    }
    if (b === LF) {
      out[o++] = CR;
      out[o++] = LF;
      col = 0;
      continue;
    }
    let enc = mustEncode(b, src[i + 1], col);
    if (col + (enc ? 3 : 1) > 75) {
      out[o++] = EQ;
      out[o++] = CR;
      out[o++] = LF;
      col = 0;
      enc = mustEncode(b, src[i + 1], 0);
    }
    if (enc) {
      out[o++] = EQ;
      out[o++] = hex[b >> 4]!;
      out[o++] = hex[b & 15]!;
      col += 3;
    } else {
      out[o++] = b;
      col++;
    }
  }
  return out.subarray(0, o);
}

function mustEncode(b: number, next: number | undefined, col: number): boolean {
  if (b === 32 || b === 9) return next === undefined || next === LF || next === CR; // trailing white space
  return b < 33 || b > 126 || b === EQ || (b === DOT && col === 0);
}

const plainHeader = /^[\x20-\x7e]*$/;

/** A header value as RFC 2047 encoded words when it is not plain ASCII (each word at most 75 characters). */
export function encodeWords(value: string): string {
  if (plainHeader.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  // 45 bytes of UTF-8 become 60 characters of base64: "=?UTF-8?B?" + 60 + "?=" = 72.
  for (const ch of value) {
    const len = Buffer.byteLength(ch);
    if (bytes + len > 45) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += len;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ');
}

/** A display name and address: `Name <a@b>`, the name quoted when it holds specials, encoded when not ASCII. */
export function formatAddress(address: string, name?: string | null): string {
  const addr = asciiDomain(address);
  if (!name) return addr;
  let display: string;
  if (!plainHeader.test(name)) display = encodeWords(name);
  else if (/^[\w !#$%&'*+\-/=?^`{|}~]*$/.test(name)) display = name;
  else display = `"${name.replace(/["\\]/g, '\\$&')}"`;
  return `${display} <${addr}>`;
}

function asciiDomain(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0 || plainHeader.test(address)) return address;
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`;
}

/** `Name: value`, folded at spaces so lines stay within 78 characters where the value allows it. */
export function headerLine(name: string, value: string): string {
  const line = `${name}: ${value}`;
  if (line.length <= 78) return line;
  const parts = line.split(' ');
  let out = parts[0]!;
  let col = out.length;
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    if (col + 1 + p.length > 78) {
      out += `\r\n ${p}`;
      col = 1 + p.length;
    } else {
      out += ` ${p}`;
      col += 1 + p.length;
    }
  }
  return out;
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time in UTC: `Mon, 23 Nov 2026 07:00:00 +0000`. */
export function rfc5322Date(d: Date): string {
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(
    d.getUTCMinutes(),
  )}:${two(d.getUTCSeconds())} +0000`;
}
