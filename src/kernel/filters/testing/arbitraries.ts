import fc from 'fast-check';
import { opsFor } from '../compile-condition.ts';
import type { FieldDef, FieldRegistry } from '../field-registry.ts';
import { badString } from '../values.ts';
import { noteRegistry, scratchData, scratchRegistry, U } from './scratch.ts';

/** fast-check generators of filter ASTs over the scratch registry: well-formed ones and single-fault corruptions. */
const hostile = [
  "'",
  "''",
  "'; drop table filter_scratch; --",
  '\\',
  '\\\\',
  '%',
  '_',
  '\\%',
  '%_%',
  '$1',
  '?',
  '"',
  '`',
  ';',
  '--',
  '/*',
  'é',
  'İ',
  'ß',
  '日本',
  '😀',
  'a_b',
  '100%',
  'alice',
  'ALI',
  "o'b",
  'ärg',
  ' ',
  '\n',
  '\t',
  'x%y',
  "E'\\x41'",
];
const usable = (s: string) => s.length > 0 && badString(s) === undefined;
export const textArb = fc
  .oneof(
    fc.constantFrom(...hostile),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
    fc.string({ unit: fc.constantFrom('%', '_', '\\', "'", 'a', 'A', 'é', 'É'), minLength: 1, maxLength: 4 }),
  )
  .map((s) => s.replaceAll('\u0000', ''))
  .filter(usable);

// Pieces of the stored strings with a character swapped for a LIKE wildcard or changed in case: these catch escaping bugs.
const stored = (() => {
  const d = scratchData(Date.now());
  const all = [...d.rows.flatMap((r) => [r.name, r.email, r.bio, r.custom.site]), ...d.notes.map((n) => n.body)];
  return [...new Set(all.filter((x): x is string => typeof x === 'string' && x.length > 0))];
})();
const nearDataArb = fc
  .tuple(fc.constantFrom(...stored), fc.nat(), fc.nat(), fc.constantFrom('', '_', '%', '\\', 'upper'))
  .map(([str, a, b, swap]) => {
    const chars = [...str];
    const from = a % chars.length;
    const piece = chars.slice(from, from + 1 + (b % (chars.length - from)));
    const k = b % piece.length;
    if (swap === 'upper') piece[k] = piece[k]!.toUpperCase();
    else if (swap) piece[k] = swap;
    return piece.join('');
  })
  .filter(usable);
const anyTextArb = fc.oneof(textArb, nearDataArb, nearDataArb);

const dayArb = fc.oneof(
  fc.constantFrom('2024-02-29', '1999-12-31', '2024-01-05', '0001-01-01', '9999-12-31'),
  fc.integer({ min: -5, max: 500 }).map((d) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10)),
  fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const instantArb = fc
  .tuple(
    fc.oneof(
      fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: -3000, max: 3000 }).map((h) => new Date(Date.now() + h * 3_600_000)),
      fc.constantFrom(new Date('2024-03-10T12:00:00.123Z'), new Date('2024-03-01T00:00:00Z')),
    ),
    fc.constantFrom('Z', 'local', '+02:00', '-05:30', '+14:00', '-0800'),
  )
  .map(([d, zone]) => {
    if (zone === 'Z') return d.toISOString();
    if (zone === 'local') return d.toISOString().slice(0, 19);
    const sign = zone.startsWith('-') ? -1 : 1;
    const minutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    return `${new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, 23)}${zone}`;
  });
const datetimeArb = fc.oneof(dayArb, instantArb);
const spanArb = (units: string[]) => fc.record({ n: fc.constantFrom(1, 2, 3, 7, 30, 90), unit: fc.constantFrom(...units) });
const uuidArb = fc.oneof(fc.constantFrom(...U, U[0].toUpperCase(), '0190a1b2-0000-7000-8000-000000000005'), fc.uuid());
const numberArb = fc.oneof(
  fc.constantFrom(0, 3, -1.5, 42, 250, 1e6, 0.25, 3.5, -0.5, 100),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer(),
);
const moneyArb = fc.oneof(
  fc.constantFrom(0, 1299, -500, 129900, 500, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  fc.integer({ min: -1e6, max: 1e6 }),
);

/** A valid operand for `op` on field `f`, or undefined for ops that take none. */
function valueArb(f: FieldDef, op: string): fc.Arbitrary<unknown> {
  if (op === 'is_empty' || op === 'is_not_empty') return fc.constant(undefined);
  const t = f.type;
  const list = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: 1, maxLength: 4 });
  if (t === 'select' || t === 'multi_select') {
    const opt = fc.constantFrom(...f.options!);
    return t === 'multi_select' || op.endsWith('in') ? list(opt) : opt;
  }
  if (t === 'tags') return list(fc.oneof(fc.constantFrom('vip', 'b2b', 'B2B', '100%', '日本', 'a_b', 'x'), textArb));
  if (t === 'uuid') return op.endsWith('in') ? list(uuidArb) : uuidArb;
  if (t === 'boolean') return fc.boolean();
  const scalar = t === 'number' ? numberArb : t === 'money' ? moneyArb : t === 'date' ? dayArb : t === 'datetime' ? datetimeArb : undefined;
  if (scalar) {
    if (op === 'between') return fc.tuple(scalar, scalar);
    if (op.endsWith('in_last'))
      return spanArb(t === 'date' ? ['day', 'week', 'month', 'year'] : ['minute', 'hour', 'day', 'week', 'month', 'year']);
    return scalar;
  }
  return op.endsWith('in') ? list(anyTextArb) : anyTextArb;
}

