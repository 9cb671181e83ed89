/**
 * The requests bench/crm.ts measures, with parameters drawn deterministically from the generated data:
 * filtered + sorted contact lists (first and deep page, admin and an own-records sales rep), global search
 * (exact emails, name prefixes, typos) and the record page (contact + first timeline page).
 */
import pg from 'pg';
import type { HttpCall } from './crm-client.ts';
import type { BenchData } from './crm-data.ts';
import { spanDays } from './crm-sql.ts';

export interface Keys {
  admin: string;
  rep: string;
}

export interface Scenario {
  id: string;
  name: string;
  group: 'list' | 'search' | 'record';
  /** The issue's p95 target; none for figures shown alongside (the list's count). */
  targetMs?: number;
  /** One entry per request: the HTTP calls it makes, one after another. */
  requests: HttpCall[][];
  /** Search terms (raw-only search, while GET /api/search does not exist). */
  terms?: string[];
}

/** A deterministic number in [0, 1) for request i of a scenario (an integer hash; no Math.random). */
export function draw(i: number, salt: number) {
  let x = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}
const choose = <T>(list: readonly T[], i: number, salt: number) => list[Math.floor(draw(i, salt) * list.length)]!;

const stageSets = [
  ['lead', 'marketing_qualified'],
  ['sales_qualified', 'opportunity'],
  ['customer', 'evangelist'],
  ['lead', 'marketing_qualified', 'sales_qualified'],
  ['subscriber', 'lead'],
  ['opportunity', 'customer'],
];
const spans = [90, 180, 365, 730];
const tagSets = [
  ['newsletter'],
  ['webinar-2024', 'event-lead'],
  ['trial', 'champion'],
  ['decision-maker'],
  ['vip', 'champion'],
  ['newsletter', 'trial'],
];
export const listSort = '-last_activity_at,display_name';

/** The list filter of request i: stages in a set, created in the last n days, any of some tags. */
export function listFilter(i: number) {
  return {
    and: [
      { field: 'lifecycle_stage', op: 'in', value: choose(stageSets, i, 1) },
      { field: 'created_at', op: 'in_last', value: { n: choose(spans, i, 2), unit: 'day' } },
      { field: 'tags', op: 'has_any', value: choose(tagSets, i, 3) },
    ],
  };
}

/** A list page as the web app asks for it: the rows only (total=false); the count is its own request, sent beside it. */
export const listPath = (i: number, opts: { limit?: number; cursor?: string } = {}) =>
  `/api/contacts?filter=${encodeURIComponent(JSON.stringify(listFilter(i)))}&sort=${listSort}&limit=${opts.limit ?? 50}&total=false${
    opts.cursor ? `&cursor=${encodeURIComponent(opts.cursor)}` : ''
  }`;
const countPath = (i: number) => `/api/contacts/count?filter=${encodeURIComponent(JSON.stringify(listFilter(i)))}`;

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

/** Cursors after row 1,000 of the first `variants` list filters, found by reading two pages of 500. */
async function deepCursors(baseUrl: string, key: string, variants: number) {
  const cursors: { i: number; cursor: string }[] = [];
  for (let i = 0; i < variants; i++) {
    let cursor: string | undefined;
    for (let page = 0; page < 2; page++) {
      const res = await fetch(baseUrl + listPath(i, { limit: 500, cursor }), { headers: auth(key) });
      if (!res.ok) throw new Error(`list page answered ${res.status}: ${await res.text()}`);
      cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor ?? undefined;
      if (!cursor) break;
    }
    if (cursor) cursors.push({ i, cursor });
  }
  return cursors;
}

interface SampleContact {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  acts: number;
}

/** Contacts spread over the whole period (first at or after a drawn instant), with their activity counts. */
async function sampleContacts(c: pg.Client, data: BenchData, count: number, salt: number, owner?: string) {
  const end = Date.parse(data.end);
  const times = Array.from({ length: count }, (_, i) => new Date(end - draw(i, salt) * spanDays * 86_400_000).toISOString());
  const { rows } = await c.query<SampleContact>(
    `select c.id, c.email, c.first_name, c.last_name,
            (select count(*) from activity_links l where l.workspace_id = c.workspace_id and l.entity_type = 'contact' and l.entity_id = c.id)::int as acts
       from unnest($2::timestamptz[]) t
       cross join lateral (select * from contacts c where c.workspace_id = $1 and c.created_at >= t and c.deleted_at is null
                             and ($3::uuid is null or c.owner_id = $3) order by c.created_at limit 1) c`,
    [data.workspaceId, times, owner ?? null],
  );
  return rows;
}

