const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export { esc };

/** A small self-contained page for people following links from mail (no app shell, no scripts). */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f6f7f9;color:#1f2328;margin:0;padding:48px 16px}
main{max-width:520px;margin:0 auto;background:#fff;border:1px solid #e3e6ea;border-radius:10px;padding:32px}
h1{font-size:22px;margin:0 0 12px}p{line-height:1.5}label{display:flex;gap:10px;align-items:flex-start;padding:10px 0;border-top:1px solid #eef0f2}
small{color:#57606a;display:block}button{font:inherit;background:#1c7ed6;color:#fff;border:0;border-radius:6px;padding:10px 18px;cursor:pointer;margin-top:16px}
button:focus-visible,input:focus-visible{outline:3px solid #74c0fc;outline-offset:2px}</style></head>
<body><main>${body}</main></body></html>`;
}

/** An expired link whose signature holds: offer a fresh one (a POST: mail scanners follow GETs). */
export const expiredConfirmOfferPage = (resendAction: string) =>
  page(
    'Link expired',
    `<h1>This confirmation link has expired</h1><p>Nothing was changed. Confirmation links work for 7 days.</p>
<form method="post" action="${esc(resendAction)}"><button type="submit">Send me a new confirmation link</button></form>`,
  );

export const resendAcceptedPage = () =>
  page(
    'Check your inbox',
    '<h1>Check your inbox</h1><p>If this address can still receive our email and has not confirmed yet, a new confirmation link is on its way. It works for 7 days.</p>',
  );

export const tooManyRequestsPage = (seconds: number) =>
  page('Too many requests', `<h1>Too many requests</h1><p>Please try again in ${Math.ceil(seconds / 60)} minutes.</p>`);

export const expiredConfirmPage = () =>
  page(
    'Link expired or not valid',
    '<h1>This confirmation link has expired or is not valid</h1><p>Nothing was changed. Confirmation links work for 7 days: sign up again to get a new one.</p>',
  );

export const invalidLinkPage = () =>
  page(
    'Link not valid',
    '<h1>This link is not valid</h1><p>It may have been copied incompletely. Open the link from the latest email you received, or reply to that email and we will update your preferences.</p>',
  );
