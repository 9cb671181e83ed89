import { rawEnv } from '../../../kernel/config/index.ts';
import type { Ctx } from '../../../kernel/context.ts';

/**
 * Opt-in timing of an import's phases (TANDEM_IMPORT_PROFILE=1, used by bench/import.ts): milliseconds per
 * statement kind (its first words) and per JS phase, summed over the run and printed when it ends.
 */
export const profiling = () => rawEnv('TANDEM_IMPORT_PROFILE') === '1';
const totals = new Map<string, { ms: number; n: number }>();

export function addTime(name: string, ms: number) {
  const t = totals.get(name) ?? { ms: 0, n: 0 };
  t.ms += ms;
  t.n++;
  totals.set(name, t);
}

const kindOf = (query: unknown) => {
  const chunks = (query as { queryChunks?: unknown[] }).queryChunks;
  const first = chunks?.find((c) => (c as { value?: string[] }).value?.join('').trim()) as { value?: string[] } | undefined;
  return (first?.value?.join('') ?? 'sql').trim().replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' ');
};

/** ctx with its db.execute timed per statement kind (only when profiling). */
export function profiled(ctx: Ctx): Ctx {
  if (!profiling()) return ctx;
  const db = ctx.db as unknown as { execute: (q: unknown) => Promise<unknown> };
  const execute = db.execute.bind(db);
  const wrapped = Object.create(db) as typeof db;
  wrapped.execute = async (q: unknown) => {
    const t0 = performance.now();
    try {
      return await execute(q);
    } finally {
      addTime(`sql: ${kindOf(q)}`, performance.now() - t0);
    }
  };
  return { ...ctx, db: wrapped as unknown as Ctx['db'] };
}

export function printProfile() {
  if (!profiling()) return;
  const list = [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms);
  for (const [k, v] of list) console.log(`${(v.ms / 1000).toFixed(1).padStart(8)} s ${String(v.n).padStart(6)}× ${k}`);
  totals.clear();
}
