import { describe, expect, it } from 'vitest';
import { computeCohorts, customerMembers, monthLabel, type RecurringOrder, revenueMembers } from './cohorts.ts';

const jan = 2026 * 12; // January 2026
const order = (customer: string, confirmed: number, mrr: number, cancelled: number | null = null): RecurringOrder => ({
  customer,
  confirmedMonth: jan + confirmed,
  cancelledMonth: cancelled === null ? null : jan + cancelled,
  mrr,
});

describe('cohorts', () => {
  it('labels month indices', () => {
    expect(monthLabel(jan + 10)).toBe('2026-11');
  });

  it('computes net and gross revenue retention with expansion, contraction and churn', () => {
    const orders = [
      order('A', 0, 100), // A expands by 50 in March
      order('A', 2, 50),
      order('B', 0, 200, 1), // B contracts: its 200 plan is cancelled in February and replaced by 80
      order('B', 1, 80),
      order('C', 0, 100, 3), // C churns in April
      order('D', 1, 300), // D starts in February: its own cohort
      order('E', 0, 0), // one-off only: no recurring revenue, no member
    ];
    const members = revenueMembers(orders, jan + 3);
    const [january, february] = computeCohorts(members, jan, jan + 1, jan + 3);
    expect(january!.size).toBe(3);
    expect(january!.startMrr).toBe(400);
    // MRR Jan: A 100 + B 200 + C 100 = 400; Feb: 100 + 80 + 100 = 280; Mar: 150 + 80 + 100 = 330; Apr: 150 + 80 + 0 = 230.
    expect(january!.cells.map((c) => c.mrr)).toEqual([400, 280, 330, 230]);
    expect(january!.cells.map((c) => c.netRevenueRetention)).toEqual([1, 0.7, 0.825, 0.575]);
    // Gross caps A at 100: Feb 100 + 80 + 100 = 280; Mar 100 + 80 + 100 = 280; Apr 100 + 80 = 180.
    expect(january!.cells.map((c) => c.grossRevenueRetention)).toEqual([1, 0.7, 0.7, 0.45]);
    expect(january!.cells.map((c) => c.active)).toEqual([3, 3, 3, 2]);
    expect(january!.cells.map((c) => c.retention)).toEqual([1, 1, 1, 0.6667]);
    expect(february!.size).toBe(1);
    expect(february!.cells.map((c) => c.netRevenueRetention)).toEqual([1, 1, 1]);
  });

  it('follows customers by lifecycle stage, the last change of a month deciding', () => {
    const changes = [
      { contact: 'x', month: jan, at: 1, customer: true },
      { contact: 'x', month: jan + 2, at: 5, customer: false }, // churned in March
      { contact: 'y', month: jan, at: 2, customer: true },
      { contact: 'y', month: jan + 1, at: 3, customer: false }, // left and came back within February
      { contact: 'y', month: jan + 1, at: 4, customer: true },
      { contact: 'z', month: jan, at: 1, customer: false }, // never a customer
    ];
    const [january] = computeCohorts(customerMembers(changes, jan + 2), jan, jan, jan + 2);
    expect(january!.size).toBe(2);
    expect(january!.cells.map((c) => c.active)).toEqual([2, 2, 1]);
    expect(january!.cells.map((c) => c.retention)).toEqual([1, 1, 0.5]);
    expect(january!.cells.map((c) => c.netRevenueRetention)).toEqual([null, null, null]);
  });
});
