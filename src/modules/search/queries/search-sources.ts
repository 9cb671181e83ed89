import { type SQL, sql } from 'drizzle-orm';
import { likeLiteral, prefixEnd, type SearchTerms } from './search-terms.ts';

/**
 * One search source: a SELECT of (type, id, title, subtitle, tier, sim) served by one index and
 * limited on its own, so a source costs the same with a thousand or a million rows.
 * tier: 3 exact email/domain/phone, 2 exact name, 1 prefix (of the value or of a word), 0 other.
 */
export interface SourceScope {
  terms: SearchTerms;
  limit: number;
  workspaceId: string;
  /** The workspace condition for trigram (GIN) index scans: see fuzzyWs in search-records.ts. */
  fuzzyWs: (column: SQL) => SQL;
  contactVisible: SQL;
  companyVisible: SQL;
  dealVisible: SQL;
  /** The query as an E.164 number, when it reads as one. */
  phone: string | null;
}

/** How a source matches: a b-tree range (exact or prefix), a trigram substring, or trigram similarity (typos). */
type Mode = 'prefix' | 'contains' | 'similar';

/** Candidates a trigram source ranks at most: caps the heap reads for very common words. */
export const fuzzyCandidates = 200;

const sim = (col: SQL, t: string) => sql`greatest(similarity(${col}, ${t}), word_similarity(${t}, ${col}))::float8`;
const wordPrefix = (col: SQL, t: string) => sql`(${col} like ${`${likeLiteral(t)}%`} or ${col} like ${`% ${likeLiteral(t)}%`})`;

/**
 * The match condition of a column in a mode. In `similar` mode every word of three letters or more
 * must find a similar word ("dieo xanxanjor" narrows to Diegos named Xanxanjor at once, not every
 * Xanxanjor and every Diego); word similarity measures a word against the closest part of the value.
 */
function match(mode: Mode, col: SQL, t: string): SQL {
  if (mode === 'prefix') return sql`${col} >= ${t} and ${col} < ${prefixEnd(t)}`;
  if (mode === 'contains') return sql`${col} like ${`%${likeLiteral(t)}%`}`;
  const words = t.split(' ').filter((w) => w.length >= 3);
  return words.length
    ? sql.join(
        words.map((w) => sql`${w} <% ${col}`),
        sql` and `,
      )
    : sql`${t} <% ${col}`;
}

/**
 * A source over one column: the workspace condition that suits its index, the match, and the order
 * (b-tree order for prefixes, so the LIMIT stops the scan; best first among capped trigram candidates).
 */
function source(s: SourceScope, mode: Mode, q: { select: SQL; from: SQL; ws: SQL; col: SQL; t: string; live: SQL }): SQL {
  const ws = mode === 'prefix' ? sql`${q.ws} = ${s.workspaceId}` : s.fuzzyWs(q.ws);
  const inner = sql`select ${q.select} from ${q.from} where ${ws} and ${match(mode, q.col, q.t)} and ${q.live}`;
  return mode === 'prefix'
    ? sql`select * from (${inner} order by ${q.col} limit ${s.limit}) x`
    : sql`select * from (${inner} limit ${fuzzyCandidates}) x order by tier desc, sim desc limit ${s.limit}`;
}

const nameTier = (n: SQL, t: string, exact: number) =>
  sql`case when ${n} = ${t} then ${sql.raw(String(exact))} when ${wordPrefix(n, t)} then 1 else 0 end`;

function contactNames(s: SourceScope, mode: Mode): SQL {
  const t = s.terms.text;
  const n = sql`lower(c.display_name)`;
  return source(s, mode, {
    select: sql`'contact' as type, c.id, c.display_name as title, coalesce(c.email, c.phone) as subtitle, ${nameTier(n, t, 2)} as tier, ${sim(n, t)} as sim`,
    from: sql`contacts c`,
    ws: sql`c.workspace_id`,
    col: n,
    t,
    live: sql`c.deleted_at is null and ${s.contactVisible}`,
  });
}

/** Contacts by any of their emails (contact_emails: primary key for prefixes, contact_emails_trgm for substrings). */
function contactEmails(s: SourceScope, mode: Mode): SQL {
  const t = s.terms.text;
  const e = sql`e.email`;
  return source(s, mode, {
    select: sql`'contact' as type, c.id, c.display_name as title, e.email as subtitle,
      case when e.email = ${t} then 3 when e.email like ${`${likeLiteral(t)}%`} then 1 else 0 end as tier, ${sim(e, t)} as sim`,
    from: sql`contact_emails e join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id`,
    ws: sql`e.workspace_id`,
    col: e,
    t,
    live: sql`c.deleted_at is null and ${s.contactVisible}`,
  });
}

