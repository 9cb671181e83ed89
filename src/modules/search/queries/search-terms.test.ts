import { describe, expect, it } from 'vitest';
import { likeLiteral, searchTerms } from './search-terms.ts';

describe('reading a search string', () => {
  it('normalizes case and spaces', () => {
    expect(searchTerms('  Ada   LOVELACE ')).toMatchObject({ text: 'ada lovelace', wordy: true, addressy: false, phoney: false });
  });

  it('recognizes phone numbers by their characters and digit count', () => {
    expect(searchTerms('+1 (202) 456-1111')).toMatchObject({ phoney: true, phoneDigits: '+12024561111' });
    expect(searchTerms('020 7946 0958')).toMatchObject({ phoney: true, phoneDigits: '02079460958' });
    expect(searchTerms('1234').phoney).toBe(false);
    expect(searchTerms('route 66 diner').phoney).toBe(false);
  });

  it('recognizes emails and domains', () => {
    expect(searchTerms('ada@example.org')).toMatchObject({ addressy: true, domainPart: 'example.org' });
    expect(searchTerms('@www.acme.com')).toMatchObject({ addressy: true, domainPart: 'acme.com' });
    expect(searchTerms('acme.com').addressy).toBe(true);
    expect(searchTerms('acme corp').addressy).toBe(false);
  });

  it('escapes LIKE wildcards', () => {
    expect(likeLiteral('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
