import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { pageRows, rows } from '../../../kernel/db/index.ts';
import {
  compileFilter,
  compileSort,
  type FieldRegistry,
  type FilterPath,
  keysetAfter,
  type SortSpec,
} from '../../../kernel/filters/index.ts';
import { decodeCursor, encodeCursor } from '../../../kernel/http/index.ts';

/** Exact counts stop here; above it the planner's estimate is returned, labelled exact: false. */
export const exactCountLimit = 10_000;

export interface ListRequest {
  filter?: unknown;
  sort?: SortSpec;
  limit: number;
  cursor?: string;
  /** false skips the count (total: null): pages after the first, and screens that fetch the count on its own. */
  withTotal?: boolean;
}

export interface ListSpec {
  /** Table and the alias the registry's SQL uses. */
  from: SQL;
  registry: FieldRegistry;
  /** The scope every row must be in: workspace, not deleted, visible to the caller. */
  scope: SQL;
  defaultSort: SortSpec;
  /** Where filter and sort sit in the request, for error paths. */
  paths: { filter: FilterPath; sort: FilterPath };
}

export interface Total {
  value: number;
  exact: boolean;
}

/** A timestamptz as the drivers return it from raw SQL under drizzle ("2024-05-01 09:30:00.123+00") to a Date. */
const toDate = (v: unknown) => (typeof v === 'string' ? new Date(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')) : v);

/** snake_case keys of a raw row to camelCase (rows from `select alias.*`), with `*_at` timestamps as Dates. */
export function camelize(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), k.endsWith('_at') ? toDate(v) : v]),
  );
}

/**
 * One keyset page of a filtered, multi-column-sorted list, plus the total: exact up to 10,000
 * (count over a LIMIT 10001 subquery, so a huge table costs at most that many rows), estimated
 * from EXPLAIN's row count above. Filters compile against the registry, so bad ones are 400s.
 */
export async function listRecords(ctx: Ctx, spec: ListSpec, req: ListRequest) {
  const cond = await matching(ctx, spec, req.filter);
  const sort = compileSort(req.sort?.length ? req.sort : spec.defaultSort, spec.registry, spec.paths.sort);
  const after = req.cursor ? keysetAfter(sort, decodeCursor(req.cursor, sort.keys.length)!) : sql`true`;
  const page = pageRows<Record<string, unknown>>(
    ctx.db,
    sql`select *, ${sort.cursorSelect} from ${spec.from} where ${cond} and ${after} order by ${sort.orderBy} limit ${req.limit + 1}`,
  );
  // On a pool the count runs beside the page, so the caller waits for the slower of the two, not both.
  const [fetched, total] = await Promise.all([page, req.withTotal === false ? null : countRows(ctx, spec.from, cond)]);
  const items = fetched.slice(0, req.limit);
  const nextCursor = fetched.length > req.limit ? encodeCursor(sort.cursorOf(items[items.length - 1]!)) : null;
  return { rows: items, nextCursor, total };
}

/** The total of a filtered list alone (exact up to 10,000, else estimated), for screens that show rows first. */
export async function countRecords(ctx: Ctx, spec: ListSpec, filter: unknown): Promise<Total> {
  return countRows(ctx, spec.from, await matching(ctx, spec, filter));
}

/** The scope and the compiled filter (in the workspace's time zone); bad filters are 400s with their path. */
async function matching(ctx: Ctx, spec: ListSpec, filter: unknown): Promise<SQL> {
  if (filter === undefined || filter === null) return sql`${spec.scope} and true`;
  const [ws] = await rows<{ timezone: string }>(ctx.db, sql`select timezone from workspaces where id = ${ctx.workspaceId}`);
  const where = compileFilter(filter, spec.registry, { path: spec.paths.filter, timeZone: ws?.timezone ?? 'UTC' });
  return sql`${spec.scope} and (${where})`;
}

/**
 * Exact count up to the limit, else the planner's estimate (never below the limit it exceeded). When the planner
 * expects far more matches than the limit (5×), its estimate is returned at once: counting 10,001 rows of a broad
 * filter cost hundreds of milliseconds at 1M contacts, only to be replaced by the same estimate.
 */
export async function countRows(ctx: Ctx, from: SQL, cond: SQL): Promise<Total> {
  const estimate = await plannedRows(ctx, from, cond);
  if (estimate > exactCountLimit * 5) return { value: estimate, exact: false };
  const [c] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from (select 1 from ${from} where ${cond} limit ${exactCountLimit + 1}) x`,
  );
  const n = c?.n ?? 0;
  if (n <= exactCountLimit) return { value: n, exact: true };
  return { value: Math.max(estimate, exactCountLimit + 1), exact: false };
}

/** EXPLAIN's row estimate for the matches. */
async function plannedRows(ctx: Ctx, from: SQL, cond: SQL): Promise<number> {
  const [plan] = await rows<Record<string, unknown>>(ctx.db, sql`explain (format json) select 1 from ${from} where ${cond}`);
  const raw = plan ? Object.values(plan)[0] : undefined;
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return Math.round(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
}
