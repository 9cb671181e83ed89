import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { newId } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { type DuplicateReason, type PairCursor, pageDuplicatePairs } from './duplicate-pairs.ts';

let t: TestPlatform;
let ws: TestWorkspace;
const groups = { alpha: 2, beta: 3, gamma: 1, delta: 2, huge: 6, omega: 2 };

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  for (const [name, n] of Object.entries(groups))
    for (let i = 0; i < n; i++)
      await t.database.db.execute(
        sql`insert into companies (id, workspace_id, name, industry) values (${newId()}, ${ws.workspaceId}, ${`${name} ${i}`}, ${name})`,
      );
});
afterAll(() => t.close());

/** Companies of one industry as a block: a real table read through the pager with tiny windows and budgets. */
const byIndustry = (window: number | null, maxBlock: number): DuplicateReason => ({
  reason: 'same_industry',
  window,
  maxBlock,
  keys: (from, exclusive) => sql`select industry as key from companies where workspace_id = ${ws.workspaceId}
    ${from === null ? sql`` : exclusive ? sql`and industry > ${from}` : sql`and industry >= ${from}`} order by industry`,
  pairs: (
    blocks: string[],
    after: PairCursor | null,
    limit: number,
  ): SQL => sql`select a.industry as block, a.id as a, b.id as b, 1.0::float8 as score
    from companies a join companies b on b.workspace_id = a.workspace_id and b.industry = a.industry and b.id > a.id
    where a.workspace_id = ${ws.workspaceId} and a.industry in ${blocks}
      ${after ? sql`and (a.industry, a.id, b.id) > (${after.block}, ${after.a}::uuid, ${after.b}::uuid)` : sql``}
    order by 1, 2, 3 limit ${limit}`,
});

async function everything(reason: DuplicateReason, limit: number, budget?: number) {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const r = await pageDuplicatePairs(ws.admin.ctx, [reason], { limit, cursor, budget });
    out.push(...r.items.map((p) => p.ids.join(',')));
    if (!r.nextCursor) return out;
    cursor = r.nextCursor;
  }
  throw new Error('the pages never ended');
}

describe('paging duplicate pairs by blocks', () => {
  it('finds the same pairs whatever the window, budget and page size, and skips blocks above the maximum', async () => {
    const all = await everything(byIndustry(null, 3), 100);
    // alpha 1 + beta 3 + delta 1 + omega 1; huge (6 records) is over maxBlock, gamma has one record.
    expect(all).toHaveLength(6);
    for (const window of [4, 5, 7])
      for (const budget of [1, 3, 100])
        for (const limit of [1, 2, 50])
          expect(await everything(byIndustry(window, 3), limit, budget), `window ${window} budget ${budget} limit ${limit}`).toEqual(all);
  });

  it('refuses a cursor that is not one of its own', async () => {
    const bad = pageDuplicatePairs(ws.admin.ctx, [byIndustry(null, 3)], {
      limit: 5,
      cursor: Buffer.from('[7,"x","",""]').toString('base64url'),
    });
    await expect(bad).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