/** Contacts by phone: the exact E.164 number, or numbers starting with the typed digits (contact_phones_phone_idx). */
function contactPhones(s: SourceScope): SQL {
  const digits = s.terms.phoneDigits!;
  const prefix = digits.startsWith('+') ? digits : `+${digits}`;
  const exact = s.phone ?? prefix;
  return sql`select 'contact' as type, c.id, c.display_name as title, p.phone as subtitle,
      case when p.phone = ${exact} then 3 else 1 end as tier, 1.0::float8 as sim
    from contact_phones p join contacts c on c.workspace_id = p.workspace_id and c.id = p.contact_id
    where p.workspace_id = ${s.workspaceId} and (p.phone = ${exact} or (p.phone >= ${prefix} and p.phone < ${prefixEnd(prefix)}))
      and c.deleted_at is null and ${s.contactVisible}
    order by (p.phone = ${exact}) desc, p.phone limit ${s.limit}`;
}

function companyNames(s: SourceScope, mode: Mode): SQL {
  const t = s.terms.text;
  const n = sql`lower(co.name)`;
  return source(s, mode, {
    select: sql`'company' as type, co.id, co.name as title, co.domain as subtitle, ${nameTier(n, t, 2)} as tier, ${sim(n, t)} as sim`,
    from: sql`companies co`,
    ws: sql`co.workspace_id`,
    col: n,
    t,
    live: sql`co.deleted_at is null and ${s.companyVisible}`,
  });
}

function companyDomains(s: SourceScope, mode: Mode, domain: string): SQL {
  const d = sql`co.domain`;
  return source(s, mode, {
    select: sql`'company' as type, co.id, co.name as title, co.domain as subtitle,
      case when co.domain = ${domain} then 3 when co.domain like ${`${likeLiteral(domain)}%`} then 1 else 0 end as tier, ${sim(d, domain)} as sim`,
    from: sql`companies co`,
    ws: sql`co.workspace_id`,
    col: d,
    t: domain,
    live: sql`co.deleted_at is null and ${s.companyVisible}`,
  });
}

/**
 * Deals by name: prefixes on deals_ws_name_idx (lower(left(name, 100)), as the list sorts), substrings and
 * typos on deals_name_trgm. The subtitle names the deal's stage.
 */
function dealNames(s: SourceScope, mode: Mode): SQL {
  const t = s.terms.text;
  const n = mode === 'prefix' ? sql`lower(left(d.name, 100))` : sql`lower(d.name)`;
  return source(s, mode, {
    select: sql`'deal' as type, d.id, d.name as title,
      (select ps.name from pipeline_stages ps where ps.workspace_id = d.workspace_id and ps.id = d.stage_id) as subtitle,
      ${nameTier(n, t, 2)} as tier, ${sim(n, t)} as sim`,
    from: sql`deals d`,
    ws: sql`d.workspace_id`,
    col: n,
    t,
    live: sql`d.deleted_at is null and ${s.dealVisible}`,
  });
}

/** The sources of a search in three rounds, cheapest first: each later round runs only when the earlier ones found too little. */
export interface SearchPlan {
  /** Exact values and prefixes from b-tree indexes: short ordered range scans. */
  prefix: SQL[];
  /** Substrings from trigram indexes (every trigram of the query must match, so few candidates). */
  contains: SQL[];
  /** Typo-tolerant matches by trigram word similarity: the most expensive scans. */
  similar: SQL[];
}

/**
 * The sources worth running for these terms: a phone number searches phones only; words search
 * names (trigram rounds from three characters on: shorter strings have no trigram to narrow by); a
 * string without spaces also searches email and domain prefixes, and their substrings when it looks
 * like an address. Emails get no typo round: word similarity over whole addresses reads the huge
 * posting lists of trigrams every address shares ("com", ".co") and costs ten times more.
 */
export function searchPlan(s: SourceScope, opts: { companies: boolean; deals: boolean }): SearchPlan {
  const { terms } = s;
  const plan: SearchPlan = { prefix: [], contains: [], similar: [] };
  if (terms.phoney) {
    plan.prefix.push(contactPhones(s));
    return plan;
  }
  const trigrams = terms.text.length >= 3;
  const add = (make: (mode: Mode) => SQL, modes: Mode[]) => {
    for (const mode of modes) if (mode === 'prefix' || trigrams) plan[mode].push(make(mode));
  };
  if (terms.wordy && !terms.text.includes('@')) {
    add((m) => contactNames(s, m), ['prefix', 'contains', 'similar']);
    if (opts.companies) add((m) => companyNames(s, m), ['prefix', 'contains', 'similar']);
    if (opts.deals) add((m) => dealNames(s, m), ['prefix', 'contains', 'similar']);
  }
  if (!terms.text.includes(' ')) {
    add((m) => contactEmails(s, m), terms.addressy ? ['prefix', 'contains'] : ['prefix']);
    // "@acme" looks for domains; "ada@acme.com" is an email, and its company is not an exact match.
    const domain = terms.text.startsWith('@') ? terms.domainPart : terms.text.includes('@') ? null : terms.text;
    if (opts.companies && domain)
      add((m) => companyDomains(s, m, domain), domain.includes('.') ? ['prefix', 'contains', 'similar'] : ['prefix']);
  }
  return plan;
}
