import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineFigures, recurring, sumLines } from './totals.ts';

describe('quote line arithmetic', () => {
  it('multiplies decimal quantities exactly and rounds each part half-up', () => {
    // 1.5 h × 33.33 = 49.995 → 50.00; 10% of it = 5.00; tax 19% of 45.00 = 8.55.
    expect(lineFigures({ quantity: '1.5', unitPrice: 3333, discountPct: 10, taxPct: 19 }, ['lines', 0])).toMatchObject({
      quantity: '1.5',
      gross: 5000,
      discount: 500,
      tax: 855,
      total: 5355,
    });
    // 0.125 discount on 0.05 → 0.00625 rounds half-up to 1 cent on 5 cents at 12.5%.
    expect(lineFigures({ quantity: 1, unitPrice: 5, discountPct: '12.5' }, []).discount).toBe(1);
    expect(lineFigures({ quantity: 1, unitPrice: 4, discountPct: '12.5' }, []).discount).toBe(1); // 0.5 → 1
    expect(lineFigures({ quantity: 1, unitPrice: 3, discountPct: '12.5' }, []).discount).toBe(0); // 0.375 → 0
  });

  it('refuses a negative quantity with the path of the line', () => {
    expect(() => lineFigures({ quantity: -1, unitPrice: 100 }, ['body', 'lines', 2])).toThrowError(
      expect.objectContaining({
        code: 'validation_failed',
        details: { path: ['body', 'lines', 2, 'quantity'], field: 'lines[2].quantity' },
      }),
    );
    expect(() => lineFigures({ quantity: '1.23456', unitPrice: 1 }, ['body', 'lines', 0])).toThrow(/at most 4 decimals/);
    expect(() => lineFigures({ quantity: 1, unitPrice: 1, discountPct: 101 }, ['body', 'lines', 0])).toThrow(/between 0 and 100/);
  });

  it('document totals are the sums of the lines, and total = subtotal − discount + tax', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            q: fc.integer({ min: 1, max: 10_000_000 }),
            p: fc.integer({ min: 0, max: 10_000_000 }),
            d: fc.integer({ min: 0, max: 10_000 }),
            t: fc.integer({ min: 0, max: 10_000 }),
          }),
          { maxLength: 20 },
        ),
        (ls) => {
          const lines = ls.map((l) =>
            lineFigures({ quantity: String(l.q / 10_000), unitPrice: l.p, discountPct: String(l.d / 100), taxPct: String(l.t / 100) }, []),
          );
          const s = sumLines(lines);
          expect(s.total).toBe(s.subtotal - s.discountTotal + s.taxTotal);
          for (const l of lines) expect(l.discount).toBeLessThanOrEqual(l.gross);
        },
      ),
    );
  });

  it('recurring revenue: monthly lines ×12 into ARR, yearly lines as they are, MRR = ARR / 12', () => {
    expect(
      recurring([
        { billing: 'monthly', gross: 10_000, discount: 1_000 },
        { billing: 'yearly', gross: 100_000, discount: 0 },
        { billing: 'one_time', gross: 50_000, discount: 0 },
      ]),
    ).toEqual({ arr: 208_000, mrr: 17_333 });
  });
});
