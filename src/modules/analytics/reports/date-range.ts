import { AppError } from '../../../kernel/errors.ts';
import { zonedTime } from '../../routing/index.ts';
import { periodAt } from '../periods.ts';

/** Local days `[from, to]` (both inclusive, YYYY-MM-DD) in the workspace's time zone, with their instants `[start, end)`. */
export interface DateRange {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayStart(day: string, timezone: string): number {
  const m = dayPattern.exec(day)!;
  return zonedTime(Number(m[1]), Number(m[2]), Number(m[3]), 0, timezone);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function validDay(day: string): boolean {
  return dayPattern.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

/**
 * Parses `from`/`to` (local days, inclusive) as the campaigns reports do; missing ones default to the current quarter.
 * A bad day or an end before the start is 400 validation_failed at the field's path.
 */
export function parseDateRange(q: { from?: string; to?: string }, timezone: string, now = new Date()): DateRange {
  const quarter = periodAt(now, 'quarter', timezone);
  const from = q.from ?? quarter.firstDay;
  const lastDay = new Date(`${quarter.endDay}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  const to = q.to ?? lastDay.toISOString().slice(0, 10);
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!validDay(day))
      throw new AppError('validation_failed', `"${day}" is not a day; write it as YYYY-MM-DD, e.g. 2026-01-31.`, {
        path: ['query', field],
      });
  if (to < from)
    throw new AppError('validation_failed', `The range ends (${to}) before it starts (${from}); swap the dates.`, {
      path: ['query', 'to'],
    });
  return { from, to, start: new Date(dayStart(from, timezone)), end: new Date(dayStart(nextDay(to), timezone)) };
}
