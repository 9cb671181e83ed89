import { describe, expect, it } from 'vitest';
import { elapsedShare, monthsOf, parsePeriod, periodAt, previousPeriod, sameLastYear } from './periods.ts';

describe('reporting periods in the workspace time zone', () => {
  it('bounds a quarter at local midnight', () => {
    const q = parsePeriod('2026-q1', 'Europe/Berlin');
    expect(q.label).toBe('2026-Q1');
    expect(q.start.toISOString()).toBe('2025-12-31T23:00:00.000Z'); // CET, UTC+1
    expect(q.end.toISOString()).toBe('2026-03-31T22:00:00.000Z'); // CEST from 29 March, UTC+2
    expect(monthsOf(q)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  });

  it('puts an instant in the local period, not the UTC one', () => {
    // 22:30 UTC on 31 March is 00:30 on 1 April in Berlin: Q2 there, Q1 in UTC.
    const at = new Date('2026-03-31T22:30:00Z');
    expect(periodAt(at, 'quarter', 'Europe/Berlin').label).toBe('2026-Q2');
    expect(periodAt(at, 'quarter', 'UTC').label).toBe('2026-Q1');
    expect(periodAt(new Date('2026-01-01T03:00:00Z'), 'month', 'America/Los_Angeles').label).toBe('2025-12');
  });

  it('steps to the previous period and the same period last year', () => {
    const m = parsePeriod('2026-01', 'UTC');
    expect(previousPeriod(m).label).toBe('2025-12');
    expect(sameLastYear(m).label).toBe('2025-01');
    expect(previousPeriod(parsePeriod('2026-Q1', 'UTC')).label).toBe('2025-Q4');
    expect(sameLastYear(parsePeriod('2026', 'UTC')).label).toBe('2025');
    expect(parsePeriod('2026', 'UTC').endDay).toBe('2027-01-01');
  });

  it('knows how much of a running period has passed', () => {
    const m = parsePeriod('2026-11', 'UTC');
    expect(elapsedShare(m, new Date('2026-11-16T00:00:00Z'))).toBeCloseTo(0.5);
    expect(elapsedShare(m, new Date('2027-01-01T00:00:00Z'))).toBe(1);
    expect(elapsedShare(m, new Date('2026-10-01T00:00:00Z'))).toBe(0);
  });

  it('rejects what is not a period, with the path', () => {
    for (const bad of ['2026-13', '2026-Q5', 'last quarter', ''])
      expect(() => parsePeriod(bad, 'UTC', ['query', 'period'])).toThrow(
        expect.objectContaining({ code: 'invalid_period', details: { path: ['query', 'period'] } }),
      );
  });
});
