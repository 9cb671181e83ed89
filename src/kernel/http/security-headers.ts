import helmet from 'helmet';

/**
 * Helmet's headers, computed once. @fastify/helmet rebuilds them (and re-parses the CSP) on every
 * request, which cost about a tenth of the CPU of a small API response; they never change.
 */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.https ? undefined : false,
  });
  middleware({} as never, res as never, () => {});
  return headers;
}

/**
 * The set for JSON API responses (OWASP REST Security cheat sheet): a browser never renders them, so the page
 * policies (CSP sources, COOP/CORP, XSS filter…) do nothing there; what matters is no sniffing, no framing and no
 * caching of authenticated data. Four short headers instead of twelve: headers are most of an API response's bytes.
 */
export function apiSecurityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(opts.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * The set for resources other sites embed or call from their pages (the tracking pixel, snippet and beacon endpoint,
 * routes with `config.headers: 'embedded'`): a GIF, a script or a 204 is never rendered as a page, so the page
 * policies do nothing there. No sniffing, loadable cross-origin (CORP), not cached unless the route says otherwise.
 */
export function embeddedSecurityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'cross-origin-resource-policy': 'cross-origin',
    'x-content-type-options': 'nosniff',
    ...(opts.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
