/**
 * Business-time arithmetic for response-time SLAs: which instants are inside the workspace's opening
 * hours (weekly windows in its time zone, minus holidays), how many business minutes lie between two
 * instants, and when a number of business minutes after an instant runs out. Pure functions, no I/O.
 */

export interface BusinessWindow {
  /** 0 = Sunday … 6 = Saturday (like Date.getDay). */
  day: number;
  /** Local opening time, "HH:MM" (24-hour). */
  start: string;
  /** Local closing time, "HH:MM", after start; "24:00" is the end of the day. */
  end: string;
}

export interface BusinessHours {
  /** IANA time zone the windows are in, e.g. Europe/Berlin. */
  timezone: string;
  /** Weekly opening windows. Empty means the clock always runs (24/7). */
  windows: BusinessWindow[];
  /** Local dates ("YYYY-MM-DD") that are closed all day. */
  holidays?: string[];
}

const minute = 60_000;
const day = 86_400_000;
/** Longest stretch searched for opening time (a calendar with no open day in ten years is a mistake, not a wait). */
const maxDays = 3660;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The local wall-clock fields of an instant in a time zone. */
function localParts(at: number, tz: string) {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, min: p.minute!, s: p.second! };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(at: number, tz: string): number {
  const l = localParts(at, tz);
  return Date.UTC(l.y, l.m - 1, l.d, l.h, l.min, l.s) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a local wall-clock time names in a zone. Across a DST change the offset is taken at the
 * result; a time skipped by spring-forward resolves to the instant just after the gap.
 */
export function zonedTime(y: number, m: number, d: number, minutes: number, tz: string): number {
  const key = `${tz}|${y}-${m}-${d}|${minutes}`;
  const known = zoned.get(key);
  if (known !== undefined) return known;
  // Intl lookups cost microseconds each; a queue page of long-waiting leads repeats the same days many times.
  if (zoned.size > 100_000) zoned.clear();
  const at = resolveZoned(y, m, d, minutes, tz);
  zoned.set(key, at);
  return at;
}

const zoned = new Map<string, number>();

function resolveZoned(y: number, m: number, d: number, minutes: number, tz: string): number {
  const wall = Date.UTC(y, m - 1, d) + minutes * minute;
  const first = wall - offsetAt(wall, tz);
  const second = wall - offsetAt(first, tz);
  return second === first ? first : Math.max(first, second);
}

const hhmm = (s: string) => {
  const [h, m] = s.split(':').map(Number);
  return h! * 60 + m!;
};

/** The local calendar date (as a UTC midnight ms) an instant falls on in a zone. */
function localDate(at: number, tz: string): number {
  const l = localParts(at, tz);
  return Date.UTC(l.y, l.m - 1, l.d);
}

const isoDate = (civil: number) => new Date(civil).toISOString().slice(0, 10);

/** Opening intervals [start, end) in UTC ms of one local calendar date. */
function openIntervals(civil: number, bh: BusinessHours, holidays: Set<string>): [number, number][] {
  if (holidays.has(isoDate(civil))) return [];
  const d = new Date(civil);
  const weekday = d.getUTCDay();
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return bh.windows
    .filter((w) => w.day === weekday)
    .map((w): [number, number] => [zonedTime(y, m, dd, hhmm(w.start), bh.timezone), zonedTime(y, m, dd, hhmm(w.end), bh.timezone)])
    .sort((a, b) => a[0] - b[0]);
}

const calendars = new Map<string, Map<number, [number, number][]>>();

/** The open intervals of each local date of a calendar, memoized: long waits walk the same days again and again. */
function dayCache(bh: BusinessHours) {
  const key = `${bh.timezone}|${JSON.stringify(bh.windows)}|${(bh.holidays ?? []).join(',')}`;
  let days = calendars.get(key);
  if (!days) {
    if (calendars.size > 1000) calendars.clear();
    days = new Map();
    calendars.set(key, days);
  }
  const holidays = new Set(bh.holidays ?? []);
  const cache = days;
  return (civil: number) => {
    let list = cache.get(civil);
    if (!list) {
      if (cache.size > 20_000) cache.clear();
      list = openIntervals(civil, bh, holidays);
      cache.set(civil, list);
    }
    return list;
  };
}

/** Walks the open intervals from `from` onward (clipped to start at `from`), calling `visit` until it returns false. */
function walk(from: number, bh: BusinessHours, visit: (start: number, end: number) => boolean) {
  const intervalsOf = dayCache(bh);
  // Start a day early: an instant just after local midnight may still be inside the previous date's late window.
  let civil = localDate(from, bh.timezone) - day;
  for (let i = 0; i < maxDays; i++, civil += day) {
    for (const [s, e] of intervalsOf(civil)) {
      if (e <= from) continue;
      if (!visit(Math.max(s, from), e)) return;
    }
  }
}

/** Business minutes between two instants (0 when `to` is not after `from`); fractional minutes are kept. */
export function businessMinutesBetween(from: Date, to: Date, bh: BusinessHours): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (bh.windows.length === 0) return (b - a) / minute;
  let total = 0;
  walk(a, bh, (s, e) => {
    if (s >= b) return false;
    total += Math.min(e, b) - s;
    return e < b;
  });
  return total / minute;
}

/**
 * The instant at which `minutes` business minutes after `from` have passed: a lead created on Friday
 * 16:30 with a one-hour target in a 9–17 week is due Monday 09:30. Null when the calendar never opens.
 */
export function addBusinessMinutes(from: Date, minutes: number, bh: BusinessHours): Date | null {
  const a = from.getTime();
  if (bh.windows.length === 0) return new Date(a + minutes * minute);
  let left = minutes * minute;
  let due: number | null = null;
  walk(a, bh, (s, e) => {
    if (left <= e - s) {
      due = s + left;
      return false;
    }
    left -= e - s;
    return true;
  });
  return due === null ? null : new Date(due);
}

/** Whether an instant is inside opening hours. */
export function isOpen(at: Date, bh: BusinessHours): boolean {
  if (bh.windows.length === 0) return true;
  let open = false;
  walk(at.getTime(), bh, (s) => {
    open = s === at.getTime();
    return false;
  });
  return open;
}

/** Monday to Friday, 09:00–17:00: the default calendar. */
export const weekdayNineToFive: BusinessWindow[] = [1, 2, 3, 4, 5].map((d) => ({ day: d, start: '09:00', end: '17:00' }));
