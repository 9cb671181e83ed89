import { signToken, verifyToken } from '../../../kernel/auth/index.ts';
import { emailRuntime } from '../runtime.ts';

/** Token purposes: a token of one kind never works as another. */
export const purposes = {
  unsubscribe: 'email.unsubscribe',
  preferences: 'email.preferences',
  click: 'email.click',
  open: 'email.open',
  view: 'email.view',
} as const;

/** Who a contact-facing link acts on: workspace, message, contact (or bare address), subscription type. */
export interface RecipientRef {
  w: string;
  m?: string;
  c?: string | null;
  a?: string;
  t?: string | null;
}

const compact = (r: RecipientRef) => {
  const o: Record<string, unknown> = { w: r.w };
  if (r.m) o.m = r.m;
  if (r.c) o.c = r.c;
  else if (r.a) o.a = r.a;
  if (r.t) o.t = r.t;
  return o;
};

export function recipientLinks(r: RecipientRef) {
  const { secretKey, publicUrl } = emailRuntime();
  const data = compact(r);
  return {
    unsubscribe_url: `${publicUrl}/u/${signToken(secretKey, purposes.unsubscribe, data)}`,
    preferences_url: `${publicUrl}/preferences/${signToken(secretKey, purposes.preferences, data)}`,
    view_in_browser_url: r.m ? `${publicUrl}/e/v/${signToken(secretKey, purposes.view, { w: r.w, m: r.m })}` : '',
  };
}

export function readRecipientToken(purpose: string, token: string): RecipientRef | null {
  const d = verifyToken<Record<string, unknown>>(emailRuntime().secretKey, purpose, token);
  if (!d || typeof d.w !== 'string') return null;
  return d as unknown as RecipientRef;
}

const skip = /^(mailto:|tel:|#|\{)/i;

/**
 * Rewrites every http(s) link of a rendered HTML body to a signed click redirect (the URL is inside the signed
 * token, so the redirect goes nowhere else: no open redirect) and adds the open pixel. Unsubscribe and preference
 * links stay direct.
 */
export function addTracking(html: string, ws: string, messageId: string): string {
  const { secretKey, publicUrl } = emailRuntime();
  const own = `${publicUrl}/`;
  const out = html.replace(/(<a\b[^>]*?\shref=")([^"]+)(")/gi, (m, pre: string, href: string, post: string) => {
    const url = href.replace(/&amp;/g, '&');
    if (skip.test(url) || !/^https?:\/\//i.test(url) || url.startsWith(own)) return m;
    return `${pre}${publicUrl}/e/c/${signToken(secretKey, purposes.click, { w: ws, m: messageId, u: url })}${post}`;
  });
  const pixel = `<img src="${publicUrl}/e/o/${signToken(secretKey, purposes.open, { w: ws, m: messageId })}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px">`;
  const i = out.toLowerCase().lastIndexOf('</body>');
  return i < 0 ? out + pixel : out.slice(0, i) + pixel + out.slice(i);
}

export function readClickToken(token: string): { w: string; m: string; u: string } | null {
  const d = verifyToken<{ w: string; m: string; u: string }>(emailRuntime().secretKey, purposes.click, token);
  return d && typeof d.u === 'string' && /^https?:\/\//i.test(d.u) ? d : null;
}

export function readMessageToken(purpose: string, token: string): { w: string; m: string } | null {
  const d = verifyToken<{ w: string; m: string }>(emailRuntime().secretKey, purpose, token);
  return d && typeof d.m === 'string' ? d : null;
}
