import { median } from './funnel.ts';

/** Per-rep inputs of the sales performance table, gathered from SQL and the forecasts and routing modules. */
export interface RepInputs {
  userId: string;
  name: string;
  teamIds: string[];
  activities: number;
  dealsCreated: number;
  /** Closed in the period: amount in reporting minor units (won only), days from creation to close. */
  closed: { won: boolean; amount: number; days: number }[];
  /** Median business minutes to first touch (routing), null without touched leads. */
  medianResponseMinutes: number | null;
  quota: number | null;
  /** Mean forecast accuracy of the period's snapshots, percent. */
  forecastAccuracy: number | null;
}

export interface PerformanceRow {
  id: string;
  name: string;
  activities: number;
  medianResponseMinutes: number | null;
  dealsCreated: number;
  dealsWon: number;
  dealsLost: number;
  revenue: number;
  /** won ÷ (won + lost). */
  winRate: number | null;
  /** Median days from creation to win of the deals won. */
  cycleDays: number | null;
  quota: number | null;
  /** revenue ÷ quota. */
  attainment: number | null;
  forecastAccuracy: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function row(id: string, name: string, reps: RepInputs[], quota: number | null, responseMinutes: number | null, accuracy: number | null) {
  const closed = reps.flatMap((r) => r.closed);
  const won = closed.filter((c) => c.won);
  const revenue = won.reduce((s, c) => s + c.amount, 0);
  return {
    id,
    name,
    activities: reps.reduce((s, r) => s + r.activities, 0),
    medianResponseMinutes: responseMinutes,
    dealsCreated: reps.reduce((s, r) => s + r.dealsCreated, 0),
    dealsWon: won.length,
    dealsLost: closed.length - won.length,
    revenue,
    winRate: ratio(won.length, closed.length),
    cycleDays: oneDecimal(median(won.map((c) => c.days))),
    quota,
    attainment: quota === null ? null : ratio(revenue, quota),
    forecastAccuracy: accuracy,
  } satisfies PerformanceRow;
}

/**
 * One row per rep and per team. A team adds up its members' counts and revenue, pools their deals for win rate and
 * cycle length, takes its own quota (else its members' sum), the median of its members' response medians and the mean
 * of their forecast accuracies.
 */
export function salesPerformance(reps: RepInputs[], teams: { id: string; name: string; quota: number | null }[]) {
  const repRows = reps.map((r) => row(r.userId, r.name, [r], r.quota, r.medianResponseMinutes, r.forecastAccuracy));
  const teamRows = teams.map((t) => {
    const members = reps.filter((r) => r.teamIds.includes(t.id));
    const quotas = members.map((m) => m.quota).filter((q): q is number => q !== null);
    const quota = t.quota ?? (quotas.length ? quotas.reduce((s, q) => s + q, 0) : null);
    const responses = members.map((m) => m.medianResponseMinutes).filter((v): v is number => v !== null);
    const accuracies = members.map((m) => m.forecastAccuracy).filter((v): v is number => v !== null);
    return row(
      t.id,
      t.name,
      members,
      quota,
      oneDecimal(median(responses)),
      accuracies.length ? oneDecimal(accuracies.reduce((s, a) => s + a, 0) / accuracies.length) : null,
    );
  });
  return { reps: repRows, teams: teamRows };
}
