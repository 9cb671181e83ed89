import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsFor } from './compile-condition.ts';
import { compileFilter } from './compile-filter.ts';
import type { FieldDef } from './field-registry.ts';
import { openScratch, type Scratch } from './testing/harness.ts';
import { scratchRegistry, U } from './testing/scratch.ts';

let s: Scratch;
beforeAll(async () => {
  s = await openScratch();
});
afterAll(async () => {
  await s?.close();
});

const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
const texts = [
  'alice',
  'ALICE',
  'a',
  '%',
  '_',
  '\\',
  "'",
  "o'b",
  'ärger',
  'ÄRGER',
  'İstanbul',
  '日本',
  '😀',
  'straße',
  'σίσυφος',
  "'; drop table filter_scratch; --",
  'example.com',
  '100%',
  'a_b',
  'x%y_z',
  ' ',
  'spaced',
  '\n',
];
const spans = [
  { n: 1, unit: 'day' },
  { n: 7, unit: 'day' },
  { n: 3, unit: 'week' },
  { n: 1, unit: 'month' },
  { n: 2, unit: 'year' },
];

/** Operands worth trying for each op on a field: values present in the data, near misses and hostile text. */
function samples(f: FieldDef, op: string): unknown[] {
  if (op === 'is_empty' || op === 'is_not_empty') return [undefined];
  const t = f.type;
  if (t === 'select')
    return op.endsWith('in')
      ? [
          ['lead', 'won'],
          ['gold', 'bronze'],
        ].filter((l) => l.every((o) => f.options!.includes(o)))
      : [...f.options!];
  if (t === 'multi_select') return [['a'], ['a', 'b'], ['c']];
  if (t === 'tags') return [['vip'], ['vip', 'b2b'], ['B2B'], ['100%'], ['nope'], ['日本', 'a_b']];
  if (t === 'uuid') return op.endsWith('in') ? [[U[0], U[2]], [U[1].toUpperCase()]] : [U[0], U[0].toUpperCase(), U[1], s.typed[5]!.id];
  if (t === 'boolean') return [true, false];
  if (t === 'number' || t === 'money') {
    if (op === 'between')
      return t === 'money'
        ? [
            [0, 1299],
            [-500, -500],
            [1300, 0],
          ]
        : [
            [0, 100],
            [-2, 0.25],
            [100, 0],
          ];
    return t === 'money' ? [0, 1299, -500, 9007199254740991, 129900, 500] : [0, 3, -1.5, 42, 250, 1e6, 0.25, 3.5, -0.5];
  }
  if (t === 'date') {
    if (op === 'between')
      return [
        ['2000-01-01', day(0)],
        [day(5), day(1)],
        ['2024-02-29', '2024-02-29'],
      ];
    if (op.endsWith('in_last')) return spans;
    return ['2024-02-29', day(0), day(1), day(3), '1999-12-31', '2024-01-05', '0001-01-01', '9999-12-31'];
  }
  if (t === 'datetime') {
    if (op === 'between')
      return [
        ['2024-03-01', '2024-03-10'],
        ['2024-03-01T00:00:00Z', '2024-03-10T12:00:00.123Z'],
        ['2024-03-01T10:00', day(1)],
      ];
    if (op.endsWith('in_last')) return [...spans, { n: 1, unit: 'hour' }, { n: 30, unit: 'minute' }, { n: 90, unit: 'minute' }];
    return [
      '2024-03-10',
      '2024-03-10T12:00:00.123Z',
      '2024-03-10T14:00:00.123+02:00',
      '2024-03-10T12:00:00.123',
      '2024-03-01',
      '2024-02-29',
      '2024-03-01T10:00:00+02:00',
      '2024-03-01T08:00:00Z',
      day(0),
      day(-2),
    ];
  }
  return op.endsWith('in') ? [['alice', 'bob'], ['ärger', '%', "o'brien"], ['A@EXAMPLE.com']] : texts;
}

describe('compileFilter against the JS reference', () => {
  for (const f of scratchRegistry.fields.values()) {
    it(`agrees with the reference for every op on the ${f.type} field ${f.key}`, async () => {
      let nonTrivial = 0;
      for (const op of opsFor(f.type)) {
        for (const value of samples(f, op)) {
          const ast = value === undefined ? { field: f.key, op } : { field: f.key, op, value };
          const got = await s.actual(ast);
          expect(got, JSON.stringify(ast)).toEqual(await s.expected(ast));
          if (got.length > 0 && got.length < s.typed.length) nonTrivial++;
        }
      }
      expect(nonTrivial).toBeGreaterThan(0);
    });
  }

  it('agrees with the reference on and, or, not and predicates with nested where', async () => {
    const asts = [
      {
        and: [
          { field: 'name', op: 'contains', value: 'a' },
          {
            or: [
              { field: 'score', op: 'gt', value: 3 },
              { field: 'active', op: 'eq', value: true },
            ],
          },
        ],
      },
      {
        not: {
          or: [
            { field: 'email', op: 'is_empty' },
            { field: 'tags', op: 'has_any', value: ['vip'] },
          ],
        },
      },
      { and: [] },
      { or: [] },
      { predicate: 'has_note' },
      { predicate: 'has_note', kind: 'call', within: { n: 7, unit: 'day' } },
      { predicate: 'has_note', where: { field: 'body', op: 'contains', value: '%' }, count: { op: 'gte', value: 1 } },
      { predicate: 'has_note', count: { op: 'eq', value: 0 } },
      {
        not: {
          predicate: 'has_note',
          where: {
            or: [
              { field: 'kind', op: 'eq', value: 'email' },
              { field: 'at', op: 'in_last', value: { n: 1, unit: 'day' } },
            ],
          },
        },
      },
    ];
    for (const ast of asts) expect(await s.actual(ast), JSON.stringify(ast)).toEqual(await s.expected(ast));
  });
});

