/**
 * Cohort retention as pure functions over month indices (year × 12 + month − 1, in the workspace's time zone).
 * A cohort is the customers who started in one month; column k is the k-th month since. Customer retention is the
 * share still active; revenue retention compares each month's recurring revenue (MRR) with the cohort's MRR in its
 * first month: **net** counts expansion, **gross** caps each customer at its starting MRR (only contraction and churn).
 */

export interface CohortMember {
  startMonth: number;
  /** Active in each month from startMonth on (index k = startMonth + k). */
  active: boolean[];
  /** MRR in minor units per month from startMonth on (empty for the customers basis). */
  mrr: number[];
}

export interface CohortCell {
  /** Months since start. */
  k: number;
  active: number;
  /** active ÷ size. */
  retention: number | null;
  /** MRR of the month ÷ starting MRR (revenue basis). */
  netRevenueRetention: number | null;
  /** Σ min(MRR, starting MRR) ÷ starting MRR (revenue basis). */
  grossRevenueRetention: number | null;
  mrr: number;
}

export interface CohortRow {
  month: number;
  size: number;
  startMrr: number;
  cells: CohortCell[];
}

/** An order's recurring revenue: counts from its confirmation month until (not including) its cancellation month. */
export interface RecurringOrder {
  customer: string;
  confirmedMonth: number;
  cancelledMonth: number | null;
  mrr: number;
}

/** Members of the revenue basis: each customer from its first recurring order's month up to `lastMonth`. */
export function revenueMembers(orders: RecurringOrder[], lastMonth: number): CohortMember[] {
  const byCustomer = new Map<string, RecurringOrder[]>();
  for (const o of orders) if (o.mrr > 0) byCustomer.set(o.customer, [...(byCustomer.get(o.customer) ?? []), o]);
  return [...byCustomer.values()].map((list) => {
    const startMonth = Math.min(...list.map((o) => o.confirmedMonth));
    const mrr: number[] = [];
    for (let m = startMonth; m <= lastMonth; m++)
      mrr.push(
        list.filter((o) => o.confirmedMonth <= m && (o.cancelledMonth === null || o.cancelledMonth > m)).reduce((sum, o) => sum + o.mrr, 0),
      );
    return { startMonth, mrr, active: mrr.map((v) => v > 0) };
  });
}

/** A stage change of a contact: whether it is a customer from `month` on (the last change within a month wins). */
export interface StageChange {
  contact: string;
  month: number;
  at: number;
  customer: boolean;
}

/** Members of the customers basis: each contact from the month it first became a customer up to `lastMonth`. */
export function customerMembers(changes: StageChange[], lastMonth: number): CohortMember[] {
  const byContact = new Map<string, StageChange[]>();
  for (const c of changes) byContact.set(c.contact, [...(byContact.get(c.contact) ?? []), c]);
  const members: CohortMember[] = [];
  for (const list of byContact.values()) {
    list.sort((a, b) => a.at - b.at);
    const first = list.find((c) => c.customer);
    if (!first) continue;
    const active: boolean[] = [];
    for (let m = first.month; m <= lastMonth; m++) {
      const last = list.filter((c) => c.month <= m).at(-1);
      active.push(last?.customer ?? false);
    }
    members.push({ startMonth: first.month, active, mrr: [] });
  }
  return members;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** One row per start month in `[firstMonth, lastCohortMonth]`, columns up to `lastMonth` (the current month). */
export function computeCohorts(members: CohortMember[], firstMonth: number, lastCohortMonth: number, lastMonth: number): CohortRow[] {
  const rowsOut: CohortRow[] = [];
  for (let month = firstMonth; month <= lastCohortMonth; month++) {
    const cohort = members.filter((m) => m.startMonth === month);
    const startMrr = cohort.reduce((s, m) => s + (m.mrr[0] ?? 0), 0);
    const cells: CohortCell[] = [];
    for (let k = 0; month + k <= lastMonth; k++) {
      const active = cohort.filter((m) => m.active[k]).length;
      const mrr = cohort.reduce((s, m) => s + (m.mrr[k] ?? 0), 0);
      const capped = cohort.reduce((s, m) => s + Math.min(m.mrr[k] ?? 0, m.mrr[0] ?? 0), 0);
      cells.push({
        k,
        active,
        retention: ratio(active, cohort.length),
        netRevenueRetention: ratio(mrr, startMrr),
        grossRevenueRetention: ratio(capped, startMrr),
        mrr,
      });
    }
    rowsOut.push({ month, size: cohort.length, startMrr, cells });
  }
  return rowsOut;
}

export const monthLabel = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
