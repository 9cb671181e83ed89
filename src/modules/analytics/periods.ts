import { AppError } from '../../kernel/errors.ts';
import { zonedTime } from '../routing/index.ts';

/**
 * Reporting periods in the workspace's time zone: a month `2026-11`, a quarter `2026-Q4` or a year `2026`.
 * Bounds are instants `[start, end)` at local midnight: 00:30 on 1 April in Berlin is still 31 March in UTC, and
 * belongs to Q2 here.
 */
export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** Canonical label: 2026-11, 2026-Q4, 2026. */
  label: string;
  year: number;
  /** First month of the period, 1–12. */
  month: number;
  /** Months it spans (1, 3, 12). */
  months: number;
  /** Local first day, YYYY-MM-DD. */
  firstDay: string;
  /** Local day after the last, YYYY-MM-DD. */
  endDay: string;
  start: Date;
  end: Date;
  timezone: string;
}

const spans: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

function build(kind: PeriodKind, year: number, month: number, timezone: string): Period {
  const months = spans[kind];
  const endMonthIndex = month - 1 + months;
  const endYear = year + Math.floor(endMonthIndex / 12);
  const endMonth = (endMonthIndex % 12) + 1;
  const label = kind === 'month' ? `${year}-${pad(month)}` : kind === 'quarter' ? `${year}-Q${(month + 2) / 3}` : `${year}`;
  return {
    kind,
    label,
    year,
    month,
    months,
    firstDay: `${year}-${pad(month)}-01`,
    endDay: `${endYear}-${pad(endMonth)}-01`,
    start: new Date(zonedTime(year, month, 1, 0, timezone)),
    end: new Date(zonedTime(endYear, endMonth, 1, 0, timezone)),
    timezone,
  };
}

/** Parses `2026-11`, `2026-Q4` or `2026`; anything else is 400 invalid_period at `path`. */
export function parsePeriod(raw: string, timezone: string, path: (string | number)[] = ['period']): Period {
  const s = raw.trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return build('month', Number(m[1]), Number(m[2]), timezone);
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) return build('quarter', Number(m[1]), (Number(m[2]) - 1) * 3 + 1, timezone);
  m = /^(\d{4})$/.exec(s);
  if (m) return build('year', Number(m[1]), 1, timezone);
  throw new AppError('invalid_period', `"${raw}" is not a period; use a month (2026-11), a quarter (2026-Q4) or a year (2026).`, {
    path,
  });
}

/** The period of the same kind containing an instant (local time). */
export function periodAt(at: Date, kind: PeriodKind, timezone: string): Period {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  const first = kind === 'month' ? month : kind === 'quarter' ? month - ((month - 1) % 3) : 1;
  return build(kind, year, first, timezone);
}

/** The period `n` periods later (negative: earlier). */
export function shiftPeriod(p: Period, n: number): Period {
  const index = p.year * 12 + (p.month - 1) + n * p.months;
  return build(p.kind, Math.floor(index / 12), (index % 12) + 1, p.timezone);
}

export const previousPeriod = (p: Period) => shiftPeriod(p, -1);
export const sameLastYear = (p: Period) => shiftPeriod(p, -12 / p.months);

/** The months (first days, YYYY-MM-DD) a period covers, for per-month inputs such as costs. */
export function monthsOf(p: Period): string[] {
  return Array.from({ length: p.months }, (_, i) => {
    const idx = p.year * 12 + (p.month - 1) + i;
    return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}-01`;
  });
}

/** How much of the period has passed at `now`, 0–1 (1 for a past period): figures of a running period are partial. */
export function elapsedShare(p: Period, now = new Date()): number {
  if (now >= p.end) return 1;
  if (now <= p.start) return 0;
  return (now.getTime() - p.start.getTime()) / (p.end.getTime() - p.start.getTime());
}
