/**
 * Calendar days as `YYYY-MM-DD`. A day belongs to a time zone: Tandem's reports bucket by the workspace's zone, so
 * "today" is today there, not in UTC (which at 23:30 UTC is already tomorrow in Berlin) nor in the browser.
 */

/** The day an instant falls on in `timeZone`. */
export function dayIn(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The day `n` days after `day` (before it when negative). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
