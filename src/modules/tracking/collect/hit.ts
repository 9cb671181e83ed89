/** A hit that passed the privacy, origin and size checks and waits for the group commit. */
export interface Hit {
  workspaceId: string;
  siteId: string;
  visitorId: string;
  kind: 'page_view' | 'custom';
  name: string | null;
  url: string | null;
  title: string | null;
  referrer: string | null;
  utm: Utm;
  props: Record<string, unknown>;
  occurredAt: Date;
  /** From a verified `tdm` link token: the visitor is this contact (checked to exist at commit). */
  contactId: string | null;
}

export type Utm = Partial<Record<'source' | 'medium' | 'campaign' | 'term' | 'content', string>>;
const utmKeys = ['source', 'medium', 'campaign', 'term', 'content'] as const;

export interface PageUrl {
  url: string | null;
  utm: Utm;
  token: string | null;
}

const recentPages = new Map<string, PageUrl>();
const recentPagesMax = 2000;

/**
 * UTM parameters and the signed `tdm` link token of a page URL; the URL is stored without the token. A site's hits
 * mostly repeat a few addresses (its pages, its campaign links), so recent answers are kept (frozen, shared by the
 * hits) instead of parsing the same URL again for every hit; addresses carrying a link token are not kept.
 */
export function readPageUrl(raw: string | null | undefined): PageUrl {
  if (!raw) return { url: null, utm: {}, token: null };
  const known = recentPages.get(raw);
  if (known) return known;
  const page = parsePageUrl(raw);
  if (page.token === null) {
    if (recentPages.size >= recentPagesMax) recentPages.clear();
    Object.freeze(page.utm);
    recentPages.set(raw, Object.freeze(page));
  }
  return page;
}

function parsePageUrl(raw: string): PageUrl {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { url: null, utm: {}, token: null };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { url: null, utm: {}, token: null };
  const utm: Utm = {};
  for (const k of utmKeys) {
    const v = u.searchParams.get(`utm_${k}`)?.trim();
    if (v) utm[k] = v.slice(0, 200);
  }
  const token = u.searchParams.get('tdm');
  if (token !== null) u.searchParams.delete('tdm');
  return { url: u.toString().slice(0, 2000), utm, token: token?.slice(0, 1000) || null };
}

/** The referrer when it is another site (same-host referrers are navigation inside the site), and its host. */
export function externalReferrer(
  referrer: string | null | undefined,
  pageUrl: string | null,
): { referrer: string | null; host: string | null } {
  if (!referrer) return { referrer: null, host: null };
  try {
    const r = new URL(referrer);
    if (r.protocol !== 'http:' && r.protocol !== 'https:') return { referrer: null, host: null };
    const pageHost = pageUrl ? new URL(pageUrl).host : null;
    if (pageHost && r.host === pageHost) return { referrer: null, host: null };
    return { referrer: r.toString().slice(0, 2000), host: r.hostname.replace(/^www\./, '') };
  } catch {
    return { referrer: null, host: null };
  }
}

/** Event props per the shared convention: `utm` (keys present only) and `referrer` beside the caller's own. */
export function eventProps(hit: Pick<Hit, 'props' | 'utm' | 'referrer' | 'title'>): Record<string, unknown> {
  const p: Record<string, unknown> = { ...hit.props };
  if (Object.keys(hit.utm).length) p.utm = hit.utm;
  if (hit.referrer) p.referrer = hit.referrer;
  if (hit.title) p.title = hit.title;
  return p;
}
