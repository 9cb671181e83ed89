import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

/** Below this many live contacts a count is one statement. */
const defaultMinContacts = 100_000;
/** Contacts' blocks sampled to place the split points (about this many rows of the whole table). */
const sampleRows = 20_000;
const ttlMs = 10 * 60_000;
const splits = new Map<string, { at: number; bounds: string[] }>();

/** Tests only: a lower threshold or a fixed number of parts (PGlite has no parallel budget), not remembered. */
interface SplitOptions {
  minContacts?: number;
  parts?: number;
}

/**
 * Ids splitting a workspace's live contacts into about equal parts: PostgreSQL's parallel budget for one query
 * (`max_parallel_workers_per_gather` + the leader), placed by quantiles of a block sample of ~20,000 rows; none for
 * a small workspace. Kept ten minutes: the points only balance the parts, a stale point never changes a count.
 */
async function splitPoints(ctx: Ctx, opts: SplitOptions): Promise<string[]> {
  const hit = splits.get(ctx.workspaceId);
  const remembered = opts.minContacts === undefined && opts.parts === undefined;
  if (remembered && hit && Date.now() - hit.at < ttlMs) return hit.bounds;
  const minContacts = opts.minContacts ?? defaultMinContacts;
  const [table] = await rows<{ parts: number; tuples: number }>(
    ctx.db,
    sql`select current_setting('max_parallel_workers_per_gather')::int + 1 as parts, reltuples::float8 as tuples
        from pg_class where oid = 'contacts'::regclass`,
  );
  let bounds: string[] = [];
  const parts = Math.min(opts.parts ?? table?.parts ?? 1, 8);
  if (table && parts > 1 && table.tuples >= minContacts) {
    const percent = Math.min(100, (sampleRows / table.tuples) * 100);
    const fractions = Array.from({ length: parts - 1 }, (_, i) => (i + 1) / parts);
    const [sample] = await rows<{ n: number; bounds: string[] | null }>(
      ctx.db,
      sql`select count(*)::int as n, percentile_disc(${`{${fractions.join(',')}}`}::float8[]) within group (order by id)::text[] as bounds
          from contacts tablesample system (${percent}::float4) where workspace_id = ${ctx.workspaceId} and deleted_at is null`,
    );
    if (sample && (sample.n * 100) / percent >= minContacts) bounds = [...new Set(sample.bounds ?? [])];
  }
  if (!remembered) return bounds;
  if (splits.size > 10_000) splits.clear();
  splits.set(ctx.workspaceId, { at: Date.now(), bounds });
  return bounds;
}

/**
 * The number of the workspace's live contacts matching `where` (a condition over `contacts c`). A large workspace is
 * counted in id ranges side by side, one statement each: behaviour predicates are correlated subqueries, which keep
 * PostgreSQL from planning a parallel scan, so one statement would use one core whatever the server has.
 */
export async function countContacts(ctx: Ctx, where: SQL, opts: SplitOptions = {}): Promise<number> {
  const bounds = await splitPoints(ctx, opts);
  const scope = sql`c.workspace_id = ${ctx.workspaceId} and c.deleted_at is null and (${where})`;
  const ranges = [null, ...bounds].map((from, i) => {
    const to = bounds[i] ?? null;
    return sql`${from ? sql` and c.id >= ${from}::uuid` : sql``}${to ? sql` and c.id < ${to}::uuid` : sql``}`;
  });
  const counts = await Promise.all(
    ranges.map((range) => rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from contacts c where ${scope}${range}`)),
  );
  return counts.reduce((sum, [r]) => sum + (r?.n ?? 0), 0);
}

/** How many parts a count of the workspace's contacts runs in (tests). */
export const countParts = async (ctx: Ctx, opts: SplitOptions = {}) => (await splitPoints(ctx, opts)).length + 1;
