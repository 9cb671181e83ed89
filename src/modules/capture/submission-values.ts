import { AppError } from '../../kernel/errors.ts';
import { normalizeEmail, normalizePhone, normalizeUrl } from '../custom-fields/index.ts';
import type { FormField } from './form-model.ts';
import { honeypotField } from './spam.ts';

/** Fields every form accepts besides its own: render token, honeypot, proof of work, context from the page. */
export const reservedFields = new Set(['_t', honeypotField, '_pow', '_format', '_page_url', '_referrer', 'tandem_visitor', 'consent']);
const maxFields = 60;

export interface FieldError {
  key: string;
  message: string;
}

/** Accepts strings, numbers and booleans (JSON callers); anything else is a 400 on its path. */
export function toStringValues(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new AppError('validation_failed', 'Send the form fields as an object of name → value.', { path: ['body'] });
  const out: Record<string, string> = {};
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length > maxFields)
    throw new AppError('validation_failed', `A submission has at most ${maxFields} fields.`, { path: ['body'] });
  for (const [k, v] of entries) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else if (v !== null && v !== undefined)
      throw new AppError('validation_failed', `"${k.slice(0, 60)}" must be a text, number or true/false.`, { path: ['body', k] });
  }
  return out;
}

/** 400 for a name the form does not have (so API callers find their typo), never silently dropped. */
export function assertKnownFields(fields: FormField[], values: Record<string, string>) {
  const known = new Set(fields.map((f) => f.key));
  for (const k of Object.keys(values))
    if (!known.has(k) && !reservedFields.has(k))
      throw new AppError('validation_failed', `This form has no field "${k.slice(0, 60)}"; fields are ${[...known].join(', ')}.`, {
        path: ['body', k],
      });
}

const truthy = new Set(['on', 'true', '1', 'yes']);

/**
 * Checks and normalizes each field's value (email lower-cased, phone to E.164, url with scheme, number parsed).
 * Hidden fields fall back to their default. Returns clean values by key, or every problem found.
 */
export function checkValues(
  fields: FormField[],
  values: Record<string, string>,
  region: string | null,
  consent: { required: boolean } | null,
): { clean: Record<string, string>; errors: FieldError[] } {
  const clean: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const f of fields) {
    let v = (values[f.key] ?? '').trim();
    if (f.type === 'hidden' && !v) v = f.defaultValue ?? '';
    const limit = f.maxLength ?? (f.type === 'textarea' ? 5000 : 500);
    const fail = (message: string) => errors.push({ key: f.key, message });
    if (f.type === 'checkbox') {
      const on = truthy.has(v.toLowerCase());
      if (f.required && !on) fail(`Tick “${f.label}” to continue.`);
      clean[f.key] = on ? 'true' : 'false';
      continue;
    }
    if (!v) {
      if (f.required) fail(`${f.label} is required.`);
      continue;
    }
    if (v.length > limit) {
      fail(`${f.label} is too long (at most ${limit} characters).`);
      continue;
    }
    if (f.type === 'email') {
      const e = normalizeEmail(v);
      if (!e) fail(`${f.label} must be an email address like name@example.com.`);
      else v = e;
    } else if (f.type === 'phone') {
      const p = normalizePhone(v, region);
      if (!p) fail(`${f.label} must be a phone number${region ? '' : ' with country code, like +44 20 7946 0000'}.`);
      else v = p;
    } else if (f.type === 'url') {
      const u = normalizeUrl(v);
      if (!u) fail(`${f.label} must be a web address like https://example.com.`);
      else v = u;
    } else if (f.type === 'number') {
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n)) fail(`${f.label} must be a number.`);
      else if (f.min !== undefined && n < f.min) fail(`${f.label} must be at least ${f.min}.`);
      else if (f.max !== undefined && n > f.max) fail(`${f.label} must be at most ${f.max}.`);
      else v = String(n);
    } else if (f.type === 'select' && !f.options?.includes(v)) fail(`Choose one of the options for ${f.label}.`);
    if (f.pattern && !errors.some((e) => e.key === f.key) && !new RegExp(`^(?:${f.pattern})$`, 'u').test(v))
      fail(f.patternMessage || `${f.label} is not in the expected format.`);
    clean[f.key] = v;
  }
  if (consent) {
    const on = truthy.has((values.consent ?? '').trim().toLowerCase());
    if (consent.required && !on) errors.push({ key: 'consent', message: 'Tick the consent box to continue.' });
    clean.consent = on ? 'true' : 'false';
  }
  return { clean, errors };
}

/** The 400 for API callers: the first bad field as the path, all of them in details. */
export function valuesError(errors: FieldError[]) {
  return new AppError('validation_failed', errors.map((e) => e.message).join(' '), {
    path: ['body', errors[0]!.key],
    fields: errors,
  });
}
