import { type SQL, sql } from 'drizzle-orm';
import type { Period } from '../../periods.ts';

/** The periods as a relation `alias(label, s, e)` (instants), so one statement answers every period of a board. */
export const periodsRelation = (periods: Period[], alias = 'p'): SQL =>
  sql`jsonb_to_recordset(${JSON.stringify(periods.map((p) => ({ label: p.label, s: p.start.toISOString(), e: p.end.toISOString() })))}::jsonb)
      as ${sql.raw(alias)}(label text, s timestamptz, e timestamptz)`;

/** One entry per label (a board asks for the same period as trend, comparison and growth base). */
export const distinctPeriods = (periods: Period[]): Period[] => [...new Map(periods.map((p) => [p.label, p])).values()];