/** A one-letter slip: two neighbouring letters swapped, or one dropped. */
function typo(word: string, i: number) {
  if (word.length < 4) return `${word}${word.at(-1)}`;
  const at = 1 + Math.floor(draw(i, 7) * (word.length - 2));
  return i % 2 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
}

/** Every scenario with its requests; `searchRoute` says whether GET /api/search exists. */
export async function buildScenarios(opts: { baseUrl: string; databaseUrl: string; data: BenchData; keys: Keys; n: number }) {
  const { baseUrl, data, keys, n } = opts;
  const c = new pg.Client({ connectionString: opts.databaseUrl });
  await c.connect();
  try {
    const sample = await sampleContacts(c, data, n * 3, 11);
    const few = sample.filter((s) => s.acts >= 1 && s.acts <= 8).slice(0, n);
    const { rows: many } = await c.query<{ id: string; acts: number }>(
      `select l.entity_id as id, count(*)::int as acts from activity_links l
         join contacts c on c.workspace_id = l.workspace_id and c.id = l.entity_id and c.deleted_at is null
        where l.workspace_id = $1 and l.entity_type = 'contact' group by l.entity_id order by count(*) desc limit $2`,
      [data.workspaceId, n],
    );
    const repOwn = await sampleContacts(c, data, n, 13, data.repUserId);
    const people = sample.slice(0, n);
    const emails = people.map((p) => p.email);
    const prefixes = people.map(
      (p, i) => [`${p.first_name} ${p.last_name.slice(0, 2)}`, p.last_name.slice(0, 5), p.first_name.slice(0, 4)][i % 3]!,
    );
    const typos = people.map((p, i) => (i % 2 ? `${p.first_name} ${typo(p.last_name, i)}` : typo(p.last_name, i)));
    const deep = await deepCursors(baseUrl, keys.admin, 20);
    const range = Array.from({ length: n }, (_, i) => i);
    const record = (key: string, id: string): HttpCall[] => [
      { path: `/api/contacts/${id}`, headers: auth(key) },
      { path: `/api/timeline/contact/${id}?limit=50`, headers: auth(key) },
    ];
    const search = (terms: string[]) => terms.map((q) => [{ path: `/api/search?q=${encodeURIComponent(q)}`, headers: auth(keys.admin) }]);
    const scenarios: Scenario[] = [
      {
        id: 'list',
        name: 'Contacts list, first page (admin)',
        group: 'list',
        targetMs: 50,
        requests: range.map((i) => [{ path: listPath(i), headers: auth(keys.admin) }]),
      },
      {
        id: 'list-deep',
        name: 'Contacts list, page 21 by cursor (admin)',
        group: 'list',
        targetMs: 50,
        requests: range.map((i) => {
          const d = deep[i % deep.length]!;
          return [{ path: listPath(d.i, { cursor: d.cursor }), headers: auth(keys.admin) }];
        }),
      },
      {
        id: 'list-rep',
        name: 'Contacts list, first page (sales rep, own)',
        group: 'list',
        targetMs: 50,
        requests: range.map((i) => [{ path: listPath(i), headers: auth(keys.rep) }]),
      },
      {
        id: 'list-count',
        name: 'Contacts count for the list filter (admin), sent beside the first page',
        group: 'list',
        requests: range.map((i) => [{ path: countPath(i), headers: auth(keys.admin) }]),
      },
      { id: 'search-email', name: 'Search: exact email', group: 'search', targetMs: 100, requests: search(emails), terms: emails },
      { id: 'search-prefix', name: 'Search: name prefix', group: 'search', targetMs: 100, requests: search(prefixes), terms: prefixes },
      { id: 'search-typo', name: 'Search: name with a typo', group: 'search', targetMs: 100, requests: search(typos), terms: typos },
      {
        id: 'record-few',
        name: 'Record page, 1-8 activities (admin)',
        group: 'record',
        targetMs: 50,
        requests: few.map((s) => record(keys.admin, s.id)),
      },
      {
        id: 'record-many',
        name: `Record page, ${many.at(-1)?.acts}-${many[0]?.acts} activities (admin)`,
        group: 'record',
        targetMs: 50,
        requests: many.map((s) => record(keys.admin, s.id)),
      },
      {
        id: 'record-rep',
        name: 'Record page, own contact (sales rep)',
        group: 'record',
        targetMs: 50,
        requests: repOwn.map((s) => record(keys.rep, s.id)),
      },
    ];
    return scenarios;
  } finally {
    await c.end();
  }
}
