import type { LeafBlock, PageBlock } from '../form-model.ts';
import { documentHtml, esc } from './html.ts';
import { sanitizeHtml } from './sanitize-html.ts';

export interface PageContent {
  title: string;
  description: string;
  ogImage: string | null;
  blocks: PageBlock[];
}

const pageCss = `.lp h1{font-size:2.3rem;line-height:1.2;margin:.2em 0 .4em}.lp h2{font-size:1.6rem;margin:1.2em 0 .4em}.lp img{max-width:100%;height:auto;border-radius:8px}
.lp .cta{display:inline-block;background:#1c7ed6;color:#fff;text-decoration:none;padding:12px 22px;border-radius:8px;font-weight:600;margin:8px 0}
.lp .cols{display:grid;gap:24px;margin:16px 0}.lp .cols-2{grid-template-columns:1fr 1fr}.lp .cols-3{grid-template-columns:1fr 1fr 1fr}
@media (max-width:700px){.lp .cols{grid-template-columns:1fr}}.lp .block{margin:0 0 16px}`;

/**
 * A landing page as one static HTML document: inline CSS, Open Graph and description meta tags, forms rendered in
 * place (they post without JavaScript; their script only enhances). `formHtml` gives each form block's markup.
 */
export function renderPageHtml(p: PageContent, o: { url: string; formHtml: (formId: string) => string | null; formSlugs: string[] }) {
  const leaf = (b: LeafBlock): string => {
    switch (b.type) {
      case 'heading': {
        const h = `h${b.level}`;
        return `<${h} class="block">${esc(b.text)}</${h}>`;
      }
      case 'richText':
        return `<div class="block">${sanitizeHtml(b.html)}</div>`;
      case 'image':
        return `<img class="block" src="${esc(b.url)}" alt="${esc(b.alt)}" loading="lazy">`;
      case 'cta':
        return `<p class="block"><a class="cta" href="${esc(b.url)}">${esc(b.label)}</a></p>`;
      case 'form':
        return `<div class="block">${o.formHtml(b.formId) ?? ''}</div>`;
    }
  };
  const body = p.blocks
    .map((b) =>
      b.type === 'columns'
        ? `<div class="cols cols-${b.columns.length}">${b.columns.map((col) => `<div>${col.map(leaf).join('')}</div>`).join('')}</div>`
        : leaf(b),
    )
    .join('\n');
  const head = [
    `<meta name="description" content="${esc(p.description)}">`,
    `<link rel="canonical" href="${esc(o.url)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${esc(p.title)}">`,
    `<meta property="og:description" content="${esc(p.description)}">`,
    `<meta property="og:url" content="${esc(o.url)}">`,
    p.ogImage ? `<meta property="og:image" content="${esc(p.ogImage)}">` : '',
    `<meta name="twitter:card" content="${p.ogImage ? 'summary_large_image' : 'summary'}">`,
  ].join('');
  const scripts = o.formSlugs.map((s) => `<script src="/f/${esc(s)}/embed.js" defer></script>`).join('');
  return documentHtml({ title: p.title, head, css: pageCss, body: `<main class="lp">${body}</main>${scripts}` });
}

/** Form ids used by a page's blocks, columns included. */
export const formIdsOf = (blocks: PageBlock[]) =>
  blocks.flatMap((b) => (b.type === 'columns' ? b.columns.flat() : [b])).flatMap((b) => (b.type === 'form' ? [b.formId] : []));
