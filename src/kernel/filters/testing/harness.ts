import { sql } from 'drizzle-orm';
import { rows } from '../../db/index.ts';
import { openTestDatabase } from '../../testing/index.ts';
import { type CompileOptions, compileFilter } from '../compile-filter.ts';
import { evaluate, type RefContext, type Typed, typedNote, typedRow } from './reference.ts';
import { createScratch, matchingIds, scratchRegistry } from './scratch.ts';

/** Every string inside a JSON value (values the reference evaluator may need to case-fold). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** A fresh test database with the scratch tables, plus the compiled-vs-reference pair of answers for an AST. */
export async function openScratch() {
  const db = await openTestDatabase();
  const data = await createScratch(db.db, Date.now());
  const typed = data.rows.map((r) => typedRow(r, scratchRegistry));
  const notesByParent = new Map<string, Typed[]>();
  for (const n of data.notes) notesByParent.set(n.parent_id, [...(notesByParent.get(n.parent_id) ?? []), typedNote(n)]);
  const folds = new Map<string, string>();
  async function ensureFolds(strings: string[]) {
    const missing = [...new Set(strings)].filter((s) => !folds.has(s));
    if (missing.length === 0) return;
    const got = await rows<{ u: string; l: string }>(db.db, sql`select u, lower(u) as l from unnest(${sql.param(missing)}::text[]) as u`);
    for (const r of got) folds.set(r.u, r.l);
  }
  await ensureFolds(stringsIn([data.rows, data.notes]));
  const ctx: RefContext = {
    now: Date.now(),
    notesByParent,
    fold: (s) => {
      const l = folds.get(s);
      if (l === undefined) throw new Error(`no fold for ${JSON.stringify(s)}`);
      return l;
    },
  };
  return {
    db,
    data,
    typed,
    /** Ids the database returns for the compiled filter, sorted. */
    actual: (ast: unknown, opts?: CompileOptions) => matchingIds(db.db, compileFilter(ast, scratchRegistry, opts)),
    /** Ids the JS reference evaluator selects, sorted. */
    async expected(ast: unknown) {
      await ensureFolds(stringsIn(ast));
      ctx.now = Date.now();
      return typed
        .filter((r) => evaluate(ast, r, scratchRegistry, ctx))
        .map((r) => r.id as string)
        .sort();
    },
    close: () => db.close(),
  };
}
export type Scratch = Awaited<ReturnType<typeof openScratch>>;
