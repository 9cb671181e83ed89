/**
 * Hard or soft: a hard bounce says the address will never take mail (the mailbox or domain does not exist, has
 * moved, or the domain publishes a null MX); everything else — full mailbox, policy and spam blocks, greylisting,
 * expired retries, temporary locks — may clear up. This follows sisimai's `hardbounce` (reasons userunknown,
 * hostunknown, hasmoved, notaccept are hard).
 */

const temporary =
  /mailbox (is )?full|over ?quota|quota exceeded|exceeded storage|insufficient (system )?storage|temporar|try again|locked|greylist|too many/i;
const userUnknown =
  /user unknown|unknown user|no such (user|mailbox|recipient|address|account)|(user|mailbox|recipient|address|account) (does not|doesn't) exist|invalid (recipient|mailbox)|unknown (recipient|mailbox|address)|(user|recipient|mailbox) not found|not a valid (mailbox|recipient)|unknown local part|mailbox unavailable|address unknown/i;
const hostUnknown =
  /host (not found|unknown)|domain (not found|does not exist)|no such domain|unrouteable address|name or service not known/i;
const nullMx = /does not accept mail|null mx/i;

/** Enhanced status codes (RFC 3463) that mean the address is gone for good. */
const hardStatuses = new Set(['5.1.1', '5.1.2', '5.1.3', '5.1.6', '5.1.10', '5.4.4', '5.7.27']);

export type BounceKind = 'hard' | 'soft';

export function bounceKind(status: string | null, diagnostic: string | null, action?: string | null): BounceKind {
  if (action && /delayed/i.test(action)) return 'soft';
  if (status?.startsWith('4')) return 'soft';
  const d = diagnostic ?? '';
  if (temporary.test(d)) return 'soft';
  if (userUnknown.test(d) || hostUnknown.test(d) || nullMx.test(d)) return 'hard';
  if (status && hardStatuses.has(status)) return 'hard';
  return 'soft';
}

/** The first enhanced status code (class 2, 4 or 5) in a text, if any. */
export function findStatus(text: string): string | null {
  return /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(text)?.[1] ?? null;
}

/** The first SMTP reply code in a text, if any. */
export function findReplyCode(text: string): string | null {
  return /(?:^|[\s:;(])([245]\d\d)(?=[\s-])/.exec(text)?.[1] ?? null;
}
