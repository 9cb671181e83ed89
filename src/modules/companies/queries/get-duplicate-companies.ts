import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { type DuplicateReason, type PairCursor, pageDuplicatePairs } from './duplicate-pairs.ts';

/** Company names at least this similar (after dropping punctuation and legal forms) are reported. */
export const similarCompanyNameThreshold = 0.7;
const maxBlock = 1000;

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

function reasons(ctx: Ctx, keep: (a: SQL, b: SQL) => SQL): DuplicateReason[] {
  const ws = ctx.workspaceId;
  const live = (alias: string) => sql`${sql.raw(alias)}.deleted_at is null and ${ownerVisibility(ctx, sql.raw(`${alias}.owner_id`))}`;
  const pairs = (inner: SQL, c: PairCursor | null, limit: number) =>
    sql`select distinct x.block, x.a, x.b, x.score from (${inner}) x where ${keep(sql`x.a`, sql`x.b`)} ${after(c)} order by x.block, x.a, x.b limit ${limit}`;
  // Companies are far fewer than contacts: blocks come from one scan and sort of the workspace's companies.
  const root = domainRoot(sql`co.domain`);
  const name = comparableName(sql`co.name`);
  return [
    {
      reason: 'same_domain_root',
      blocks: (from, budget) =>
        sql`select k.block from (select ${root} as block from companies co where co.workspace_id = ${ws} and co.deleted_at is null and co.domain is not null) k
          where k.block <> '' ${from ? sql`and k.block >= ${from}` : sql``} group by k.block having count(*) between 2 and ${maxBlock} order by k.block limit ${budget}`,
      pairs: (keys, c, limit) =>
        pairs(
          sql`select a.root as block, a.id as a, b.id as b, 0.9::float8 as score
            from (select co.id, ${root} as root from companies co where co.workspace_id = ${ws} and co.domain is not null and ${live('co')}) a
            join (select co.id, ${root} as root from companies co where co.workspace_id = ${ws} and co.domain is not null and ${live('co')}) b
              on b.root = a.root and b.id > a.id
            where a.root in ${keys}`,
          c,
          limit,
        ),
    },
    {
      reason: 'similar_name',
      blocks: (from, budget) =>
        sql`select k.block from (select left(${name}, 3) as block from companies co where co.workspace_id = ${ws} and co.deleted_at is null) k
          where k.block <> '' ${from ? sql`and k.block >= ${from}` : sql``} group by k.block having count(*) between 2 and ${maxBlock} order by k.block limit ${budget}`,
      pairs: (keys, c, limit) =>
        pairs(
          sql`select * from (select left(a.name, 3) as block, a.id as a, b.id as b, similarity(a.name, b.name)::float8 as score
            from (select co.id, ${name} as name from companies co where co.workspace_id = ${ws} and ${live('co')}) a
            join (select co.id, ${name} as name from companies co where co.workspace_id = ${ws} and ${live('co')}) b
              on left(b.name, 3) = left(a.name, 3) and b.id > a.id
            where left(a.name, 3) in ${keys}) y where y.score >= ${similarCompanyNameThreshold}`,
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
