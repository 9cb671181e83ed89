import { type SQL, sql } from 'drizzle-orm';
import { can } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { normalizePhone, workspaceRegion } from '../../custom-fields/index.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { searchPlan } from './search-sources.ts';
import { searchTerms } from './search-terms.ts';

export interface SearchHit {
  type: 'contact' | 'company' | 'deal';
  id: string;
  title: string;
  subtitle: string | null;
  /** tier + similarity: 4 exact email/domain/phone, 3 exact name, 1–2 prefix, 0–1 fuzzy. */
  score: number;
}

interface Row {
  type: 'contact' | 'company' | 'deal';
  id: string;
  title: string;
  subtitle: string | null;
  tier: number;
  sim: number;
}

/**
 * Word similarity a fuzzy name must reach: 0.5 lets one typo through in a word of five or more letters
 * ("olivea" finds "Olivia", "jon" finds "John") without flooding the candidates.
 */
export const wordSimilarityThreshold = 0.5;

/**
 * The workspace condition of trigram scans, written `= any(array)`: on the (workspace_id, trigram)
 * btree_gin indexes, plain `=` made these scans about twice as slow at a million contacts of one
 * workspace (measured with EXPLAIN ANALYZE), while `any` still keeps the workspace in the index
 * condition, so other workspaces' rows are never fetched. B-tree sources keep `=`: with `any` a
 * b-tree scan no longer returns rows in index order, and the prefix sources rely on it for LIMIT.
 */
const fuzzyWs = (workspaceId: string) => (column: SQL) => sql`${column} = any(${`{${workspaceId}}`}::uuid[])`;

/**
 * Global search over contacts (name, every email, phone), companies (name, domain) and deals (name): exact
 * matches first, then prefixes, then substrings, then typo-tolerant trigram matches, each source
 * limited on its own and merged here. Applies owner visibility and skips deleted records.
 */
export async function searchRecords(ctx: Ctx, q: { q: string; limit: number }): Promise<SearchHit[]> {
  const terms = searchTerms(q.q);
  if (!terms.text) return [];
  const region = terms.phoney && !terms.text.startsWith('+') ? await workspaceRegion(ctx) : null;
  const scope = {
    terms,
    limit: q.limit,
    workspaceId: ctx.workspaceId,
    fuzzyWs: fuzzyWs(ctx.workspaceId),
    contactVisible: ownerVisibility(ctx, sql`c.owner_id`),
    companyVisible: ownerVisibility(ctx, sql`co.owner_id`),
    dealVisible: ownerVisibility(ctx, sql`d.owner_id`),
    phone: terms.phoney ? normalizePhone(terms.text, region) : null,
  };
  const plan = searchPlan(scope, {
    companies: can(ctx.actor.role, 'companies:read', ctx.actor.keyScope),
    deals: can(ctx.actor.role, 'deals:read', ctx.actor.keyScope),
  });
  const found: Row[] = [];
  const distinct = () => new Set(found.map((r) => `${r.type}:${r.id}`)).size;
  // Later rounds rank lower (an exact identifier or name ends the search; substrings beat typo
  // guesses), so a round runs only when the ones before found too little.
  found.push(...(await run(ctx, plan.prefix)));
  if (distinct() < q.limit && !found.some((r) => Number(r.tier) >= 2)) {
    found.push(...(await run(ctx, plan.contains)));
    if (distinct() < Math.min(q.limit, typoRoundBelow)) found.push(...(await run(ctx, plan.similar, true)));
  }
  return rank(found, q.limit);
}

/** The typo round runs when the earlier rounds found fewer records than this. */
export const typoRoundBelow = 3;

/** One round: its sources in one statement (UNION ALL); the typo round sets its similarity threshold for its transaction only. */
async function run(ctx: Ctx, sources: SQL[], similar = false): Promise<Row[]> {
  if (!sources.length) return [];
  const statement = sql`select type, id, title, subtitle, tier, sim from (${sql.join(
    sources.map((s) => sql`(${s})`),
    sql` union all `,
  )}) u`;
  if (!similar) return rows<Row>(ctx.db, statement);
  return ctx.db.transaction(async (tx) => {
    // set_config(..., true) lasts for this transaction only, so pooled connections are not changed.
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(wordSimilarityThreshold)}, true)`);
    return rows<Row>(tx, statement);
  });
}

/** Best score per record, highest first; ties by title. */
export function rank(found: Row[], limit: number): SearchHit[] {
  const best = new Map<string, SearchHit>();
  for (const r of found) {
    const score = Math.round((Number(r.tier) + Math.min(1, Number(r.sim))) * 1000) / 1000;
    const key = `${r.type}:${r.id}`;
    const seen = best.get(key);
    if (!seen || score > seen.score) best.set(key, { type: r.type, id: r.id, title: r.title, subtitle: r.subtitle, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
}
