import { esc } from './html.ts';

const allowed = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code']);
const voids = new Set(['br']);
const dropWithContent = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
]);

/**
 * Rich text down to a small safe subset: the tags above, no attributes except a link's http(s)/mailto href
 * (opened with rel="noopener nofollow"). Everything else is escaped text; script-like elements lose their content.
 * Output is rebuilt from tokens, never passed through, so unbalanced or malformed markup cannot escape.
 */
export function sanitizeHtml(input: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let skip: string | null = null;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const text = input.slice(last, m.index);
    last = re.lastIndex;
    if (!skip && text) out.push(esc(decode(text)));
    if (!m[2]) continue; // a comment
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (skip) {
      if (closing && tag === skip) skip = null;
      continue;
    }
    if (dropWithContent.has(tag)) {
      if (!closing) skip = tag;
      continue;
    }
    if (!allowed.has(tag)) continue;
    if (voids.has(tag)) {
      if (!closing) out.push(`<${tag}>`);
      continue;
    }
    if (closing) {
      const at = open.lastIndexOf(tag);
      if (at < 0) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    if (tag === 'a') {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[3] ?? '');
      const url = decode(href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim();
      if (!/^(https?:\/\/|mailto:|\/|#)/i.test(url)) {
        out.push('<a>');
      } else out.push(`<a href="${esc(url)}" rel="noopener nofollow">`);
    } else out.push(`<${tag}>`);
    open.push(tag);
  }
  if (!skip) out.push(esc(decode(input.slice(last))));
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Decodes entities so they are escaped exactly once on output. */
function decode(s: string) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
    }
    return named[e.toLowerCase()] ?? whole;
  });
}
