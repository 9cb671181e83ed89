import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../db/index.ts';
import { openTestDatabase } from '../testing/index.ts';
import { customFieldDefs } from './custom-fields.ts';
import { defineRegistry, withFields } from './field-registry.ts';
import { readCustom } from './testing/reference.ts';

const stored: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e300,
  -0.001,
  '',
  ' ',
  'abc',
  '1e5',
  '١٢٣',
  '-0',
  '00012',
  '.5',
  '5.',
  '1.2.3',
  'NaN',
  'infinity',
  '99999999999999999999999999999.99999',
  '9'.repeat(31),
  '2024-02-29',
  '2023-02-29',
  '2024-04-31',
  '2024-13-01',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '2024-03-01T10:00:00Z',
  '2024-03-01 10:00:00.123456+05:30',
  '2024-03-01T10:00:00-0800',
  '2024-03-01T24:00:00Z',
  '2024-03-01T10:00:00+14:59',
  '2024-03-01T10:00:00+15:00',
  '2024-03-01T10:00:00',
  '2024-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '0190A1B2-0000-7000-8000-00000000000A',
  '0190a1b2-0000-7000-8000-00000000000',
  'gold',
  {},
  { a: 1 },
  [],
  ['a', 1, null, 'b'],
  [['a']],
  "'; drop table x; --",
  'ünïcödé',
];
const types = [
  'text',
  'long_text',
  'url',
  'email',
  'phone',
  'select',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'uuid',
  'multi_select',
  'tags',
] as const;
const defs = customFieldDefs(
  types.map((type) => ({ key: `f_${type}`, type, options: type.endsWith('select') ? ['gold', 'a'] : undefined })),
  sql`t.custom`,
);

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  await db.db.execute(sql`create table cf_scratch (n int primary key, custom jsonb not null)`);
  const values = stored.map((v, i) => {
    const custom = Object.fromEntries(types.map((t) => [`f_${t}`, v]));
    return sql`(${i}, ${JSON.stringify(custom)}::jsonb)`;
  });
  values.push(
    sql`(${stored.length}, '{}'::jsonb)`,
    sql`(${stored.length + 1}, '[1, 2]'::jsonb)`,
    sql`(${stored.length + 2}, '"text"'::jsonb)`,
  );
  await db.db.execute(sql`insert into cf_scratch values ${sql.join(values, sql.raw(', '))}`);
});
afterAll(async () => {
  await db?.close();
});

/** A typed value as comparable JSON: numbers as numbers, datetimes as epoch ms. */
function selectable(type: string, expr: ReturnType<typeof sql>) {
  if (type === 'number' || type === 'money') return sql`(${expr})::float8`;
  if (type === 'datetime') return sql`floor(extract(epoch from ${expr}) * 1000)::float8`; // the reference keeps milliseconds
  if (type === 'date') return sql`to_char(${expr}, 'YYYY-MM-DD')`;
  if (type === 'uuid') return sql`(${expr})::text`;
  return expr;
}

describe('customFieldDefs', () => {
  it('reads every stored value with the type cast, and bad or mistyped data as NULL, never an error', async () => {
    for (const f of defs) {
      const got = await rows<{ n: number; v: unknown }>(
        db.db,
        sql`select t.n, ${selectable(f.type, f.sql)} as v from cf_scratch t order by t.n`,
      );
      const raw = [...stored, undefined, undefined, undefined];
      const expected = raw.map((v, n) => {
        const r = n === stored.length + 1 || n === stored.length + 2 ? undefined : v;
        const typed = readCustom(f.type, r);
        return { n, v: typed === null || typed === undefined ? null : typed === 0 ? 0 : typed }; // -0 reads back as 0
      });
      expect(
        got.map((r) => ({
          n: Number(r.n),
          v: typeof r.v === 'string' && (f.type === 'number' || f.type === 'money' || f.type === 'datetime') ? Number(r.v) : r.v,
        })),
        f.key,
      ).toEqual(expected);
    }
  });

  it('prefixes keys with custom. so they never shadow built-in fields', () => {
    const base = defineRegistry({
      entity: 'thing',
      fields: [{ key: 'budget', label: 'Budget', type: 'number', sql: sql`t.budget`, nullable: true }],
    });
    const reg = withFields(base, customFieldDefs([{ key: 'budget', type: 'number' }], sql`t.custom`));
    expect([...reg.fields.keys()]).toEqual(['budget', 'custom.budget']);
    expect([...base.fields.keys()]).toEqual(['budget']);
  });

  it('refuses keys that are not snake_case identifiers, since keys are embedded in SQL', () => {
    for (const key of ["a'b", 'A', '1a', 'a-b', '', 'a'.repeat(64), "x') or true --"])
      expect(() => customFieldDefs([{ key, type: 'text' }], sql`t.custom`), key).toThrow(/must match/);
  });
});
