import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { Period } from '../periods.ts';
import { workspaceInfo } from '../workspace-info.ts';
import { getForecastFigures } from './get-forecast-figures.ts';

export interface SnapshotPoint {
  takenOn: string;
  /** closed won + commit (or its override) as it stood that day. */
  forecast: number;
  closedWon: number;
  commit: number;
  quota: number | null;
  /** 100 − |forecast − actual| ÷ actual in percent (0 at worst; 100 when both are 0). */
  accuracy: number;
}

export interface RepAccuracy {
  userId: string;
  name: string;
  /** Closed won in the period, as of now. */
  actual: number;
  snapshots: SnapshotPoint[];
  /** Mean of the snapshots' accuracies; null without snapshots. */
  averageAccuracy: number | null;
}

/** How close a forecast came to the actual result, in percent. */
export function accuracyOf(forecast: number, actual: number): number {
  if (actual === 0) return forecast === 0 ? 100 : 0;
  return Math.max(0, Math.round((1 - Math.abs(forecast - actual) / actual) * 1000) / 10);
}

interface Row {
  owner_id: string;
  name: string | null;
  taken_on: string;
  forecast: string;
  closed_won: string;
  commit: string;
  quota: string | null;
}

/** Forecast accuracy per rep for a period: each weekly snapshot against the closed-won figure now. */
export async function getForecastAccuracy(ctx: Ctx, period: Period): Promise<{ period: string; currency: string; reps: RepAccuracy[] }> {
  const { timeZone, currency } = await workspaceInfo(ctx);
  const actual = await getForecastFigures(ctx, { period, timeZone, reportingCurrency: currency });
  const found = await rows<Row>(
    ctx.db,
    sql`select s.owner_id, u.name, s.taken_on::text as taken_on, s.forecast::text, s.closed_won::text, s.commit::text, s.quota::text
        from forecast_snapshots s left join users u on u.id = s.owner_id
        where s.workspace_id = ${ctx.workspaceId} and s.period = ${period.key}
        order by u.name, s.owner_id, s.taken_on`,
  );
  const reps = new Map<string, RepAccuracy>();
  for (const r of found) {
    const a = actual.byOwner.get(r.owner_id)?.closedWon ?? 0;
    const rep = reps.get(r.owner_id) ?? {
      userId: r.owner_id,
      name: r.name ?? 'Former member',
      actual: a,
      snapshots: [],
      averageAccuracy: null,
    };
    rep.snapshots.push({
      takenOn: r.taken_on,
      forecast: Number(r.forecast),
      closedWon: Number(r.closed_won),
      commit: Number(r.commit),
      quota: r.quota === null ? null : Number(r.quota),
      accuracy: accuracyOf(Number(r.forecast), a),
    });
    reps.set(r.owner_id, rep);
  }
  for (const rep of reps.values())
    rep.averageAccuracy = Math.round((rep.snapshots.reduce((s, p) => s + p.accuracy, 0) / rep.snapshots.length) * 10) / 10;
  return { period: period.key, currency, reps: [...reps.values()] };
}
