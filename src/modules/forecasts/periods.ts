import { AppError } from '../../kernel/errors.ts';

/** A forecast or quota period: a calendar month ("2026-11") or quarter ("2026-Q4") of the workspace's time zone. */
export interface Period {
  key: string;
  kind: 'month' | 'quarter';
  /** First day (YYYY-MM-DD). */
  start: string;
  /** The day after the last (YYYY-MM-DD): the period is [start, end). */
  end: string;
  /** The months it covers ("YYYY-MM"). */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (y: number, m: number) => `${y}-${pad(m)}`;
const firstDay = (y: number, m: number) => (m > 12 ? `${y + 1}-01-01` : `${y}-${pad(m)}-01`);

/** Parses "YYYY-MM" or "YYYY-Qn" (case-insensitive), or null. */
export function tryPeriod(raw: string): Period | null {
  const s = raw.trim().toUpperCase();
  const q = /^(\d{4})-Q([1-4])$/.exec(s);
  if (q) {
    const y = Number(q[1]);
    const m0 = (Number(q[2]) - 1) * 3 + 1;
    return {
      key: `${y}-Q${q[2]}`,
      kind: 'quarter',
      start: firstDay(y, m0),
      end: firstDay(y, m0 + 3),
      months: [0, 1, 2].map((i) => monthKey(y, m0 + i)),
    };
  }
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const y = Number(m[1]);
    const mm = Number(m[2]);
    return { key: monthKey(y, mm), kind: 'month', start: firstDay(y, mm), end: firstDay(y, mm + 1), months: [monthKey(y, mm)] };
  }
  return null;
}

/** Parses a period or throws 400 validation_failed at `path`. */
export function parsePeriod(raw: string, path: (string | number)[]): Period {
  const p = tryPeriod(raw);
  if (!p) throw new AppError('validation_failed', `"${raw}" is not a period: write a month as 2026-11 or a quarter as 2026-Q4.`, { path });
  return p;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The month or quarter containing a local date. */
export function periodOf(day: string, kind: Period['kind']): Period {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return tryPeriod(kind === 'month' ? monthKey(y, m) : `${y}-Q${Math.floor((m - 1) / 3) + 1}`)!;
}
