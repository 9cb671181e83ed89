import { type AddressObject, type Attachment, type ParsedMail, simpleParser } from 'mailparser';
import { bounceKind, findReplyCode, findStatus } from './classify.ts';

export type InboundKind = 'hard' | 'soft' | 'auto_reply' | 'complaint' | 'reply' | 'unknown';

/** What one inbound message says about one recipient of ours. */
export interface InboundResult {
  kind: InboundKind;
  /** The address the report is about (lower-cased), when the report names one. */
  recipient: string | null;
  /** Enhanced status code (RFC 3463), e.g. 5.1.1. */
  status: string | null;
  /** SMTP reply code, e.g. 550. */
  replyCode: string | null;
  /** The remote server's words (Diagnostic-Code or the bounce text), or the ARF feedback type. */
  diagnostic: string | null;
  /** Our email_messages id the report is about (VERP address, X-Tandem-Message, or our Message-ID). */
  messageRef: string | null;
  /** ARF Feedback-Type (abuse, opt-out, auth-failure…) for complaints. */
  feedbackType?: string | null;
}

export interface ParsedInbound {
  results: InboundResult[];
  messageRef: string | null;
  from: string | null;
  /** The first To address. */
  to: string | null;
  subject: string;
  /** The text a person wrote (replies), trimmed to 4,000 characters. */
  text: string;
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const verpRe = new RegExp(`bounces\\+(${uuid})@`, 'i');
const tandemHeaderRe = new RegExp(`X-Tandem-Message:\\s*(${uuid})`, 'i');
const messageIdRe = new RegExp(`Message-ID:\\s*<(${uuid})@`, 'i');
const refRe = new RegExp(`<(${uuid})@`, 'i');

const bounceFrom = /mailer-daemon|postmaster|mail delivery (system|subsystem)|mail administrator/i;
const bounceSubject =
  /undeliver|undelivered|delivery (status notification|failure|failed|has failed|notification)|mail delivery failed|returned mail|failure notice|returned to sender|could not be delivered|delivery problem|mail delivery status/i;
const autoSubject =
  /^(auto(matic)?[ -]?(reply|response|answer)|out of (the )?office|away( until| from)?\b|vacation|on leave|abwesen|absence|r[ée]ponse automatique|respuesta autom)/i;
/** Where the returned copy of the original starts in a plain-text bounce: addresses after it are not recipients. */
const copyMarker =
  /^-{2,}\s*(this is a copy|original message|the original message|below this line|message header follows|forwarded message)|^(-{3,}|={3,}).*(original|returned|header|copy)/im;

const lower = (s: string | null | undefined) => (s ? s.trim().toLowerCase() : null);
const unfold = (s: string) => s.replace(/\r?\n[ \t]+/g, ' ');

function addressOf(a: AddressObject | AddressObject[] | undefined): string | null {
  const first = Array.isArray(a) ? a[0] : a;
  return lower(first?.value[0]?.address);
}

function headerText(mail: ParsedMail, name: string): string | null {
  const v = mail.headers.get(name);
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'string') return (v as { value: string }).value;
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return String(v);
}

/** RFC 822-style field blocks (delivery-status, feedback-report): one map per blank-line-separated block. */
export function parseFieldBlocks(text: string): Map<string, string>[] {
  return unfold(text.replace(/\r\n/g, '\n'))
    .split(/\n\s*\n/)
    .map((block) => {
      const m = new Map<string, string>();
      for (const line of block.split('\n')) {
        const i = line.indexOf(':');
        if (i > 0) {
          const k = line.slice(0, i).trim().toLowerCase();
          if (!m.has(k)) m.set(k, line.slice(i + 1).trim());
        }
      }
      return m;
    })
    .filter((m) => m.size > 0);
}

/** `rfc822; a@b` → a@b */
const typedAddress = (v: string | undefined) => lower(v?.replace(/^[^;]*;/, '').replace(/[<>]/g, ''));
/** `smtp; 550 ...` → 550 ... */
const typedText = (v: string | undefined) => (v ? v.replace(/^[a-z-]+;\s*/i, '').trim() : null);

function attachmentText(a: Attachment): string {
  return a.content.toString('utf8');
}

