import type { FieldRegistry } from '../field-registry.ts';
import { type NoteRow, noteRegistry, type ScratchRow } from './scratch.ts';

// biome-ignore lint/suspicious/noExplicitAny: the reference walks already-validated JSON
type Loose = any;

/**
 * An independent JS model of the filter semantics, for checking compiled SQL against. Case folding comes from the
 * database (`fold`), because PostgreSQL's lower() and JavaScript's toLowerCase() differ on some letters (İ, ...).
 */
export type Typed = Record<string, unknown>;
export interface RefContext {
  fold: (s: string) => string;
  now: number;
  notesByParent: Map<string, Typed[]>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const numberRe = /^-?[0-9]{1,30}(\.[0-9]{1,30})?$/;
const dateRe = /^(\d{4})-(\d{2})-(\d{2})$/;
const stampRe = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:(\d{2})(\.\d{1,6})?)?(Z|([+-])(\d{2}):?(\d{2})?)$/;

function validDay(y: number, m: number, d: number) {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getUTCDate() === d;
}

/** Epoch ms of an ISO instant with an offset (the shapes the tests produce). */
export function instantMs(s: string): number | null {
  const m = stampRe.exec(s);
  if (!m || !validDay(+m[1]!, +m[2]!, +m[3]!) || +m[4]! > 23 || +m[5]! > 59 || +(m[7] ?? 0) > 59 || +(m[11] ?? 0) > 14) return null;
  const base = new Date(0);
  base.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  base.setUTCHours(+m[4]!, +m[5]!, +(m[7] ?? 0), Math.floor(Number(m[8] ?? 0) * 1000));
  const off = m[9] === 'Z' ? 0 : (m[10] === '-' ? -1 : 1) * (+m[11]! * 60 + +(m[12] ?? 0)) * 60_000;
  return base.getTime() - off;
}

/** Reads a stored custom value the way the SQL casts do: bad data is null. */
export function readCustom(type: string, raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  switch (type) {
    case 'number':
    case 'money':
      if (typeof raw === 'number') return raw;
      return typeof raw === 'string' && numberRe.test(raw) ? Number(raw) : null;
    case 'date': {
      const m = typeof raw === 'string' ? dateRe.exec(raw) : null;
      return m && validDay(+m[1]!, +m[2]!, +m[3]!) ? raw : null;
    }
    case 'datetime':
      return typeof raw === 'string' ? instantMs(raw) : null;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : null;
    case 'uuid':
      return typeof raw === 'string' && uuidRe.test(raw) ? raw.toLowerCase() : null;
    case 'multi_select':
    case 'tags':
      return Array.isArray(raw) ? raw.filter((x) => typeof x === 'string') : null;
    default:
      return typeof raw === 'string' ? raw : null;
  }
}

/** A scratch row as field key → typed value (dates as YYYY-MM-DD, datetimes as epoch ms). */
export function typedRow(r: ScratchRow, registry: FieldRegistry): Typed {
  const out: Typed = {};
  for (const f of registry.fields.values()) {
    if (f.key.startsWith('custom.')) out[f.key] = readCustom(f.type, r.custom[f.key.slice(7)]);
    else {
      const raw = (r as unknown as Record<string, unknown>)[f.key];
      out[f.key] = f.type === 'datetime' && typeof raw === 'string' ? Date.parse(raw) : raw;
    }
  }
  return out;
}
export const typedNote = (n: NoteRow): Typed => ({ ...n, at: n.at === null ? null : Date.parse(n.at) });

/** now - n units, with PostgreSQL's month arithmetic (the day clamps to the month's end) in UTC. */
export function minus(ms: number, n: number, unit: string): number {
  if (unit === 'minute') return ms - n * 60_000;
  if (unit === 'hour') return ms - n * HOUR;
  if (unit === 'day') return ms - n * DAY;
  if (unit === 'week') return ms - n * 7 * DAY;
  const months = unit === 'year' ? 12 * n : n;
  const d = new Date(ms);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() - months;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  const last = new Date(Date.UTC(2000, m + 1, 0)).getUTCDate() - (m === 1 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0);
  const out = new Date(ms);
  out.setUTCFullYear(y, m, Math.min(d.getUTCDate(), last));
  return out.getTime();
}

const dayMs = (s: string) => {
  const d = new Date(0);
  d.setUTCFullYear(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  return d.getTime();
};
const isoDay = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
};

