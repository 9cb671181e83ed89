import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { type DuplicateReason, type PairCursor, pageDuplicatePairs } from './duplicate-pairs.ts';

/** The upper bound of a prefix range (byte order): every string starting with the prefix sorts below it. */
const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

/** Company names at least this similar (after dropping punctuation and legal forms) are reported. */
export const similarCompanyNameThreshold = 0.7;

/**
 * The registrable part of a domain, approximately: "eu.acme.co.uk" and "acme.com" both give "acme".
 * It drops the top-level domain and a common second level before it (co, com, org, …), without a full public suffix list.
 */
export const domainRoot = (d: SQL) =>
  sql`split_part(regexp_replace(${d}, '(\\.(co|com|org|net|gov|edu|ac|ltd|plc|or|ne|go))?\\.[a-z0-9-]+$', ''), '.', -1)`;

/** A company name for comparison: lower case, punctuation as spaces, without a trailing legal form ("Acme, Inc." → "acme"). */
export const comparableName = (n: SQL) =>
  sql`trim(regexp_replace(regexp_replace(lower(${n}), '[[:punct:]]+', ' ', 'g'), '\\s+(inc|llc|ltd|limited|gmbh|ag|sa|sas|srl|bv|nv|plc|corp|corporation|co|company|group|holding|holdings)\\s*$', ''))`;

const after = (c: PairCursor | null) => (c ? sql`and (x.block, x.a, x.b) > (${c.block}, ${c.a}::uuid, ${c.b}::uuid)` : sql``);

/** `col >= from` or `col > from`: the start of a window. */
const start = (col: SQL, from: string | null, exclusive: boolean) =>
  from === null ? sql`` : exclusive ? sql`and ${col} > ${from}` : sql`and ${col} >= ${from}`;

function reasons(ctx: Ctx, keep: (a: SQL, b: SQL) => SQL): DuplicateReason[] {
  const ws = ctx.workspaceId;
  const live = (alias: string) => sql`${sql.raw(alias)}.deleted_at is null and ${ownerVisibility(ctx, sql.raw(`${alias}.owner_id`))}`;
  const pairs = (inner: SQL, c: PairCursor | null, limit: number) =>
    sql`select distinct x.block, x.a, x.b, x.score from (${inner}) x where ${keep(sql`x.a`, sql`x.b`)} ${after(c)} order by x.block, x.a, x.b limit ${limit}`;
  const root = domainRoot(sql`co.domain`);
  const name = comparableName(sql`co.name`);
  // The regexps run once per company in a materialized CTE, not once per compared pair.
  const withRoot = (keys: string[]) => sql`with r as materialized (select * from (select co.id, ${root} as root from companies co
    where co.workspace_id = ${ws} and co.domain is not null and ${live('co')}) k where k.root in ${keys})`;
  // Only the companies of the blocks asked for, from the name index (block keys are name prefixes).
  const withName = (
    keys: string[],
  ) => sql`with n as materialized (select co.id, left(lower(co.name), 4) as block, ${name} as name from companies co
    where co.workspace_id = ${ws} and lower(co.name) >= ${keys[0]} and lower(co.name) < ${prefixEnd(keys[keys.length - 1]!)}
      and left(lower(co.name), 4) in ${keys} and ${live('co')})`;
  return [
    {
      reason: 'same_domain_root',
      // No index on the root: companies are far fewer than contacts, so one page reads them all.
      window: null,
      maxBlock: 500,
      keys: (from, ex) => sql`select k.key from (select ${root} as key from companies co
          where co.workspace_id = ${ws} and co.deleted_at is null and co.domain is not null) k where k.key <> '' ${start(sql`k.key`, from, ex)} order by k.key`,
      pairs: (keys, c, limit) =>
        pairs(
          sql`${withRoot(keys)} select a.root as block, a.id as a, b.id as b, 0.9::float8 as score
            from r a join r b on b.root = a.root and b.id > a.id`,
          c,
          limit,
        ),
    },
    {
      reason: 'similar_name',
      window: 20_000,
      maxBlock: 500,
      // Blocks are the first four letters of the name, read in name order from companies_ws_name_idx (a
      // typo in those four letters escapes this reason: the price of blocks small enough to compare).
      keys: (from, ex) => sql`select left(lower(co.name), 4) as key from companies co
          where co.workspace_id = ${ws} and co.deleted_at is null ${from === null ? sql`` : sql`and lower(co.name) >= ${ex ? prefixEnd(from) : from}`}
          order by lower(co.name)`,
      pairs: (keys, c, limit) =>
        pairs(
          sql`${withName(keys)} select * from (select a.block, a.id as a, b.id as b, similarity(a.name, b.name)::float8 as score
            from n a join n b on b.block = a.block and b.id > a.id) y where y.score >= ${similarCompanyNameThreshold}`,
          c,
          limit,
        ),
    },
  ];
}

/**
 * Pairs of live companies that may be the same: the same domain root (acme.com, acme.co.uk) or
 * similar names (≥ 0.7 after dropping legal forms). Both must be visible to the caller.
 */
export async function getDuplicateCompanies(ctx: Ctx, q: { limit: number; cursor?: string; keep?: (a: SQL, b: SQL) => SQL }) {
  const page = await pageDuplicatePairs(ctx, reasons(ctx, q.keep ?? (() => sql`true`)), q);
  const ids = [...new Set(page.items.flatMap((p) => p.ids))];
  const found = ids.length
    ? await rows<{ id: string; name: string; domain: string | null; owner_id: string | null; created_at: string }>(
        ctx.db,
        sql`select id, name, domain, owner_id, to_json(created_at) #>> '{}' as created_at from companies where workspace_id = ${ctx.workspaceId} and id in ${ids}`,
      )
    : [];
  const byId = new Map(
    found.map((r) => [r.id, { id: r.id, name: r.name, domain: r.domain, ownerId: r.owner_id, createdAt: new Date(r.created_at) }]),
  );
  return { nextCursor: page.nextCursor, items: page.items.map((p) => ({ ...p, records: p.ids.map((id) => byId.get(id)!) })) };
}
