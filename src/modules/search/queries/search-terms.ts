/** What a search string looks like, decided once so each source runs only where it can match. */
export interface SearchTerms {
  /** Lower case, trimmed, inner whitespace collapsed. */
  text: string;
  /** Letters present: names can match. */
  wordy: boolean;
  /** No spaces and an "@" or ".": an email or a domain is likely. */
  addressy: boolean;
  /** Only phone characters with at least 5 digits. */
  phoney: boolean;
  /** The digits of a phone-like query, with "+" when it was typed. */
  phoneDigits: string | null;
  /** The part after "@" ("@acme" searches domains too). */
  domainPart: string | null;
}

const phoneChars = /^[+\d\s().\-/]+$/;

/** Classifies a search string (pure; no database). */
export function searchTerms(raw: string): SearchTerms {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const digits = text.replace(/\D/g, '');
  const phoney = phoneChars.test(text) && digits.length >= 5;
  const at = text.indexOf('@');
  const domainPart = at >= 0 ? text.slice(at + 1).replace(/^www\./, '') || null : null;
  return {
    text,
    wordy: /\p{L}/u.test(text),
    addressy: !text.includes(' ') && (at >= 0 || text.includes('.')),
    phoney,
    phoneDigits: phoney ? (text.startsWith('+') ? `+${digits}` : digits) : null,
    domainPart,
  };
}

/** The upper bound of a prefix range: every string starting with `prefix` sorts below it (byte order). */
export const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

/** Escapes LIKE wildcards so user input matches literally. */
export const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
