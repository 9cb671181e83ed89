const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and quoted attributes. */
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => entities[c]!);

/** The shared look of hosted forms and landing pages: inline, small, no external requests. */
export const baseCss = `*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;background:#f7f8fa}
main{max-width:760px;margin:0 auto;padding:32px 20px}.tdm-form{background:#fff;border:1px solid #e3e7ec;border-radius:10px;padding:24px;max-width:560px}
.tdm-field{margin:0 0 16px}.tdm-field label{display:block;font-weight:600;margin-bottom:4px}.tdm-field input:not([type=checkbox]),.tdm-field select,.tdm-field textarea{width:100%;padding:9px 11px;border:1px solid #c7ced6;border-radius:6px;font:inherit}
.tdm-field input:focus,.tdm-field select:focus,.tdm-field textarea:focus{outline:2px solid #1c7ed6;outline-offset:1px}.tdm-help{color:#5f6b76;font-size:14px}
.tdm-error{color:#c92a2a;font-size:14px;margin-top:4px}.tdm-check label{font-weight:400;display:flex;gap:8px;align-items:flex-start}
.tdm-hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.tdm-submit{background:#1c7ed6;color:#fff;border:0;border-radius:6px;padding:10px 18px;font:inherit;font-weight:600;cursor:pointer}
.tdm-submit:focus{outline:2px solid #0b4f8a;outline-offset:2px}.tdm-thanks{background:#ebfbee;border:1px solid #b2f2bb;border-radius:8px;padding:16px}`;

/** A whole HTML document with inline CSS and optional head tags. */
export function documentHtml(opts: { title: string; head?: string; body: string; css?: string; nonce?: string }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(opts.title)}</title>${opts.head ?? ''}<style${opts.nonce ? ` nonce="${opts.nonce}"` : ''}>${baseCss}${opts.css ?? ''}</style></head>
<body>${opts.body}</body></html>`;
}