const textual = ['text', 'long_text', 'url', 'email', 'phone'];
/** A valid condition; text fields come up more often since case folding and LIKE escaping are the subtle parts. */
export const leafArb = (reg: FieldRegistry) =>
  fc.oneof(
    ...[...reg.fields.values()].map((f) => ({
      weight: textual.includes(f.type) ? 4 : 1,
      arbitrary: fc
        .constantFrom(...opsFor(f.type))
        .chain((op) => valueArb(f, op).map((value) => (value === undefined ? { field: f.key, op } : { field: f.key, op, value }))),
    })),
  );

const noteWhereArb = fc.oneof(
  leafArb(noteRegistry),
  fc.record({ or: fc.array(leafArb(noteRegistry), { maxLength: 3 }) }),
  fc.record({ not: leafArb(noteRegistry) }),
);
const predicateArb = fc.record(
  {
    predicate: fc.constant('has_note'),
    kind: fc.constantFrom('call', 'email', 'meeting'),
    where: noteWhereArb,
    count: fc.record({ op: fc.constantFrom('eq', 'neq', 'lt', 'lte', 'gt', 'gte'), value: fc.integer({ min: 0, max: 3 }) }),
    within: spanArb(['hour', 'day', 'week', 'month']),
  },
  { requiredKeys: ['predicate'] },
);

/** Well-formed ASTs over the scratch registry (depth ≤ 7, ≤ 150 nodes). */
export const validAstArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthIdentifier: 'filter' }, leafArb(scratchRegistry), predicateArb, tie('and'), tie('or'), tie('not')),
  and: fc.record({ and: fc.array(tie('node'), { maxLength: 4 }) }),
  or: fc.record({ or: fc.array(tie('node'), { maxLength: 4 }) }),
  not: fc.record({ not: tie('node') }),
})).node;

const ok = { field: 'name', op: 'eq', value: 'x' };
const nest = (n: number, inner: unknown): unknown => (n === 0 ? inner : { not: nest(n - 1, inner) });
/** A bad node and the path below it where the error must point (when the node is read against the scratch registry). */
export const corruptionArb: fc.Arbitrary<[unknown, (string | number)[]]> = fc.oneof(
  fc.constantFrom<[unknown, (string | number)[]]>(
    [42, []],
    [null, []],
    ['and', []],
    [[], []],
    [true, []],
    [{}, []],
    [{ and: 'x' }, ['and']],
    [{ and: [], or: [] }, []],
    [{ not: ok, extra: 1 }, ['extra']],
    [{ field: 'nope', op: 'eq', value: 1 }, ['field']],
    [{ field: 'score', op: 'contains', value: 'x' }, ['op']],
    [{ field: 'name', op: 'like', value: 'x' }, ['op']],
    [{ field: 'score', op: 'eq', value: '1' }, ['value']],
    [{ field: 'name', op: 'eq', value: 'x'.repeat(1001) }, ['value']],
    [{ field: 'name', op: 'contains', value: 'a\u0000b' }, ['value']],
    [{ field: 'name', op: 'in', value: Array(1001).fill('a') }, ['value']],
    [{ field: 'stage', op: 'eq', value: 'LEAD' }, ['value']],
    [nest(11, ok), []],
    [{ predicate: 'has_deal' }, ['predicate']],
    [{ predicate: 'has_note', count: { op: 'eq', value: -1 } }, ['count']],
    [{ predicate: 'has_note', where: { field: 'name', op: 'eq', value: 'x' } }, ['where', 'field']],
    [{ field: 'seen_at', op: 'in_last', value: { n: 1, unit: 'fortnight' } }, ['value']],
    [{ field: 'name', op: 'is_empty', value: 'x' }, ['value']],
    [{ field: 'name', op: 'eq' }, ['value']],
    [{ field: 'score', op: 'between', value: [1, 2, 3] }, ['value']],
    [JSON.parse('{"__proto__":{"x":1},"field":"name","op":"eq","value":"x"}'), ['__proto__']],
    [{ field: 'born', op: 'eq', value: '2023-02-29' }, ['value']],
    [{ field: 'amount', op: 'eq', value: 1.5 }, ['value']],
    [{ field: 'active', op: 'eq', value: 1 }, ['value']],
    [{ field: 'tags', op: 'has_any', value: [] }, ['value']],
    [{ field: 'name', op: 'eq', value: '\uDC00x' }, ['value']],
  ),
  textArb.map((s): [unknown, (string | number)[]] => [{ field: 'score', op: 'eq', value: s }, ['value']]),
  textArb
    .filter((s) => !scratchRegistry.fields.has(s))
    .map((s): [unknown, (string | number)[]] => [{ field: s, op: 'eq', value: 'x' }, ['field']]),
  textArb
    .filter((s) => !/^\d{4}-\d\d-\d\d/.test(s))
    .map((s): [unknown, (string | number)[]] => [{ field: 'seen_at', op: 'gte', value: s }, ['value']]),
);

/** Every node of an AST with its path; nodes under a predicate's where are read against another registry. */
export function nodePaths(
  node: unknown,
  path: (string | number)[] = [],
  inWhere = false,
  out: { path: (string | number)[]; inWhere: boolean }[] = [],
) {
  out.push({ path, inWhere });
  const n = node as Record<string, unknown>;
  if (Array.isArray(n.and)) for (const [i, c] of n.and.entries()) nodePaths(c, [...path, 'and', i], inWhere, out);
  else if (Array.isArray(n.or)) for (const [i, c] of n.or.entries()) nodePaths(c, [...path, 'or', i], inWhere, out);
  else if (n.not !== undefined) nodePaths(n.not, [...path, 'not'], inWhere, out);
  else if (n.predicate && n.where !== undefined) nodePaths(n.where, [...path, 'where'], true, out);
  return out;
}

/** A copy of `root` with the node at `path` replaced. */
export function replaceAt(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const seg of path.slice(0, -1)) at = at[seg] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = replacement;
  return copy;
}
