import { describe, expect, it } from 'vitest';
import { computeFunnel, dropOff, type FunnelContact, type FunnelOptions, reachedTimes } from './funnel.ts';

const day = (d: number) => Date.UTC(2026, 0, 1) + d * 86_400_000;
// Entries per stage: subscriber, lead, MQL, SQL, opportunity, customer.
const contact = (id: string, created: number, entered: (number | null)[], group: string | null = null): FunnelContact => ({
  id,
  group,
  createdAt: day(created),
  entered: entered.map((e) => (e === null ? null : day(e))),
});
const all = [
  contact('a', 0, [0, 2, 4, 10, null, 30], 'web'), // the full way, skipping opportunity
  contact('b', 1, [null, 1, 5, null, null, null], 'web'), // stops at MQL
  contact('c', 2, [null, 2, null, null, null, null], 'ads'), // stops at lead
  contact('d', 3, [3, null, null, null, null, null], 'ads'), // subscriber only
  contact('e', 40, [null, 40, 41, 42, 43, 44]), // created after January
];
const january: FunnelOptions = { cohort: 'created', start: day(0), end: day(31), windowDays: null };

describe('funnel', () => {
  it('takes a later stage as having passed the skipped ones at the same moment', () => {
    expect(reachedTimes([null, 5, null, 9, null, 20])).toEqual([5, 5, 9, 9, 20, 20]);
  });

  it('counts the created cohort per stage with conversions and median days', () => {
    const f = computeFunnel(all, january);
    // a, b, c, d reached subscriber; a, b, c lead; a, b MQL; a SQL, opportunity (skipped) and customer.
    expect(f.map((s) => s.count)).toEqual([4, 3, 2, 1, 1, 1]);
    expect(f.map((s) => s.conversionFromPrevious)).toEqual([null, 0.75, 0.6667, 0.5, 1, 1]);
    expect(f.map((s) => s.conversionFromFirst)).toEqual([null, 0.75, 0.5, 0.25, 0.25, 0.25]);
    // subscriber→lead: a 2 d, b 0 (started as lead), c 0 → median 0; lead→MQL: a 2, b 4 → 3; MQL→SQL: a 6;
    // a skipped opportunity, so passed it when it became customer (day 30): SQL→opportunity 20, opportunity→customer 0.
    expect(f.map((s) => s.medianDaysFromPrevious)).toEqual([null, 0, 3, 6, 20, 0]);
  });

  it('leaves out stages reached after the window', () => {
    const f = computeFunnel(all, { ...january, windowDays: 7 });
    // a's SQL (day 10) and customer (day 30) fall outside 7 days of creation.
    expect(f.map((s) => s.count)).toEqual([4, 3, 2, 0, 0, 0]);
  });

  it('counts stages reached within the range in the period cohort', () => {
    const f = computeFunnel(all, { cohort: 'period', start: day(4), end: day(41), windowDays: null });
    // subscriber reached in range: none of a (0), b (1), c (2), d (3); e (40). lead: e. MQL: a (4), b (5), e (41 is out).
    expect(f.map((s) => s.count)).toEqual([1, 1, 2, 1, 1, 1]);
    expect(f[2]!.conversionFromPrevious).toBe(2);
  });

  it('lists who reached a stage but not the next', () => {
    expect(dropOff(all, 'lead', january).map((c) => c.id)).toEqual(['c']);
    expect(dropOff(all, 'marketing_qualified', january).map((c) => c.id)).toEqual(['b']);
    expect(dropOff(all, 'subscriber', january).map((c) => c.id)).toEqual(['d']);
    // With a 7-day window a stopped after MQL.
    expect(dropOff(all, 'marketing_qualified', { ...january, windowDays: 7 }).map((c) => c.id)).toEqual(['a', 'b']);
  });
});
