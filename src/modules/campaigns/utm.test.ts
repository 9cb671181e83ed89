import { describe, expect, it } from 'vitest';
import { buildUtmUrl } from './utm.ts';

describe('the UTM link builder', () => {
  it('adds source, medium, campaign, term and content in order, encoded, keeping the page’s query and fragment', () => {
    expect(
      buildUtmUrl({
        baseUrl: 'https://example.com/pricing?plan=pro#faq',
        source: 'google',
        medium: 'cpc',
        campaign: 'q4-paid-search',
        term: 'crm software',
        content: 'ad & b',
      }),
    ).toBe(
      'https://example.com/pricing?plan=pro&utm_source=google&utm_medium=cpc&utm_campaign=q4-paid-search&utm_term=crm+software&utm_content=ad+%26+b#faq',
    );
  });

  it('replaces utm values already on the page address and leaves out empty optional ones', () => {
    expect(
      buildUtmUrl({ baseUrl: 'http://x.test/?utm_source=old', source: ' news ', medium: 'email', campaign: 'newsletter', term: ' ' }),
    ).toBe('http://x.test/?utm_source=news&utm_medium=email&utm_campaign=newsletter');
  });

  it('refuses addresses that are not web pages and missing source or medium, naming the field', () => {
    expect(() => buildUtmUrl({ baseUrl: 'example.com', source: 'a', medium: 'b', campaign: 'c' })).toThrow(/not a URL/);
    expect(() => buildUtmUrl({ baseUrl: 'javascript:alert(1)', source: 'a', medium: 'b', campaign: 'c' })).toThrow(/http/);
    try {
      buildUtmUrl({ baseUrl: 'https://a.test', source: '', medium: 'b', campaign: 'c' });
    } catch (e) {
      expect((e as { details: unknown }).details).toEqual({ path: ['body', 'source'] });
    }
  });
});
