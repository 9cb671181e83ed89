import { randomBytes } from 'node:crypto';
import DKIM from 'nodemailer/lib/dkim';
import { encodeWords, formatAddress, headerLine, quotedPrintable, rfc5322Date } from './mime-encode.ts';

export interface DkimKey {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface MimeInput {
  id: string;
  from: { name: string; address: string };
  to: string;
  replyTo?: string | null;
  subject: string;
  html: string;
  text: string;
  /** One-click unsubscribe (RFC 8058) for marketing mail: the HTTPS link and a mailto fallback. */
  unsubscribe?: { url: string; mailto: string };
  /** List-Id (RFC 2919) of the subscription type. */
  listId?: string;
  dkim?: DkimKey;
  /** The domain Message-IDs are made in. */
  host: string;
}

/**
 * Builds the RFC 5322 message (multipart/alternative: quoted-printable text and HTML, CRLF line ends, no line
 * starting with a dot, so it goes on the wire as it is) and DKIM-signs it. The Message-ID carries the message row
 * id, so bounces and replies find their message again.
 */
export async function buildMime(m: MimeInput): Promise<Buffer> {
  const boundary = `=_tandem_${m.id.replace(/-/g, '')}_${randomBytes(6).toString('hex')}`;
  const head = [headerLine('From', formatAddress(m.from.address, m.from.name)), headerLine('To', formatAddress(m.to))];
  if (m.replyTo) head.push(headerLine('Reply-To', formatAddress(m.replyTo)));
  head.push(
    headerLine('Subject', encodeWords(m.subject)),
    `Date: ${rfc5322Date(new Date())}`,
    headerLine('Message-ID', `<${m.id}@${m.host}>`),
    'MIME-Version: 1.0',
    `X-Tandem-Message: ${m.id}`,
  );
  if (m.unsubscribe) {
    head.push(headerLine('List-Unsubscribe', `<${m.unsubscribe.url}>, <${m.unsubscribe.mailto}>`));
    head.push('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  }
  if (m.listId) head.push(headerLine('List-Id', m.listId));
  head.push(`Content-Type: multipart/alternative;\r\n boundary="${boundary}"`);
  const part = (type: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
  const raw = Buffer.concat([
    Buffer.from(`${head.join('\r\n')}\r\n\r\n${part('text/plain')}`),
    quotedPrintable(m.text),
    Buffer.from(`\r\n${part('text/html')}`),
    quotedPrintable(m.html),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  if (!m.dkim) return raw;
  const signed = new DKIM({ ...m.dkim, headerFieldNames: dkimHeaders }).sign(raw);
  const chunks: Buffer[] = [];
  for await (const c of signed) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Headers covered by the signature (the one-click ones too: RFC 8058 requires them signed). */
const dkimHeaders =
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:List-Unsubscribe:List-Unsubscribe-Post:List-Id';
