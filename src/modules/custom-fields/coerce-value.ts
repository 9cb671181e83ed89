import type { CustomFieldDef } from './queries/get-custom-fields.ts';
import { isIsoDate, normalizeDateTime, normalizeEmail, normalizePhone, normalizeUrl, phoneHint } from './value-types.ts';

/** The outcome of checking one value against its field's type: the stored form, or what is wrong. */
export type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Coerced => ({ ok: true, value });
const bad = (message: string): Coerced => ({ ok: false, message });

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** Checks and normalizes one non-null custom value by its field's type (numbers from strings, emails lower case, phones to E.164). */
export function coerceValue(def: CustomFieldDef, v: unknown, region: string | null): Coerced {
  const choices = def.choices.map((c) => c.value);
  switch (def.type) {
    case 'text':
    case 'long_text': {
      const max = def.type === 'text' ? 1000 : 100_000;
      if (typeof v !== 'string') return bad('must be a string');
      return v.length > max ? bad(`must be at most ${max} characters`) : ok(def.type === 'text' ? v.trim() : v);
    }
    case 'number': {
      const n = asNumber(v);
      return n !== undefined && Number.isFinite(n) ? ok(n) : bad('must be a finite number');
    }
    case 'money': {
      const n = asNumber(v);
      return n !== undefined && Number.isSafeInteger(n)
        ? ok(n)
        : bad(`must be a whole number of minor units of ${def.currency ?? 'the currency'} (e.g. 1999 for 19.99)`);
    }
    case 'date':
      return isIsoDate(v) ? ok(v) : bad('must be a date written YYYY-MM-DD');
    case 'datetime': {
      const d = normalizeDateTime(v);
      return d ? ok(d) : bad('must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T09:30:00Z');
    }
    case 'boolean':
      if (typeof v === 'boolean') return ok(v);
      return v === 'true' || v === 'false' ? ok(v === 'true') : bad('must be true or false');
    case 'select':
      return typeof v === 'string' && choices.includes(v) ? ok(v) : bad(`must be one of: ${choices.join(', ')}`);
    case 'multi_select': {
      if (!Array.isArray(v)) return bad(`must be a list of: ${choices.join(', ')}`);
      const wrong = v.find((x) => typeof x !== 'string' || !choices.includes(x));
      return wrong === undefined ? ok([...new Set(v)]) : bad(`${JSON.stringify(wrong)} is not one of: ${choices.join(', ')}`);
    }
    case 'url': {
      const u = normalizeUrl(v);
      return u ? ok(u) : bad('must be an http(s) URL such as https://example.com/page');
    }
    case 'email': {
      const e = normalizeEmail(v);
      return e ? ok(e) : bad('must be an email address like name@example.com');
    }
    case 'phone': {
      const p = normalizePhone(v, region);
      return p ? ok(p) : bad(phoneHint(region));
    }
  }
}
