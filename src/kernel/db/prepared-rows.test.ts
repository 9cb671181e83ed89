import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/index.ts';
import type { Database } from './index.ts';
import { preparedRows } from './index.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('preparedRows', () => {
  it('passes values unchanged, quotes, backslashes and SQL in them included, on every call of the prepared text', async () => {
    const text = 'select $1::text as a, $2::int as b, $3::text as c';
    const values = [
      ["it's", 1, null],
      ["'); drop table jobs; --", 2, "back\\slash \\' E'x'"],
      ['ünïcödé $1 $$ "quoted"', 3, '\n\t'],
    ] as const;
    for (const v of values) {
      const [r] = await preparedRows<{ a: string; b: number; c: string | null }>(database.db, 'test_prepared_echo', text, [...v]);
      expect(r).toEqual({ a: v[0], b: v[1], c: v[2] });
    }
    const [still] = await preparedRows<{ n: string }>(
      database.db,
      'test_prepared_jobs',
      'select count(*) as n from jobs where $1::text is not null',
      ['x'],
    );
    expect(Number(still!.n)).toBeGreaterThanOrEqual(0); // the table is still there
  });
});