/**
 * The body of the first MIME part of a type, read from the source: mailparser folds message/delivery-status into
 * the text, so the DSN fields are taken from the raw part (base64 and quoted-printable decoded).
 */
export function rawPart(source: string, type: string): string | null {
  const re = new RegExp(`^Content-Type:\\s*${type.replace('/', '\\/')}\\b`, 'im');
  const at = re.exec(source);
  if (!at) return null;
  const rest = source.slice(at.index);
  const headEnd = rest.search(/\r?\n\r?\n/);
  if (headEnd < 0) return null;
  const headers = unfold(rest.slice(0, headEnd));
  let body = rest.slice(headEnd).replace(/^\r?\n\r?\n/, '');
  const boundary = body.search(/^--\S/m);
  if (boundary >= 0) body = body.slice(0, boundary);
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers))
    return body.replace(/=\r?\n/g, '').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return body;
}

function isType(a: Attachment, ...types: string[]) {
  return types.includes(a.contentType.toLowerCase());
}

/** Finds our message id: the VERP envelope address first, then our header or Message-ID inside the returned copy. */
export function findMessageRef(envelopeTo: string[], returned: string, replyHeaders: string): string | null {
  for (const to of envelopeTo) {
    const m = verpRe.exec(to);
    if (m) return m[1]!.toLowerCase();
  }
  const hit = tandemHeaderRe.exec(returned) ?? messageIdRe.exec(returned) ?? refRe.exec(replyHeaders);
  return hit ? hit[1]!.toLowerCase() : null;
}

/**
 * The status a recipient's report means. Relays wrap the remote server's reply in their own words ("5.1.0 - Unknown
 * address error 550-'5.7.1 … Access denied'"): the remote reply is what counts, so the status after the last SMTP
 * reply code wins, then the first in the diagnostic, then a specific Status field, then a generic one (x.0.0).
 */
export function statusOf(field: string | null, diagnostic: string | null): { status: string | null; words: string | null } {
  const words = diagnostic ? diagnostic.replace(/^[245]\.\d{1,3}\.\d{1,3} - [A-Za-z ]+?(?=[245]\d\d[ -])/, '') : null;
  const afterReply = words ? [...words.matchAll(/\b[245]\d\d[ -]'?([245]\.\d{1,3}\.\d{1,3})\b/g)].at(-1)?.[1] : undefined;
  const fieldStatus = field ? findStatus(field) : null;
  const specific = fieldStatus && !/\.0\.0$/.test(fieldStatus) ? fieldStatus : null;
  const status =
    afterReply ??
    (words !== diagnostic && words ? findStatus(words) : null) ??
    specific ??
    (diagnostic ? findStatus(diagnostic) : null) ??
    fieldStatus;
  return { status, words };
}

function deliveryStatusResults(text: string, ref: string | null): InboundResult[] {
  const blocks = parseFieldBlocks(text);
  const out: InboundResult[] = [];
  for (const b of blocks) {
    const recipient = typedAddress(b.get('final-recipient') ?? b.get('original-recipient'));
    if (!recipient && !b.has('action')) continue;
    const action = (b.get('action') ?? '').toLowerCase();
    const diagnostic = typedText(b.get('diagnostic-code'));
    const { status, words } = statusOf(b.get('status') ?? null, diagnostic);
    const replyCode = diagnostic ? findReplyCode(words ?? diagnostic) : null;
    const delivered = /delivered|deliverable|relayed|expanded/.test(action);
    out.push({
      kind: delivered ? 'unknown' : bounceKind(status, words, action),
      recipient,
      status,
      replyCode,
      diagnostic,
      messageRef: ref,
    });
  }
  return out;
}

/** Amazon SES notifications (JSON, often inside an SNS envelope) mailed to an address. */
function sesResults(text: string, ref: string | null): InboundResult[] | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text.slice(start, end + 1)) as Record<string, unknown>;
    if (typeof doc.Message === 'string') doc = JSON.parse(doc.Message) as Record<string, unknown>;
  } catch {
    return null;
  }
  const type = doc.notificationType ?? doc.eventType;
  const mail = doc.mail as { headers?: { name: string; value: string }[] } | undefined;
  const headerRef = (mail?.headers ?? [])
    .filter((h) => /^(message-id|x-tandem-message)$/i.test(h.name))
    .map((h) => new RegExp(uuid, 'i').exec(h.value)?.[0])
    .find(Boolean);
  const messageRef = ref ?? headerRef?.toLowerCase() ?? null;
  if (type === 'Bounce') {
    const b = doc.bounce as { bounceType: string; bouncedRecipients: { emailAddress: string; status?: string; diagnosticCode?: string }[] };
    return b.bouncedRecipients.map((r) => ({
      kind: b.bounceType === 'Permanent' ? bounceKind(r.status ?? '5.0.0', r.diagnosticCode ?? null) : 'soft',
      recipient: lower(r.emailAddress),
      status: r.status ?? null,
      replyCode: r.diagnosticCode ? findReplyCode(r.diagnosticCode) : null,
      diagnostic: r.diagnosticCode ?? null,
      messageRef,
    }));
  }
  if (type === 'Complaint') {
    const c = doc.complaint as { complainedRecipients: { emailAddress: string }[]; complaintFeedbackType?: string };
    return c.complainedRecipients.map((r) => ({
      kind: 'complaint' as const,
      recipient: lower(r.emailAddress),
      status: null,
      replyCode: null,
      diagnostic: c.complaintFeedbackType ?? 'abuse',
      feedbackType: c.complaintFeedbackType ?? 'abuse',
      messageRef,
    }));
  }
  if (type === 'Delivery') {
    const d = doc.delivery as { recipients: string[]; smtpResponse?: string };
    return d.recipients.map((r) => ({
      kind: 'unknown' as const,
      recipient: lower(r),
      status: d.smtpResponse ? findStatus(d.smtpResponse) : null,
      replyCode: d.smtpResponse ? findReplyCode(d.smtpResponse) : null,
      diagnostic: d.smtpResponse ?? null,
      messageRef,
    }));
  }
  return null;
}

