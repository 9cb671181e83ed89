import type { FormField, FormSettings } from '../form-model.ts';
import { honeypotField } from '../spam.ts';
import { esc } from './html.ts';

export interface RenderFormOptions {
  slug: string;
  name: string;
  fields: FormField[];
  settings: FormSettings;
  consentText: string | null;
  token: string;
  /** Where the form posts: the absolute /f/:slug address for embeds and landing pages. */
  action: string;
  values?: Record<string, string>;
  errors?: { key: string; message: string }[];
  /** The page the form is shown on (hidden `_page_url`), for UTM and attribution. */
  pageUrl?: string;
  /** Hidden-field defaults from the page URL (?utm_source=…), keyed by field key. */
  query?: Record<string, string>;
}

/** The form's HTML: works as a plain POST without JavaScript; the embed script enhances it. */
export function renderFormHtml(o: RenderFormOptions): string {
  const err = (key: string) => o.errors?.find((e) => e.key === key)?.message;
  const val = (f: FormField) => o.values?.[f.key] ?? (f.type === 'hidden' ? (o.query?.[f.key] ?? f.defaultValue ?? '') : '');
  const id = (k: string) => `tdm-${esc(o.slug)}-${esc(k)}`;
  const parts = o.fields.map((f) => {
    const e = err(f.key);
    const describedBy = e ? ` aria-invalid="true" aria-describedby="${id(f.key)}-err"` : '';
    const req = f.required ? ' required' : '';
    const name = `name="${esc(f.key)}" id="${id(f.key)}"`;
    if (f.type === 'hidden') return `<input type="hidden" ${name} value="${esc(val(f))}">`;
    const label = `<label for="${id(f.key)}">${esc(f.label)}${f.required ? ' <span aria-hidden="true">*</span>' : ''}</label>`;
    const ph = f.placeholder ? ` placeholder="${esc(f.placeholder)}"` : '';
    let control: string;
    if (f.type === 'textarea') control = `<textarea ${name} rows="4"${ph}${req}${describedBy}>${esc(val(f))}</textarea>`;
    else if (f.type === 'select')
      control = `<select ${name}${req}${describedBy}><option value="">${esc(f.placeholder ?? 'Choose…')}</option>${(f.options ?? [])
        .map((opt) => `<option${opt === val(f) ? ' selected' : ''}>${esc(opt)}</option>`)
        .join('')}</select>`;
    else if (f.type === 'checkbox')
      return `<div class="tdm-field tdm-check"><label><input type="checkbox" ${name} value="true"${val(f) === 'true' ? ' checked' : ''}${req}${describedBy}> ${esc(f.label)}</label>${e ? `<div class="tdm-error" id="${id(f.key)}-err">${esc(e)}</div>` : ''}</div>`;
    else {
      const type = { email: 'email', phone: 'tel', url: 'url', number: 'number', text: 'text' }[f.type];
      const range = `${f.min !== undefined ? ` min="${f.min}"` : ''}${f.max !== undefined ? ` max="${f.max}"` : ''}${f.type === 'number' ? ' step="any"' : ''}`;
      const ac = { email: ' autocomplete="email"', phone: ' autocomplete="tel"' }[f.type as 'email'] ?? '';
      control = `<input type="${type}" ${name} value="${esc(val(f))}"${ph}${range}${ac}${req}${describedBy}>`;
    }
    return `<div class="tdm-field">${label}${control}${f.help ? `<div class="tdm-help">${esc(f.help)}</div>` : ''}${e ? `<div class="tdm-error" id="${id(f.key)}-err">${esc(e)}</div>` : ''}</div>`;
  });
  if (o.consentText) {
    const e = err('consent');
    parts.push(
      `<div class="tdm-field tdm-check"><label><input type="checkbox" name="consent" value="true"${o.values?.consent === 'true' ? ' checked' : ''}${o.settings.consent?.required ? ' required' : ''}> ${esc(o.consentText)}</label>${e ? `<div class="tdm-error">${esc(e)}</div>` : ''}</div>`,
    );
  }
  const summary = o.errors?.length
    ? `<div class="tdm-error" role="alert">Please correct the ${o.errors.length === 1 ? 'field' : `${o.errors.length} fields`} below.</div>`
    : '';
  return `<form class="tdm-form" method="post" action="${esc(o.action)}" data-tandem-form="${esc(o.slug)}">${summary}
<input type="hidden" name="_t" value="${esc(o.token)}"><input type="hidden" name="_page_url" value="${esc(o.pageUrl ?? '')}">
<div class="tdm-hp" aria-hidden="true"><label>Leave this empty<input type="text" name="${honeypotField}" tabindex="-1" autocomplete="off"></label></div>
${parts.join('\n')}
<button type="submit" class="tdm-submit">${esc(o.settings.submitLabel)}</button></form>`;
}