/** Bounds [from, to) in ms for a datetime operand in UTC: a bare date is the whole day. */
function span(v: string): [number, number] {
  if (dateRe.test(v)) return [dayMs(v), dayMs(v) + DAY];
  const ms = instantMs(/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`)!;
  return [ms, ms + 0.5]; // an instant: from <= x < to means x == instant
}

/** Evaluates a (valid) filter node on a typed row. */
export function evaluate(node: Loose, row: Typed, reg: FieldRegistry, ctx: RefContext): boolean {
  if ('and' in node) return node.and.every((c: unknown) => evaluate(c, row, reg, ctx));
  if ('or' in node) return node.or.some((c: unknown) => evaluate(c, row, reg, ctx));
  if ('not' in node) return !evaluate(node.not, row, reg, ctx);
  if ('predicate' in node) return hasNote(node, row, ctx);
  const f = reg.fields.get(node.field)!;
  const x = row[f.key] as Loose;
  const v = node.value;
  const neg: Record<string, string> = { neq: 'eq', not_in: 'in', not_in_last: 'in_last', has_none: 'has_any', is_not_empty: 'is_empty' };
  if (neg[node.op]) return !evaluate({ ...node, op: neg[node.op] }, row, reg, ctx);
  const textual = ['text', 'long_text', 'url', 'email', 'phone'].includes(f.type);
  if (node.op === 'is_empty') {
    if (textual || f.type === 'select') return x === null || x === '';
    if (f.type === 'tags' || f.type === 'multi_select') return x === null || x.length === 0;
    return x === null;
  }
  if (x === null || x === undefined) return false;
  if (textual) {
    const fx = ctx.fold(x);
    if (node.op === 'eq') return fx === ctx.fold(v);
    if (node.op === 'in') return v.some((u: string) => ctx.fold(u) === fx);
    if (node.op === 'contains') return fx.includes(ctx.fold(v));
    return fx.startsWith(ctx.fold(v));
  }
  if (f.type === 'select' || f.type === 'boolean') return node.op === 'in' ? v.includes(x) : x === v;
  if (f.type === 'uuid') return node.op === 'in' ? v.some((u: string) => u.toLowerCase() === x) : x === v.toLowerCase();
  if (f.type === 'tags' || f.type === 'multi_select')
    return node.op === 'has_all' ? v.every((u: string) => x.includes(u)) : v.some((u: string) => x.includes(u));
  if (node.op === 'in_last') {
    if (f.type === 'date') {
      const today = isoDay(ctx.now);
      return x >= isoDay(minus(dayMs(today), v.n, v.unit)) && x <= today;
    }
    return x >= minus(ctx.now, v.n, v.unit) && x <= ctx.now;
  }
  if (f.type === 'datetime') {
    const lo = (s: string) => span(s)[0];
    const hi = (s: string) => span(s)[1];
    switch (node.op) {
      case 'eq':
        return x >= lo(v) && x < hi(v);
      case 'lt':
        return x < lo(v);
      case 'lte':
        return x < hi(v);
      case 'gt':
        return x >= hi(v);
      case 'gte':
        return x >= lo(v);
      default:
        return x >= lo(v[0]) && x < hi(v[1]);
    }
  }
  // numbers, money and YYYY-MM-DD dates compare with < and > directly
  switch (node.op) {
    case 'eq':
      return x === v;
    case 'lt':
      return x < v;
    case 'lte':
      return x <= v;
    case 'gt':
      return x > v;
    case 'gte':
      return x >= v;
    default:
      return x >= v[0] && x <= v[1];
  }
}

function hasNote(node: Loose, row: Typed, ctx: RefContext): boolean {
  const matches = (ctx.notesByParent.get(row.id as string) ?? []).filter(
    (n) =>
      (!node.kind || n.kind === node.kind) &&
      (!node.within || (n.at !== null && (n.at as number) >= minus(ctx.now, node.within.n, node.within.unit))) &&
      (node.where === undefined || evaluate(node.where, n, noteRegistry, ctx)),
  ).length;
  if (!node.count) return matches >= 1;
  const c = node.count.value;
  return { eq: matches === c, neq: matches !== c, lt: matches < c, lte: matches <= c, gt: matches > c, gte: matches >= c }[
    node.count.op as 'eq'
  ];
}
