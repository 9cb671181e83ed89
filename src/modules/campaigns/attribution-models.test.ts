import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AttributionModel, attribute, attributionModels, modelWeights, splitAmount, type Touch } from './attribution-models.ts';

const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000);
const touch = (campaignId: string, d: number, key?: string): Touch => ({ campaignId, at: day(d), key });
const credits = (model: AttributionModel, touches: Touch[], amount: number, extra: { leadAt?: Date; opportunityAt?: Date } = {}) =>
  Object.fromEntries(attribute(model, { touches, wonAt: day(30), ...extra }, amount).map((c) => [c.campaignId, c.amount]));

describe('attribution models on hand-computed journeys', () => {
  it('gives everything to the only touch, whatever the model', () => {
    for (const m of attributionModels) expect(credits(m, [touch('a', 3)], 10_000)).toEqual({ a: 10_000 });
  });

  it('credits nothing when there are no touches', () => {
    for (const m of attributionModels) expect(attribute(m, { touches: [], wonAt: day(30) }, 10_000)).toEqual([]);
  });

  it('splits two touches: first, last, linear and U-shaped halves', () => {
    const two = [touch('b', 20), touch('a', 5)];
    expect(credits('first_touch', two, 1000)).toEqual({ a: 1000, b: 0 });
    expect(credits('last_touch', two, 1000)).toEqual({ a: 0, b: 1000 });
    expect(credits('linear', two, 1000)).toEqual({ a: 500, b: 500 });
    expect(credits('u_shaped', two, 1000)).toEqual({ a: 500, b: 500 });
  });

  it('decays by a 7-day half-life: touches 0 and 7 days before the win weigh 1 and 1/2', () => {
    // weights 1 and 0.5 → 2/3 and 1/3 of 900.
    expect(credits('time_decay', [touch('a', 23), touch('b', 30)], 900)).toEqual({ a: 300, b: 600 });
  });

  it('gives U-shaped 40/20/40 with the middle shared', () => {
    const four = [touch('a', 1), touch('b', 2), touch('c', 3), touch('d', 4)];
    expect(credits('u_shaped', four, 10_000)).toEqual({ a: 4000, b: 1000, c: 1000, d: 4000 });
  });

  it('gives W-shaped 30/30/30 to first touch, lead and opportunity touches and 10 to the rest', () => {
    const five = [touch('a', 1), touch('b', 2), touch('c', 3), touch('d', 4), touch('e', 5)];
    // Lead created on day 2 (touch b), opportunity on day 4.5 (last touch before it: d); c and e share 10%.
    expect(credits('w_shaped', five, 10_000, { leadAt: day(2), opportunityAt: day(4.5) })).toEqual({
      a: 3000,
      b: 3000,
      c: 500,
      d: 3000,
      e: 500,
    });
  });

  it('adds W-shaped milestone shares when one touch is several milestones, and spreads 10% over the milestones without others', () => {
    const three = [touch('a', 1), touch('b', 2), touch('c', 3)];
    // lead = a (first), opportunity = c: a gets 60, c 30, b (not a milestone) 10.
    expect(credits('w_shaped', three, 1000, { leadAt: day(1), opportunityAt: day(3) })).toEqual({ a: 600, b: 100, c: 300 });
    // Every touch a milestone: shares are 1/3 each.
    expect(credits('w_shaped', three, 900, { leadAt: day(2), opportunityAt: day(3) })).toEqual({ a: 300, b: 300, c: 300 });
  });

  it('adds the touches of one campaign together', () => {
    expect(credits('linear', [touch('a', 1), touch('b', 2), touch('a', 3)], 300)).toEqual({ a: 200, b: 100 });
  });

  it('breaks ties at the same instant by campaign id, not by input order', () => {
    const x = [touch('z', 1), touch('m', 1)];
    expect(credits('first_touch', x, 100)).toEqual({ m: 100, z: 0 });
    expect(credits('first_touch', [...x].reverse(), 100)).toEqual({ m: 100, z: 0 });
  });

  it('rounds so the credited parts sum exactly to the deal amount (largest remainder, earlier first)', () => {
    expect(splitAmount(100, [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    expect(splitAmount(1, [0.5, 0.5])).toEqual([1, 0]);
    expect(splitAmount(-100, [1 / 3, 1 / 3, 1 / 3])).toEqual([-34, -33, -33]);
    expect(credits('linear', [touch('a', 1), touch('b', 2), touch('c', 3)], 1000)).toEqual({ a: 334, b: 333, c: 333 });
  });

  it('always credits exactly the amount, for any journey and model (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...attributionModels),
        fc.array(fc.record({ c: fc.constantFrom('a', 'b', 'c', 'd'), d: fc.integer({ min: 0, max: 29 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 29 }),
        (model, ts, amount, lead) => {
          const touches = ts.map((x, i) => touch(x.c, x.d, String(i)));
          const w = modelWeights(model, { touches, wonAt: day(30), leadAt: day(lead), opportunityAt: day(lead + 1) });
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          const parts = attribute(model, { touches, wonAt: day(30), leadAt: day(lead) }, amount);
          expect(parts.reduce((a, b) => a + b.amount, 0)).toBe(amount);
          for (const p of parts) expect(p.amount).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
