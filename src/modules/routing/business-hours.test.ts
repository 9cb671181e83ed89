import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, type BusinessHours, businessMinutesBetween, isOpen, weekdayNineToFive } from './business-hours.ts';

// Hand-computed fixtures. Berlin is UTC+1 in winter (CET) and UTC+2 in summer (CEST, from 2026-03-29 02:00).
const berlin: BusinessHours = { timezone: 'Europe/Berlin', windows: weekdayNineToFive, holidays: ['2026-12-25'] };
const at = (iso: string) => new Date(iso);

describe('addBusinessMinutes', () => {
  it('carries a Friday-afternoon lead over the weekend to Monday morning', () => {
    // Fri 2026-11-20 16:30 CET = 15:30Z; 30 minutes Friday, 30 Monday → Mon 09:30 CET = 08:30Z.
    expect(addBusinessMinutes(at('2026-11-20T15:30:00Z'), 60, berlin)).toEqual(at('2026-11-23T08:30:00Z'));
  });

  it('starts the clock at opening time for a lead that arrives at night or on a weekend', () => {
    // Tue 2026-11-24 22:00 CET → Wed 09:00 + 60 min = 10:00 CET = 09:00Z.
    expect(addBusinessMinutes(at('2026-11-24T21:00:00Z'), 60, berlin)).toEqual(at('2026-11-25T09:00:00Z'));
    // Sat 2026-11-21 11:00 CET → Mon 09:00 + 60 = 10:00 CET.
    expect(addBusinessMinutes(at('2026-11-21T10:00:00Z'), 60, berlin)).toEqual(at('2026-11-23T09:00:00Z'));
    // Tue 07:00 CET (before opening) → 10:00 CET.
    expect(addBusinessMinutes(at('2026-11-24T06:00:00Z'), 60, berlin)).toEqual(at('2026-11-24T09:00:00Z'));
  });

  it('follows the daylight-saving change: Friday in CET, Monday in CEST', () => {
    // Fri 2026-03-27 16:30 CET = 15:30Z → Mon 2026-03-30 09:30 CEST = 07:30Z.
    expect(addBusinessMinutes(at('2026-03-27T15:30:00Z'), 60, berlin)).toEqual(at('2026-03-30T07:30:00Z'));
  });

  it('skips holidays', () => {
    // Thu 2026-12-24 16:00 CET: 60 min that day, Fri 25 is a holiday, weekend, then 60 min Monday → Mon 28 10:00 CET = 09:00Z.
    expect(addBusinessMinutes(at('2026-12-24T15:00:00Z'), 120, berlin)).toEqual(at('2026-12-28T09:00:00Z'));
  });

  it('spans several days for long targets and runs round the clock without windows', () => {
    // 1 business day + 2 hours from Mon 2026-11-23 09:00 CET → Tue 11:00 CET.
    expect(addBusinessMinutes(at('2026-11-23T08:00:00Z'), 600, berlin)).toEqual(at('2026-11-24T10:00:00Z'));
    expect(addBusinessMinutes(at('2026-11-21T10:00:00Z'), 90, { timezone: 'UTC', windows: [] })).toEqual(at('2026-11-21T11:30:00Z'));
  });

  it('handles split days and zones west of UTC', () => {
    const ny: BusinessHours = {
      timezone: 'America/New_York',
      windows: [1, 2, 3, 4, 5].flatMap((day) => [
        { day, start: '08:00', end: '12:00' },
        { day, start: '13:00', end: '17:00' },
      ]),
    };
    // Mon 2026-11-23 11:30 EST (UTC-5) = 16:30Z: 30 min before lunch, 30 after → 13:30 EST = 18:30Z.
    expect(addBusinessMinutes(at('2026-11-23T16:30:00Z'), 60, ny)).toEqual(at('2026-11-23T18:30:00Z'));
    // Fri 2026-11-27 16:45 EST → 15 min Friday, 45 Monday → Mon 08:45 EST = 13:45Z.
    expect(addBusinessMinutes(at('2026-11-27T21:45:00Z'), 60, ny)).toEqual(at('2026-11-30T13:45:00Z'));
  });
});

describe('businessMinutesBetween', () => {
  it('counts only opening hours across a night and a weekend', () => {
    expect(businessMinutesBetween(at('2026-11-20T15:30:00Z'), at('2026-11-23T08:30:00Z'), berlin)).toBe(60);
    // Fri 16:00 CET → Tue 10:00 CET: 60 + 480 (Mon) + 60 = 600.
    expect(businessMinutesBetween(at('2026-11-20T15:00:00Z'), at('2026-11-24T09:00:00Z'), berlin)).toBe(600);
    // Entirely on a weekend: nothing.
    expect(businessMinutesBetween(at('2026-11-21T08:00:00Z'), at('2026-11-22T20:00:00Z'), berlin)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-24T09:00:00Z'), at('2026-11-24T08:00:00Z'), berlin)).toBe(0);
  });

  it('is the inverse of addBusinessMinutes', () => {
    for (const [start, mins] of [
      ['2026-11-20T15:30:00Z', 60],
      ['2026-03-27T15:30:00Z', 200],
      ['2026-12-24T15:00:00Z', 1000],
    ] as const) {
      const due = addBusinessMinutes(at(start), mins, berlin)!;
      expect(businessMinutesBetween(at(start), due, berlin)).toBeCloseTo(mins, 6);
    }
  });
});

describe('isOpen', () => {
  it('knows opening hours, nights, weekends and holidays', () => {
    expect(isOpen(at('2026-11-23T08:00:00Z'), berlin)).toBe(true); // Mon 09:00 CET
    expect(isOpen(at('2026-11-23T16:00:00Z'), berlin)).toBe(false); // Mon 17:00 CET: closed
    expect(isOpen(at('2026-11-21T10:00:00Z'), berlin)).toBe(false); // Saturday
    expect(isOpen(at('2026-12-25T10:00:00Z'), berlin)).toBe(false); // holiday
  });
});