const emailRe = /<?([a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)>?/i;

/** Plain-text bounces (exim, Gmail, qmail…): recipients from X-Failed-Recipients or the indented address lines. */
function textBounceResults(mail: ParsedMail, body: string, ref: string | null): InboundResult[] {
  const cut = body.search(copyMarker);
  const head = cut >= 0 ? body.slice(0, cut) : body;
  const lines = head.replace(/\r\n/g, '\n').split('\n');
  const failed = (headerText(mail, 'x-failed-recipients') ?? '')
    .split(/[,\s]+/)
    .map((s) => lower(s))
    .filter((s): s is string => Boolean(s?.includes('@')));
  // An address alone on an indented line starts a recipient's section; the lines after it are its diagnostic.
  const sections: { recipient: string; text: string[] }[] = [];
  for (const line of lines) {
    const only = /^\s+<?([^\s<>]+@[^\s<>]+?)>?:?\s*$/.exec(line);
    if (only) sections.push({ recipient: only[1]!.toLowerCase(), text: [] });
    else sections.at(-1)?.text.push(line.trim());
  }
  // X-Failed-Recipients is the MTA's own list: it names the recipients; the text gives each one's diagnostic.
  const chosen = failed.length
    ? failed.map((r, i) => ({
        recipient: r,
        text: (sections.find((s) => s.recipient === r) ?? sections[i])?.text ?? lines.map((l) => l.trim()),
      }))
    : sections;
  const permanent = /permanent|failed permanently|could not be delivered/i.test(head);
  const temporary = /temporar|delayed|will (continue|keep) (trying|retrying)|still being retried|will retry/i.test(head);
  return chosen.map((s) => {
    const diagnostic = s.text.filter(Boolean).join(' ').slice(0, 1000) || null;
    const status = diagnostic ? findStatus(diagnostic) : null;
    const replyCode = diagnostic ? findReplyCode(diagnostic) : null;
    const kind = temporary && !permanent ? 'soft' : bounceKind(status ?? (replyCode?.startsWith('4') ? '4.0.0' : null), diagnostic);
    return { kind, recipient: s.recipient, status, replyCode, diagnostic, messageRef: ref };
  });
}

function looksAutoReply(mail: ParsedMail): boolean {
  const auto = lower(headerText(mail, 'auto-submitted'));
  if (auto && auto !== 'no') return true;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || mail.headers.has('x-autoresponder')) return true;
  if (/auto[_-]?reply/i.test(headerText(mail, 'precedence') ?? '')) return true;
  return autoSubject.test(mail.subject ?? '');
}

