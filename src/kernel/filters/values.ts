import { FILTER_LIMITS, maxSpan, type RelativeSpan, timeUnits } from './filter.types.ts';
import { type FilterPath, filterInvalid, quote } from './filter-error.ts';

// Lone surrogates cannot be encoded as UTF-8 and NUL cannot be stored in PostgreSQL text: both are rejected up front.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be sent to the database, or undefined when it can. */
export function badString(s: string): string | undefined {
  if (s.length > FILTER_LIMITS.maxString) return `is ${s.length} characters long; the limit is ${FILTER_LIMITS.maxString}`;
  if (s.includes('\u0000')) return 'contains a NUL character, which cannot be stored; remove it';
  if (loneSurrogate.test(s)) return 'contains an unpaired UTF-16 surrogate; send valid Unicode text';
  return undefined;
}

export function text(v: unknown, path: FilterPath, what: string): string {
  if (typeof v !== 'string') throw filterInvalid(path, `expected a string for ${what}, got ${quote(v)}`);
  const bad = badString(v);
  if (bad) throw filterInvalid(path, `the value ${bad}`);
  if (v === '') throw filterInvalid(path, `the value is empty; to match empty ${what}, use op is_empty`);
  return v;
}

export function list(v: unknown, path: FilterPath, what: string): unknown[] {
  if (!Array.isArray(v)) throw filterInvalid(path, `expected a list of values for ${what}, like ["a", "b"]`);
  if (v.length === 0) throw filterInvalid(path, 'the list is empty; give at least one value or remove the condition');
  if (v.length > FILTER_LIMITS.maxList) throw filterInvalid(path, `the list has ${v.length} items; the limit is ${FILTER_LIMITS.maxList}`);
  return v;
}

export function finiteNumber(v: unknown, path: FilterPath, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw filterInvalid(path, `expected a number for ${what}, like 42, got ${quote(v)}`);
  return v;
}

export function minorUnits(v: unknown, path: FilterPath, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v))
    throw filterInvalid(path, `expected a whole number of minor units (cents) for ${what}, like 129900, got ${quote(v)}`);
  return v;
}

export function bool(v: unknown, path: FilterPath, what: string): boolean {
  if (typeof v !== 'boolean') throw filterInvalid(path, `expected true or false for ${what}, got ${quote(v)}`);
  return v;
}

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function uuid(v: unknown, path: FilterPath, what: string): string {
  if (typeof v !== 'string' || !uuidRe.test(v)) throw filterInvalid(path, `expected a UUID for ${what}, got ${quote(v)}`);
  return v.toLowerCase();
}

export function option(v: unknown, path: FilterPath, what: string, options: readonly string[] | undefined): string {
  const s = text(v, path, what);
  if (options && !options.includes(s))
    throw filterInvalid(path, `${quote(s)} is not an option of ${what}; use one of ${options.map(quote).join(', ')}`);
  return s;
}

const dayRe = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimeRe = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-](\d{2}):?(\d{2}))?$/;

function realDay(y: number, m: number, d: number) {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(2000, m, 0)).getUTCDate() - (m === 2 && !leap(y) ? 1 : 0);
}
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function isoDate(v: unknown, path: FilterPath, what: string): string {
  const m = typeof v === 'string' ? dayRe.exec(v) : null;
  if (!m || !realDay(+m[1]!, +m[2]!, +m[3]!))
    throw filterInvalid(path, `expected a date YYYY-MM-DD for ${what}, like 2024-03-31, got ${quote(v)}`);
  return v as string;
}

/** A datetime operand: a whole day, a local time (in the compile time zone) or an instant with an offset. */
export type DateTimeValue = { kind: 'day'; value: string } | { kind: 'local'; value: string } | { kind: 'instant'; value: string };

export function isoDateTime(v: unknown, path: FilterPath, what: string): DateTimeValue {
  if (typeof v === 'string' && dayRe.test(v)) return { kind: 'day', value: isoDate(v, path, what) };
  const m = typeof v === 'string' ? dateTimeRe.exec(v) : null;
  const ok =
    m && realDay(+m[1]!, +m[2]!, +m[3]!) && +m[4]! <= 23 && +m[5]! <= 59 && +(m[6] ?? 0) <= 59 && +(m[8] ?? 0) <= 14 && +(m[9] ?? 0) <= 59;
  if (!ok)
    throw filterInvalid(
      path,
      `expected an ISO 8601 datetime for ${what}, like 2024-03-31T09:30:00Z, or a date YYYY-MM-DD for the whole day; got ${quote(v)}`,
    );
  return { kind: m[7] ? 'instant' : 'local', value: v as string };
}

export function relativeSpan(v: unknown, path: FilterPath, dateOnly: boolean): RelativeSpan {
  const r = v as Partial<RelativeSpan> | null;
  const shape = r && typeof r === 'object' && !Array.isArray(r) && Object.keys(r).every((k) => k === 'n' || k === 'unit');
  if (!shape || !timeUnits.includes(r.unit as RelativeSpan['unit']))
    throw filterInvalid(path, `expected a span like { "n": 30, "unit": "day" } with unit one of ${timeUnits.join(', ')}`);
  const unit = r.unit as RelativeSpan['unit'];
  if (dateOnly && (unit === 'minute' || unit === 'hour'))
    throw filterInvalid([...path, 'unit'], 'a date field has no time of day; use day, week, month or year');
  if (typeof r.n !== 'number' || !Number.isInteger(r.n) || r.n < 1 || r.n > maxSpan[unit])
    throw filterInvalid([...path, 'n'], `n must be a whole number from 1 to ${maxSpan[unit]} for unit ${unit}`);
  return { n: r.n, unit };
}
