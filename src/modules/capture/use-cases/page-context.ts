import type { Touch } from '../../contacts/index.ts';
import { type FormField, utmKeys } from '../form-model.ts';
import { visitorIdOf } from '../visitor-id.ts';

/**
 * Where a submission came from: the page URL and referrer the form sent, UTM from hidden utm.* fields or else
 * the page URL's utm_* parameters, and the tracking visitor (a `tandem_visitor` field, else the cookie).
 */
export function pageContext(fields: FormField[], clean: Record<string, string>, raw: Record<string, string>, cookieVisitor: string | null) {
  const pageUrl = httpUrl(raw._page_url);
  const referrer = httpUrl(raw._referrer);
  const utm: Record<string, string> = {};
  const params = pageUrl ? new URL(pageUrl).searchParams : null;
  for (const k of utmKeys) {
    const field = fields.find((f) => f.mapTo === `utm.${k}`);
    const v = (field && clean[field.key]) || params?.get(`utm_${k}`)?.trim().slice(0, 200);
    if (v) utm[k] = v;
  }
  const visitorId = visitorIdOf(raw.tandem_visitor) ?? visitorIdOf(cookieVisitor);
  const touch: Touch | null =
    Object.keys(utm).length || referrer
      ? { ...utm, ...(referrer ? { referrer } : {}), ...(pageUrl ? { landingPage: pageUrl } : {}), at: new Date().toISOString() }
      : null;
  return { pageUrl, referrer, utm, visitorId, touch };
}

function httpUrl(v: string | undefined): string | null {
  if (!v || v.length > 2000) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
