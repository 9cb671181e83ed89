const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A company domain as stored: lower case, without scheme, "www.", user info, port, path or a
 * trailing dot ("https://WWW.Acme.com:443/about" → "acme.com"). Null when it does not look like
 * a domain (an IP address, a single label, a numeric top-level domain, bad characters).
 */
export function normalizeDomain(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  if (!s || s.length > 300 || /\s/.test(s)) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(s)) s = `http://${s}`;
  let host: string;
  try {
    host = new URL(s).hostname; // also turns an internationalized name into punycode
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\d?\./, '');
  const parts = host.split('.');
  if (host.length > 253 || parts.length < 2 || !parts.every((p) => label.test(p))) return null;
  const tld = parts[parts.length - 1]!;
  return /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld) ? host : null;
}

/** A readable company name from its domain, for companies created from an email address ("acme-labs.co.uk" → "Acme Labs"). */
export function nameFromDomain(domain: string): string {
  const first = domain.split('.')[0] ?? domain;
  return first
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
