import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from './days.ts';

describe('days', () => {
  it('names the day an instant falls on in the given zone, not in UTC', () => {
    const lateUtc = new Date('2026-11-23T23:30:00Z');
    expect(dayIn(lateUtc, 'UTC')).toBe('2026-11-23');
    expect(dayIn(lateUtc, 'Europe/Berlin')).toBe('2026-11-24');
    expect(dayIn(new Date('2026-11-23T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-22');
  });

  it('adds and subtracts days across months, years and DST changes', () => {
    expect(addDays('2026-11-24', -29)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });
});
