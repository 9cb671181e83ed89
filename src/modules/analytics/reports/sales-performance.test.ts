import { describe, expect, it } from 'vitest';
import { type RepInputs, salesPerformance } from './sales-performance.ts';

const rep = (userId: string, teamIds: string[], extra: Partial<RepInputs>): RepInputs => ({
  userId,
  name: userId,
  teamIds,
  activities: 0,
  dealsCreated: 0,
  closed: [],
  medianResponseMinutes: null,
  quota: null,
  forecastAccuracy: null,
  ...extra,
});

describe('sales performance', () => {
  it('computes rep rows and rolls them up into teams', () => {
    const reps = [
      rep('ann', ['east'], {
        activities: 10,
        dealsCreated: 4,
        closed: [
          { won: true, amount: 1000, days: 10 },
          { won: true, amount: 3000, days: 30 },
          { won: false, amount: 0, days: 5 },
        ],
        medianResponseMinutes: 20,
        quota: 8000,
        forecastAccuracy: 90,
      }),
      rep('bob', ['east'], {
        activities: 5,
        dealsCreated: 1,
        closed: [{ won: true, amount: 2000, days: 40 }],
        medianResponseMinutes: 40,
        quota: 4000,
        forecastAccuracy: 70,
      }),
      rep('cid', [], { activities: 1 }),
    ];
    const { reps: rows, teams } = salesPerformance(reps, [{ id: 'east', name: 'East', quota: null }]);
    expect(rows[0]).toMatchObject({ revenue: 4000, dealsWon: 2, dealsLost: 1, winRate: 0.6667, cycleDays: 20, attainment: 0.5 });
    expect(rows[2]).toMatchObject({ revenue: 0, winRate: null, cycleDays: null, attainment: null });
    // East: 6000 of 12000 (members' quotas), 3 of 4 closed won, cycle median of 10, 30, 40 = 30.
    expect(teams[0]).toMatchObject({
      activities: 15,
      dealsCreated: 5,
      revenue: 6000,
      quota: 12000,
      attainment: 0.5,
      winRate: 0.75,
      cycleDays: 30,
      medianResponseMinutes: 30,
      forecastAccuracy: 80,
    });
  });
});