/**
 * Reads one inbound message (RFC 822) and says what it reports: DSNs (RFC 3464), ARF complaints (RFC 5965),
 * Amazon SES notifications, plain-text bounces, auto-replies (RFC 3834) or a person's reply. One result per
 * recipient the message is about (a person's reply or an auto-reply: one result for its sender).
 */
export async function parseInbound(raw: Buffer | string, opts: { envelopeTo?: string[] } = {}): Promise<ParsedInbound> {
  let source = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
  // An mbox "From " separator line is not a header.
  if (source.startsWith('From ')) source = source.slice(source.indexOf('\n') + 1);
  const mail = await simpleParser(source, { skipHtmlToText: false, skipTextLinks: true, skipImageLinks: true });
  const from = addressOf(mail.from);
  const subject = mail.subject ?? '';
  const headerEnd = source.search(/\r?\n\r?\n/);
  const bodySource = headerEnd >= 0 ? source.slice(headerEnd) : '';
  const attachments = mail.attachments ?? [];
  const returned = [
    bodySource,
    ...attachments.filter((a) => isType(a, 'message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers')).map(attachmentText),
  ].join('\n');
  const envelopeTo = [
    ...(opts.envelopeTo ?? []),
    ...['to', 'delivered-to', 'x-original-to', 'envelope-to'].map((h) => headerText(mail, h) ?? ''),
  ];
  const replyHeaders = [headerText(mail, 'in-reply-to'), headerText(mail, 'references')].filter(Boolean).join(' ');
  const ref = findMessageRef(envelopeTo, returned, replyHeaders);
  const text = (mail.text ?? '').trim();
  const done = (results: InboundResult[]): ParsedInbound => ({
    results,
    messageRef: ref,
    from,
    to: addressOf(mail.to),
    subject,
    text: text.slice(0, 4000),
  });

  const feedbackAttachment = attachments.find((a) => isType(a, 'message/feedback-report'));
  const feedback = feedbackAttachment ? attachmentText(feedbackAttachment) : rawPart(source, 'message/feedback-report');
  if (feedback) {
    const [fields] = parseFieldBlocks(feedback);
    const feedbackType = lower(fields?.get('feedback-type')) ?? 'abuse';
    const original = attachments.find((a) => isType(a, 'message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers'));
    const originalTo = original ? emailRe.exec(/^To:(.*)$/im.exec(attachmentText(original))?.[1] ?? '')?.[1] : undefined;
    const recipient = typedAddress(fields?.get('original-rcpt-to') ?? fields?.get('removal-recipient')) ?? lower(originalTo);
    return done([{ kind: 'complaint', recipient, status: null, replyCode: null, diagnostic: feedbackType, feedbackType, messageRef: ref }]);
  }

  const dsnAttachment = attachments.find((a) => isType(a, 'message/delivery-status', 'message/global-delivery-status'));
  const dsn = dsnAttachment
    ? attachmentText(dsnAttachment)
    : (rawPart(source, 'message/delivery-status') ?? rawPart(source, 'message/global-delivery-status'));
  if (dsn) {
    const results = deliveryStatusResults(dsn, ref);
    if (results.length) return done(results);
  }

  const ses = /amazonses|amazonaws|"notificationType"/i.test(bodySource) ? sesResults(text, ref) : null;
  if (ses) return done(ses);

  const isBounce = bounceFrom.test(headerText(mail, 'from') ?? '') || bounceSubject.test(subject);
  if (isBounce && !autoSubject.test(subject)) {
    const results = textBounceResults(mail, text || bodySource, ref);
    if (results.length) return done(results);
    return done([{ kind: 'unknown', recipient: null, status: null, replyCode: null, diagnostic: subject, messageRef: ref }]);
  }

  if (looksAutoReply(mail))
    return done([{ kind: 'auto_reply', recipient: from, status: null, replyCode: null, diagnostic: subject, messageRef: ref }]);
  return done([{ kind: 'reply', recipient: from, status: null, replyCode: null, diagnostic: null, messageRef: ref }]);
}
