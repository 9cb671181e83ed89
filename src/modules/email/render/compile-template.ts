import { convert } from 'html-to-text';
import juice from 'juice';
import { Liquid, type Template } from 'liquidjs';
import mjml2html from 'mjml';
import { AppError } from '../../../kernel/errors.ts';
import type { TemplateFormat } from '../schema.ts';

/** HTML output escapes every value; the text part and the subject do not (they are not HTML). */
const htmlEngine = new Liquid({ strictVariables: true, strictFilters: true, outputEscape: 'escape', cache: false });
const textEngine = new Liquid({ strictVariables: true, strictFilters: true, cache: false });

export interface TemplateSource {
  format: TemplateFormat;
  subject: string;
  preheader?: string;
  body: string;
}

/** A version made ready to render per recipient: MJML, CSS inlining and the text part are done once, here. */
export interface CompiledTemplate {
  subject: Template[];
  html: Template[];
  text: Template[];
}

interface LiquidFailure {
  message: string;
  token?: { getPosition(): [number, number] };
}

/** Turns a liquidjs error into a 400 naming the field, line and column. */
export function templateError(err: unknown, field: string, what = 'template'): AppError {
  const e = err as LiquidFailure;
  const pos = e.token?.getPosition?.();
  const message = String(e.message ?? err).replace(/, line:\d+, col:\d+$/, '');
  const where = pos ? `line ${pos[0]}, column ${pos[1]}` : 'somewhere';
  const hint = message.startsWith('undefined variable')
    ? ' — use one of the listed variables (contact.*, company.*, owner.*, campaign.*, sender.*, unsubscribe_url, preferences_url, view_in_browser_url)'
    : message.startsWith('undefined filter')
      ? ' — use a standard Liquid filter (upcase, default, date, …)'
      : '';
  return new AppError('template_invalid', `The ${what} ${field} has an error at ${where}: ${message}${hint}.`, {
    path: ['body', field],
    line: pos?.[0],
    column: pos?.[1],
  });
}

function parse(engine: Liquid, source: string, field: string): Template[] {
  try {
    return engine.parse(source);
  } catch (err) {
    throw templateError(err, field);
  }
}

const footerHtml = `<div style="font-family:Arial,sans-serif;font-size:12px;color:#666;text-align:center;padding:24px 16px">
{{ sender.from_name }}{% if sender.postal_address != "" %} · {{ sender.postal_address }}{% endif %}<br>
<a href="{{ unsubscribe_url }}" style="color:#666">Unsubscribe</a> · <a href="{{ preferences_url }}" style="color:#666">Email preferences</a>
</div>`;

/**
 * Checks the Liquid (syntax and filters; variables are checked by `renderMessage` against real or sample data),
 * compiles MJML, inlines CSS with juice and derives the text part. `footer` appends the unsubscribe footer when the
 * body does not link `unsubscribe_url` itself (marketing mail must show one).
 */
export async function compileTemplate(src: TemplateSource, opts: { footer?: boolean } = {}): Promise<CompiledTemplate> {
  parse(textEngine, src.subject, 'subject');
  parse(htmlEngine, src.body, 'body');
  let html = src.body;
  if (src.format === 'mjml') {
    let out: { html: string; errors: { line: number; message: string }[] };
    try {
      out = await mjml2html(src.body, { validationLevel: 'soft', keepComments: false });
    } catch (err) {
      throw new AppError('template_invalid', `The body is not valid MJML: ${(err as Error).message}.`, { path: ['body', 'body'] });
    }
    const bad = out.errors[0];
    if (bad)
      throw new AppError('template_invalid', `The body has an MJML error at line ${bad.line}: ${bad.message}.`, {
        path: ['body', 'body'],
        line: bad.line,
      });
    html = out.html;
  } else if (!/<html[\s>]/i.test(html)) {
    html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
  }
  if (opts.footer && !/unsubscribe_url/.test(src.body)) html = insertBeforeBodyEnd(html, footerHtml);
  if (src.preheader)
    html = html.replace(
      /<body([^>]*)>/i,
      (m) => `${m}<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">${src.preheader}</div>`,
    );
  html = juice(html, { preserveMediaQueries: true, removeStyleTags: false });
  const text = convert(html, {
    wordwrap: 100,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  });
  return {
    subject: parse(textEngine, src.subject, 'subject'),
    html: parse(htmlEngine, html, 'body'),
    text: parse(textEngine, text, 'body'),
  };
}

export function insertBeforeBodyEnd(html: string, fragment: string): string {
  const i = html.toLowerCase().lastIndexOf('</body>');
  return i < 0 ? html + fragment : html.slice(0, i) + fragment + html.slice(i);
}

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

/** Renders a compiled version for one recipient; an unknown variable is a template_invalid with its line. */
export function renderMessage(t: CompiledTemplate, vars: Record<string, unknown>): Rendered {
  const run = (engine: Liquid, tpl: Template[], field: string) => {
    try {
      return engine.renderSync(tpl, vars) as string;
    } catch (err) {
      throw templateError(err, field);
    }
  };
  return {
    subject: run(textEngine, t.subject, 'subject').replace(/\s+/g, ' ').trim(),
    html: run(htmlEngine, t.html, 'body'),
    text: run(textEngine, t.text, 'body'),
  };
}
