import { AppError } from '../../kernel/errors.ts';

export interface UtmParts {
  baseUrl: string;
  source: string;
  medium: string;
  campaign: string;
  content?: string | null;
  term?: string | null;
}

const clean = (v: string | null | undefined) => (v ?? '').trim();

/**
 * The tracked URL: the page's own query and fragment kept, utm_* set (replacing any already there) in the
 * order source, medium, campaign, term, content. Values are URL-encoded; empty optional ones are left out.
 */
export function buildUtmUrl(p: UtmParts): string {
  let url: URL;
  try {
    url = new URL(p.baseUrl.trim());
  } catch {
    throw new AppError(
      'validation_failed',
      `"${p.baseUrl.slice(0, 200)}" is not a URL; give a full address such as https://example.com/pricing.`,
      {
        path: ['body', 'baseUrl'],
      },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError('validation_failed', 'Tracked links open web pages: use an http:// or https:// address.', {
      path: ['body', 'baseUrl'],
    });
  for (const [key, value] of [
    ['source', p.source],
    ['medium', p.medium],
  ] as const)
    if (!clean(value))
      throw new AppError('validation_failed', `Give a utm_${key} (e.g. ${key === 'source' ? 'google' : 'cpc'}).`, { path: ['body', key] });
  for (const k of ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content']) url.searchParams.delete(k);
  url.searchParams.append('utm_source', clean(p.source));
  url.searchParams.append('utm_medium', clean(p.medium));
  url.searchParams.append('utm_campaign', p.campaign);
  if (clean(p.term)) url.searchParams.append('utm_term', clean(p.term));
  if (clean(p.content)) url.searchParams.append('utm_content', clean(p.content));
  return url.toString();
}
