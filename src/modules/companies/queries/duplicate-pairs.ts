import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { decodeCursor, encodeCursor } from '../../../kernel/http/index.ts';

/** The last possible uuid: in a cursor, "after every pair of this block". */
export const lastUuid = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** Where a page resumes inside one reason: after the pair (a, b) of this block. */
export interface PairCursor {
  block: string;
  a: string;
  b: string;
}

/**
 * One reason two records may be the same. Records are compared only within a block (same phone,
 * same company, same name…). Blocks come from a window of the records in block-key order, read
 * from an index where one exists, so a page reads a bounded number of rows and compares a bounded
 * number of pairs: no request compares every record with every other.
 */
export interface DuplicateReason {
  reason: string;
  /** One row per record: `key` (the block), in key order, from `from` on (after it when `exclusive`). */
  keys(from: string | null, exclusive: boolean): SQL;
  /** Rows read per page, more than maxBlock (null: the whole table at once, for small tables without an index on the key). */
  window: number | null;
  /** Larger blocks are skipped (a switchboard number shared by a hundred people is not a duplicate). */
  maxBlock: number;
  /** Candidate pairs (block text, a uuid, b uuid with a < b, score float8) in these blocks, after `after`, ordered by (block, a, b). */
  pairs(blocks: string[], after: PairCursor | null, limit: number): SQL;
}

export interface DuplicatePair {
  reason: string;
  /** 0–1: how sure the match is (1 for the same phone, the trigram similarity for names). */
  score: number;
  ids: [string, string];
}

/** Pairs compared per page at most (a block of n records counts n(n-1)/2); one block always fits. */
export const comparisonBudget = 50_000;

interface WindowRow {
  block: string | null;
  n: number;
  ord: number;
  last: string | null;
}

/** The blocks of the next window: those with 2..maxBlock records, how many rows were read and the last key. */
async function nextWindow(ctx: Ctx, reason: DuplicateReason, from: string | null, exclusive: boolean) {
  const limit = reason.window === null ? sql`` : sql`limit ${reason.window}`;
  const found = await rows<WindowRow>(
    ctx.db,
    // ord keeps the database's key order (its collation), which the cursor and the pairs query follow.
    sql`with w as (${reason.keys(from, exclusive)} ${limit}), g as (select key, count(*)::int as n, row_number() over (order by key) as ord from w group by key)
        select key::text as block, n, ord, null::text as last from g where n between 2 and ${reason.maxBlock}
        union all select null, (select count(*)::int from w), 0, (select max(key)::text from w)`,
  );
  const summary = found.find((r) => r.block === null)!;
  const blocks = found
    .filter((r) => r.block !== null)
    .sort((x, y) => Number(x.ord) - Number(y.ord))
    .map((r) => ({ block: r.block!, n: Number(r.n) }));
  return { blocks, full: reason.window !== null && Number(summary.n) >= reason.window, last: summary.last };
}

/** Windows one page reads at most (over all reasons): with few duplicates a page ends short rather than slow. */
export const windowsPerPage = 5;

type Position = { r: number; block: string | null; exclusive: boolean; after: PairCursor | null };

/**
 * A keyset page of duplicate pairs over several reasons, in reason order, then block, then ids.
 * A page may hold fewer than `limit` pairs while nextCursor is set: it stopped at its read or
 * comparison budget. Cursor: [reason, block, a, b]; a = '' starts at the block, a = lastUuid after it.
 */
export async function pageDuplicatePairs(ctx: Ctx, reasons: DuplicateReason[], q: { limit: number; cursor?: string; budget?: number }) {
  const c = decodeCursor(q.cursor, 4) as [number, string, string, string] | undefined;
  if (c && (typeof c[0] !== 'number' || !reasons[c[0]] || c.slice(1).some((v) => typeof v !== 'string')))
    throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
  const encode = (p: Position) =>
    encodeCursor([
      p.r,
      p.block ?? '',
      p.after ? p.after.a : p.exclusive ? lastUuid : '',
      p.after ? p.after.b : p.exclusive ? lastUuid : '',
    ]);
  let pos: Position = c
    ? {
        r: c[0],
        block: c[1] || null,
        exclusive: c[2] === lastUuid,
        after: c[2] && c[2] !== lastUuid ? { block: c[1], a: c[2], b: c[3] } : null,
      }
    : { r: 0, block: null, exclusive: false, after: null };
  const items: DuplicatePair[] = [];
  for (let windows = 0; pos.r < reasons.length; windows++) {
    if (items.length >= q.limit || windows >= windowsPerPage) return { items, nextCursor: encode(pos) };
    const reason = reasons[pos.r]!;
    const win = await nextWindow(ctx, reason, pos.block, pos.exclusive);
    let blocks = win.blocks;
    // Where the next window starts; null: this reason is done.
    let next: Position | null = null;
    if (win.full && win.last !== null) {
      // The last key may continue past the window: it is read whole by the next one. A key that fills a
      // window alone has more records than maxBlock (window > maxBlock), so the next window skips it.
      blocks = blocks.filter((b) => b.block !== win.last);
      next = { r: pos.r, block: win.last, exclusive: win.last === pos.block, after: null };
    }
    let budget = q.budget ?? comparisonBudget;
    const chosen = blocks.filter((b, i) => {
      budget -= (b.n * (b.n - 1)) / 2;
      return i === 0 || budget >= 0;
    });
    if (chosen.length < blocks.length) next = { r: pos.r, block: blocks[chosen.length]!.block, exclusive: false, after: null };
    const need = q.limit - items.length;
    const found = chosen.length
      ? await rows<{ block: string; a: string; b: string; score: number | string }>(
          ctx.db,
          reason.pairs(
            chosen.map((b) => b.block),
            pos.after,
            need + 1,
          ),
        )
      : [];
    const take = found.slice(0, need);
    items.push(
      ...take.map((p) => ({
        reason: reason.reason,
        score: Math.round(Number(p.score) * 1000) / 1000,
        ids: [p.a, p.b] as [string, string],
      })),
    );
    const last = take[take.length - 1];
    if (found.length > need && last)
      return {
        items,
        nextCursor: encode({
          r: pos.r,
          block: String(last.block),
          exclusive: false,
          after: { block: String(last.block), a: last.a, b: last.b },
        }),
      };
    pos = next ?? { r: pos.r + 1, block: null, exclusive: false, after: null };
  }
  return { items, nextCursor: null };
}
