/**
 * Allowed origins are hosts: `example.com`, `shop.example.com:8443`, or `*.example.com` (any subdomain and the
 * domain itself). Users may paste full URLs; `normalizeOrigin` keeps the host (and port).
 */
export function normalizeOrigin(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (!s) return null;
  const wildcard = s.startsWith('*.');
  const rest = wildcard ? s.slice(2) : s;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(rest) ? rest : `http://${rest}`).host;
  } catch {
    return null;
  }
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(host) || host.startsWith('.') || host.includes('..')) return null;
  return wildcard ? `*.${host}` : host;
}

/** Whether a request's Origin (`https://www.example.com`) is one of the site's allowed hosts. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  for (const a of allowed) {
    if (a === host) return true;
    if (a.startsWith('*.')) {
      const base = a.slice(2);
      if (host === base || host.endsWith(`.${base}`)) return true;
    }
  }
  return false;
}
