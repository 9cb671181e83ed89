import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';

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
 * Builds the RFC 5322 message (multipart/alternative text + HTML) and DKIM-signs it. The Message-ID carries the
 * message row id, so bounces and replies find their message again.
 */
export async function buildMime(m: MimeInput): Promise<Buffer> {
  const headers: Record<string, string> = { 'X-Tandem-Message': m.id };
  if (m.unsubscribe) {
    headers['List-Unsubscribe'] = `<${m.unsubscribe.url}>, <${m.unsubscribe.mailto}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  if (m.listId) headers['List-Id'] = m.listId;
  const raw = await new MailComposer({
    from: m.from,
    to: m.to,
    replyTo: m.replyTo ?? undefined,
    subject: m.subject,
    html: m.html,
    text: m.text,
    messageId: `<${m.id}@${m.host}>`,
    headers,
  })
    .compile()
    .build();
  if (!m.dkim) return raw;
  const signed = new DKIM({ ...m.dkim, headerFieldNames: dkimHeaders }).sign(raw);
  const chunks: Buffer[] = [];
  for await (const c of signed) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Headers covered by the signature (the one-click ones too: RFC 8058 requires them signed). */
const dkimHeaders =
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:List-Unsubscribe:List-Unsubscribe-Post:List-Id';
