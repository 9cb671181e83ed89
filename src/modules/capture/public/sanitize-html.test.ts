import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize-html.ts';

describe('sanitizeHtml', () => {
  it('keeps the safe subset and drops attributes', () => {
    expect(sanitizeHtml('<p class="x" onclick="evil()">Hi <strong>there</strong><br/></p>')).toBe('<p>Hi <strong>there</strong><br></p>');
  });
  it('removes scripts with their content, event handlers and javascript: links', () => {
    expect(sanitizeHtml('<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="https://example.com/?a=1&amp;b=2">ok</a>')).toBe(
      '<a href="https://example.com/?a=1&amp;b=2" rel="noopener nofollow">ok</a>',
    );
  });
  it('escapes stray markup and closes what was left open', () => {
    expect(sanitizeHtml('a < b <em>open')).toBe('a &lt; b <em>open</em>');
    expect(sanitizeHtml('<<script>script>alert(1)<</script>/script>')).toBe('&lt;/script&gt;');
  });
});
