import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/index.ts';
import type { AppError } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { compileFilter } from './compile-filter.ts';
import { compileSort, keysetAfter } from './compile-sort.ts';
import { isSortable } from './field-registry.ts';
import { openScratch, type Scratch } from './testing/harness.ts';
import { scratchRegistry } from './testing/scratch.ts';

let s: Scratch;
beforeAll(async () => {
  s = await openScratch();
  // several rows in the same millisecond: cursors must keep microseconds or pages repeat rows
  await s.db.db.execute(sql`update filter_scratch set seen_at = timestamptz '2024-05-05 10:00:00.123+00' + make_interval(secs => (ascii(right(id::text, 1)) % 4) / 1000000.0)
    where right(id::text, 2) < '20'`);
});
afterAll(async () => {
  await s?.close();
});

type Sort = { field: string; dir: 'asc' | 'desc' }[];
const ids = (r: { id: string }[]) => r.map((x) => x.id);

/** All ids in the sort's order, in one query. */
async function ordered(sort: Sort, where: SQL = sql`true`) {
  const cs = compileSort(sort, scratchRegistry);
  return ids(await rows<{ id: string }>(s.db.db, sql`select s.id from filter_scratch s where ${where} order by ${cs.orderBy}`));
}

/** The same rows fetched page by page through encoded cursors, as a list endpoint does. */
async function walk(sort: Sort, pageSize: number, where: SQL = sql`true`) {
  const cs = compileSort(sort, scratchRegistry);
  const out: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const after = cursor ? keysetAfter(cs, decodeCursor(cursor, cs.keys.length)!) : sql`true`;
    const page = await rows<{ id: string } & Record<string, unknown>>(
      s.db.db,
      sql`select s.id, ${cs.cursorSelect} from filter_scratch s where ${where} and ${after} order by ${cs.orderBy} limit ${pageSize + 1}`,
    );
    out.push(...ids(page.slice(0, pageSize)));
    if (page.length <= pageSize) return out;
    cursor = encodeCursor(cs.cursorOf(page[pageSize - 1]!));
  }
  throw new Error('pagination did not end');
}

describe('compileSort and keysetAfter', () => {
  const specs: Sort[] = [
    [{ field: 'name', dir: 'asc' }],
    [{ field: 'seen_at', dir: 'desc' }],
    [
      { field: 'active', dir: 'asc' },
      { field: 'score', dir: 'desc' },
      { field: 'name', dir: 'asc' },
    ],
    [
      { field: 'stage', dir: 'desc' },
      { field: 'born', dir: 'asc' },
    ],
    [
      { field: 'custom.budget', dir: 'desc' },
      { field: 'custom.met_at', dir: 'asc' },
    ],
    [
      { field: 'custom.tier', dir: 'asc' },
      { field: 'owner_id', dir: 'desc' },
      { field: 'amount', dir: 'asc' },
    ],
    [{ field: 'id', dir: 'desc' }],
  ];
  for (const sort of specs) {
    it(`walks every row exactly once sorting by ${sort.map((k) => `${k.field} ${k.dir}`).join(', ')}`, async () => {
      const all = await ordered(sort);
      expect(all).toHaveLength(s.typed.length);
      for (const size of [1, 7]) expect(await walk(sort, size)).toEqual(all);
    });
  }

  it('walks every row exactly once for random multi-column sorts under a filter', async () => {
    const sortable = [...scratchRegistry.fields.values()].filter(isSortable).map((f) => f.key);
    const sortArb = fc.uniqueArray(
      fc.record({ field: fc.constantFrom(...sortable), dir: fc.constantFrom('asc' as const, 'desc' as const) }),
      {
        minLength: 1,
        maxLength: 3,
        selector: (k) => k.field,
      },
    );
    const where = compileFilter(
      {
        or: [
          { field: 'name', op: 'is_not_empty' },
          { field: 'score', op: 'gt', value: 0 },
        ],
      },
      scratchRegistry,
    );
    await fc.assert(
      fc.asyncProperty(sortArb, fc.integer({ min: 3, max: 13 }), async (sort, size) => {
        const all = await ordered(sort, where);
        expect(new Set(all).size).toBe(all.length);
        expect(await walk(sort, size, where)).toEqual(all);
      }),
      { numRuns: 25 },
    );
  });

  it('sorts text case-insensitively, a select in option order, and empty values last both ways', async () => {
    const byId = new Map(s.data.rows.map((r) => [r.id, r]));
    const names = (await ordered([{ field: 'name', dir: 'asc' }])).map((id) => byId.get(id)!.name);
    expect(names.indexOf('alice') - names.indexOf('Alice')).toBeLessThanOrEqual(names.filter((n) => n?.toLowerCase() === 'alice').length);
    expect(names.slice(-names.filter((n) => n === null).length)).toEqual(names.filter((n) => n === null));
    for (const dir of ['asc', 'desc'] as const) {
      const stages = (await ordered([{ field: 'stage', dir }])).map((id) => byId.get(id)!.stage);
      const known = [...new Set(stages.filter((st) => st && st !== 'legacy'))];
      expect(known).toEqual(dir === 'asc' ? ['lead', 'qualified', 'won', 'lost'] : ['lost', 'won', 'qualified', 'lead']);
      expect(stages.slice(-1)[0] === null || stages.slice(-1)[0] === '' || stages.slice(-1)[0] === 'legacy').toBe(true);
    }
  });

  it('rejects unknown or unsortable fields as sort_invalid with the path of the key', () => {
    const err = (sort: Sort) => {
      try {
        compileSort(sort, scratchRegistry);
      } catch (e) {
        return e as AppError;
      }
    };
    expect(
      err([
        { field: 'name', dir: 'asc' },
        { field: 'nope', dir: 'asc' },
      ]),
    ).toMatchObject({ code: 'sort_invalid', details: { path: ['sort', 1, 'field'] } });
    expect(err([{ field: 'tags', dir: 'asc' }])).toMatchObject({ code: 'sort_invalid', details: { path: ['sort', 0, 'field'] } });
    expect(err([{ field: 'name', dir: 'up' as 'asc' }])).toMatchObject({ code: 'sort_invalid', details: { path: ['sort', 0, 'dir'] } });
  });

  it('rejects tampered cursors as validation_failed before any SQL runs', async () => {
    const cs = compileSort(
      [
        { field: 'score', dir: 'asc' },
        { field: 'born', dir: 'desc' },
        { field: 'seen_at', dir: 'asc' },
      ],
      scratchRegistry,
    );
    const id = s.typed[0]!.id as string;
    const bad: unknown[][] = [
      ['1', '2024-01-01', '2024-01-01T00:00:00.000000Z'],
      ['abc', null, null, id],
      ['1', '2024-02-30', null, id],
      ['1', null, '2024-01-01 00:00:00', id],
      ['1', null, null, null],
      [1, null, null, id],
      ['1', null, null, "x'; drop table filter_scratch; --"],
    ];
    for (const values of bad) {
      expect(() => keysetAfter(cs, values), JSON.stringify(values)).toThrow(
        expect.objectContaining({ code: 'validation_failed' }) as unknown as AppError,
      );
    }
    const good = keysetAfter(cs, ['-1.5', null, '2024-05-05T10:00:00.123001Z', id]);
    await expect(rows(s.db.db, sql`select s.id from filter_scratch s where ${good}`)).resolves.toBeInstanceOf(Array);
  });
});
