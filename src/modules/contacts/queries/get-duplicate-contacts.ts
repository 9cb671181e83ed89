import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { type DuplicateReason, pageDuplicatePairs } from '../../companies/index.ts';
import { ownerVisibility } from '../../identity/index.ts';

export interface DuplicateQuery {
  limit: number;
  cursor?: string;
  /** A condition on a pair (a < b) that keeps it, e.g. "not dismissed"; every pair when left out. */
  keep?: (a: SQL, b: SQL) => SQL;
}

/** A contact as a duplicate report shows it. */
export interface DuplicateContactSummary {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  companyId: string | null;
  ownerId: string | null;
  createdAt: Date;
}

/** Names at one company at least this similar (pg_trgm similarity) are reported. */
export const similarNameThreshold = 0.6;
/** Records read per page and reason (one index range scan). */
const window = 20_000;

const after = (c: { block: string; a: string; b: string } | null) =>
  c ? sql`and (x.block, x.a, x.b) > (${c.block}, ${c.a}::uuid, ${c.b}::uuid)` : sql``;
/** `col >= from` or `col > from`: the start of a window (cast for uuid columns). */
const start = (col: SQL, from: string | null, exclusive: boolean, cast = sql``) =>
  from === null ? sql`` : exclusive ? sql`and ${col} > ${from}${cast}` : sql`and ${col} >= ${from}${cast}`;

function reasons(ctx: Ctx, keep: (a: SQL, b: SQL) => SQL): DuplicateReason[] {
  const ws = ctx.workspaceId;
  const live = (alias: string) => sql`${sql.raw(alias)}.deleted_at is null and ${ownerVisibility(ctx, sql.raw(`${alias}.owner_id`))}`;
  const pairs = (inner: SQL, c: { block: string; a: string; b: string } | null, limit: number) =>
    sql`select distinct x.block, x.a, x.b, x.score from (${inner}) x where ${keep(sql`x.a`, sql`x.b`)} ${after(c)}
      order by x.block, x.a, x.b limit ${limit}`;
  return [
    {
      reason: 'same_phone',
      window,
      // A number shared by more contacts is a switchboard, not a duplicate.
      maxBlock: 50,
      keys: (from, ex) =>
        sql`select p.phone as key from contact_phones p where p.workspace_id = ${ws} ${start(sql`p.phone`, from, ex)} order by p.phone`,
      pairs: (keys, c, limit) =>
        pairs(
          sql`select p1.phone as block, a.id as a, b.id as b, 1.0::float8 as score
            from contact_phones p1 join contact_phones p2 on p2.workspace_id = p1.workspace_id and p2.phone = p1.phone and p2.contact_id > p1.contact_id
            join contacts a on a.workspace_id = p1.workspace_id and a.id = p1.contact_id and ${live('a')}
            join contacts b on b.workspace_id = p2.workspace_id and b.id = p2.contact_id and ${live('b')}
            where p1.workspace_id = ${ws} and p1.phone in ${keys}`,
          c,
          limit,
        ),
    },
    {
      reason: 'similar_name_same_company',
      window,
      maxBlock: 500,
      keys: (from, ex) => sql`select c.company_id::text as key from contacts c
        where c.workspace_id = ${ws} and c.company_id is not null ${start(sql`c.company_id`, from, ex, sql`::uuid`)} and c.deleted_at is null
        order by c.company_id`,
      // Two passes (same first two letters, same last three) keep the comparisons inside small
      // sub-blocks of a company; a typo usually leaves one end of the name intact.
      pairs: (keys, c, limit) => {
        const pass = (key: (n: SQL) => SQL) => sql`select a.company_id::text as block, a.id as a, b.id as b,
            similarity(lower(a.display_name), lower(b.display_name))::float8 as score
          from contacts a join contacts b on b.workspace_id = a.workspace_id and b.company_id = a.company_id and b.id > a.id
            and ${key(sql`lower(b.display_name)`)} = ${key(sql`lower(a.display_name)`)}
          where a.workspace_id = ${ws} and a.company_id in ${keys.map((k) => sql`${k}::uuid`)} and ${live('a')} and ${live('b')}`;
        return pairs(
          sql`select * from (${pass((n) => sql`left(${n}, 2)`)} union ${pass((n) => sql`right(${n}, 3)`)}) y where y.score >= ${similarNameThreshold}`,
          c,
          limit,
        );
      },
    },
    {
      reason: 'same_name_email_local_part',
      window,
      maxBlock: 500,
      keys: (from, ex) => sql`select lower(c.display_name) as key from contacts c
        where c.workspace_id = ${ws} ${start(sql`lower(c.display_name)`, from, ex)} and c.deleted_at is null order by lower(c.display_name)`,
      pairs: (keys, c, limit) =>
        pairs(
          sql`select lower(a.display_name) as block, a.id as a, b.id as b, 0.8::float8 as score
            from contacts a join contacts b on b.workspace_id = a.workspace_id and lower(b.display_name) = lower(a.display_name) and b.id > a.id
            join contact_emails ea on ea.workspace_id = a.workspace_id and ea.contact_id = a.id
            join contact_emails eb on eb.workspace_id = b.workspace_id and eb.contact_id = b.id
              and split_part(eb.email, '@', 1) = split_part(ea.email, '@', 1) and split_part(eb.email, '@', 2) <> split_part(ea.email, '@', 2)
            where a.workspace_id = ${ws} and lower(a.display_name) in ${keys} and ${live('a')} and ${live('b')}`,
          c,
          limit,
        ),
    },
  ];
}

/**
 * Pairs of live contacts that may be the same person: the same phone, similar names (trigram
 * similarity ≥ 0.6) at the same company, or the same name with the same email local part at
 * other domains. Both contacts must be visible to the caller. Keyset-paginated, bounded per page.
 */
export async function getDuplicateContacts(ctx: Ctx, q: DuplicateQuery) {
  const page = await pageDuplicatePairs(ctx, reasons(ctx, q.keep ?? (() => sql`true`)), q);
  const ids = [...new Set(page.items.flatMap((p) => p.ids))];
  const found = ids.length
    ? await rows<{
        id: string;
        display_name: string;
        email: string | null;
        phone: string | null;
        company_id: string | null;
        owner_id: string | null;
        created_at: string;
      }>(
        ctx.db,
        sql`select id, display_name, email, phone, company_id, owner_id, to_json(created_at) #>> '{}' as created_at from contacts where workspace_id = ${ctx.workspaceId} and id in ${ids}`,
      )
    : [];
  const byId = new Map<string, DuplicateContactSummary>(
    found.map((r) => [
      r.id,
      {
        id: r.id,
        displayName: r.display_name,
        email: r.email,
        phone: r.phone,
        companyId: r.company_id,
        ownerId: r.owner_id,
        createdAt: new Date(r.created_at),
      },
    ]),
  );
  return { nextCursor: page.nextCursor, items: page.items.map((p) => ({ ...p, records: p.ids.map((id) => byId.get(id)!) })) };
}