describe('compileFilter semantics (checked by hand)', () => {
  const names = async (ast: unknown) => {
    const ids = new Set(await s.actual(ast));
    return [...new Set(s.data.rows.filter((r) => ids.has(r.id)).map((r) => r.name))].sort();
  };

  it('matches LIKE wildcards in user text literally', async () => {
    expect(await names({ field: 'name', op: 'contains', value: '%' })).toEqual(['100% sure', 'x%y_z']);
    expect(await names({ field: 'name', op: 'contains', value: '_' })).toEqual(["'; drop table filter_scratch; --", 'a_b', 'x%y_z']);
    expect(await names({ field: 'name', op: 'contains', value: '\\' })).toEqual(['a\\b']);
    expect(await names({ field: 'name', op: 'starts_with', value: "'; drop" })).toEqual(["'; drop table filter_scratch; --"]);
  });

  it('compares text case-insensitively, including non-ASCII letters', async () => {
    expect(await names({ field: 'name', op: 'eq', value: 'ALICE' })).toEqual(['Alice', 'alice']);
    expect(await names({ field: 'name', op: 'eq', value: 'ÄRGER' })).toEqual(['Ärger', 'ärger']);
    expect(await names({ field: 'name', op: 'in', value: ['bob', "o'brien"] })).toEqual(['Bob', "O'Brien"]);
  });

  it('treats NULL and the empty string as empty, and negative ops as the exact complement', async () => {
    expect(await names({ field: 'name', op: 'is_empty' })).toEqual(['', null].sort());
    const all = s.typed.length;
    const eq = await s.actual({ field: 'name', op: 'eq', value: 'bob' });
    const neq = await s.actual({ field: 'name', op: 'neq', value: 'bob' });
    expect(eq.length + neq.length).toBe(all);
    expect(await s.actual({ not: { field: 'name', op: 'eq', value: 'bob' } })).toEqual(neq);
  });

  it('reads custom fields with safe casts: bad stored data is empty, never an error', async () => {
    const budgets = async (ast: unknown) => {
      const ids = new Set(await s.actual(ast));
      return [...new Set(s.data.rows.filter((r) => ids.has(r.id)).map((r) => String(JSON.stringify(r.custom.budget))))].sort();
    };
    expect(await budgets({ field: 'custom.budget', op: 'gt', value: 200 })).toEqual(['"250"']);
    expect(await budgets({ field: 'custom.budget', op: 'is_empty' })).toEqual(
      ['"1.2.3"', '"99999999999999999999999999999999999"', '"abc"', 'null', 'true', '{"x":1}', undefined].map(String).sort(),
    );
  });

  it('reads a bare date on a datetime field as that whole day in the given time zone', async () => {
    const rowsOn = async (value: string, timeZone: string) => {
      const ids = new Set(await s.actual({ field: 'seen_at', op: 'eq', value }, { timeZone }));
      return [...new Set(s.data.rows.filter((r) => ids.has(r.id)).map((r) => r.seen_at))].sort();
    };
    expect(await rowsOn('2024-03-01', 'UTC')).toEqual(['2024-03-01T00:00:00.000Z']);
    expect(await rowsOn('2024-03-01', 'America/New_York')).toEqual([]);
    expect(await rowsOn('2024-02-29', 'America/New_York')).toEqual(['2024-03-01T00:00:00.000Z']);
    expect(await rowsOn('2024-03-10', 'Asia/Tokyo')).toEqual(['2024-03-10T12:00:00.123Z']);
  });

  it('sends every value as a parameter, never as SQL text', async () => {
    const { PgDialect } = await import('drizzle-orm/pg-core');
    const hostile = "x'); drop table filter_scratch; --\\%_";
    const q = new PgDialect().sqlToQuery(
      compileFilter(
        {
          or: [
            { field: 'name', op: 'contains', value: hostile },
            { field: 'tags', op: 'has_all', value: [hostile] },
            { field: 'custom.site', op: 'in', value: [hostile] },
          ],
        },
        scratchRegistry,
      ),
    );
    expect(q.sql).not.toContain('drop table');
    expect(q.params).toContain(`%${hostile.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    expect(q.params).toContainEqual([hostile]);
    expect(await s.actual({ field: 'name', op: 'contains', value: hostile })).toEqual([]);
  });
});
