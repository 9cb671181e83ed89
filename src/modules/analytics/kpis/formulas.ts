/**
 * The KPI formulas, pure: inputs in, a value or the reason there is none out. Money is in minor units of the
 * reporting currency; rates are fractions (0.25 = 25 %). A KPI that cannot be computed (nothing to divide by)
 * is null with a reason the dashboard shows, never 0 or Infinity.
 */
export interface KpiValue {
  value: number | null;
  /** Why value is null (or a caveat such as a partial period). */
  reason?: string;
}

const none = (reason: string): KpiValue => ({ value: null, reason });
const ok = (value: number): KpiValue => ({ value });

/** Revenue in the period ÷ the total market size entered for it. */
export function marketShare(i: { revenue: number; marketSize: number | null }): KpiValue {
  if (i.marketSize === null) return none('No market size entered for this period.');
  if (i.marketSize <= 0) return none('The market size is zero.');
  return ok(i.revenue / i.marketSize);
}

/** (Marketing spend + sales cost) ÷ new customers. */
export function customerAcquisitionCost(i: { marketingSpend: number; salesCost: number; newCustomers: number }): KpiValue {
  if (i.newCustomers === 0) return none('No new customers in this period.');
  return ok(Math.round((i.marketingSpend + i.salesCost) / i.newCustomers));
}

/** (Attributed revenue − marketing spend) ÷ marketing spend, e.g. 5 for 5 : 1. */
export function marketingRoi(i: { attributedRevenue: number; marketingSpend: number }): KpiValue {
  if (i.marketingSpend === 0) return none('No marketing spend recorded for this period.');
  return ok((i.attributedRevenue - i.marketingSpend) / i.marketingSpend);
}

/** Leads created in the period (the cohort) that have become customers ÷ those leads. */
export function salesConversionRate(i: { leads: number; becameCustomers: number }): KpiValue {
  if (i.leads === 0) return none('No leads were created in this period.');
  return ok(i.becameCustomers / i.leads);
}

/**
 * Revenue this period vs a comparison period (same period last year by default). None when the workspace's deal
 * history begins part-way through the comparison period (`comparisonHistoryFrom`, its first day): its revenue is
 * only partly recorded, and growth against it would be overstated (a demo or an import with two years of history
 * would show growth in the thousands of per cent).
 */
export function revenueGrowth(i: { revenue: number; comparisonRevenue: number; comparisonHistoryFrom?: string | null }): KpiValue {
  if (i.comparisonHistoryFrom)
    return none(`Deal history begins on ${i.comparisonHistoryFrom}, part-way through the comparison period, so its revenue is incomplete.`);
  if (i.comparisonRevenue === 0) return none('No revenue in the comparison period.');
  return ok((i.revenue - i.comparisonRevenue) / i.comparisonRevenue);
}

/** (Customers at end − new customers) ÷ customers at start. */
export function customerRetentionRate(i: { customersAtStart: number; customersAtEnd: number; newCustomers: number }): KpiValue {
  if (i.customersAtStart === 0) return none('There were no customers at the start of this period.');
  return ok((i.customersAtEnd - i.newCustomers) / i.customersAtStart);
}

/** Average revenue per customer × gross margin ÷ churn rate, all for the same period. */
export function customerLifetimeValue(i: {
  revenue: number;
  customersAtStart: number;
  customersAtEnd: number;
  newCustomers: number;
  grossMargin: number;
}): KpiValue {
  const average = (i.customersAtStart + i.customersAtEnd) / 2;
  if (average === 0) return none('No customers in this period.');
  const retention = customerRetentionRate(i);
  if (retention.value === null) return none(retention.reason!);
  const churn = 1 - retention.value;
  if (churn <= 0) return none('No customer was lost in this period, so lifetime is unbounded.');
  return ok(Math.round(((i.revenue / average) * i.grossMargin) / churn));
}

/** Lifetime value ÷ acquisition cost. */
export function ltvToCac(i: { ltv: KpiValue; cac: KpiValue }): KpiValue {
  if (i.ltv.value === null) return none(`Lifetime value: ${i.ltv.reason}`);
  if (i.cac.value === null) return none(`Acquisition cost: ${i.cac.reason}`);
  if (i.cac.value === 0) return none('Acquiring customers cost nothing in this period.');
  return ok(i.ltv.value / i.cac.value);
}

/** Won revenue ÷ won deals. */
export function averageDealSize(i: { wonRevenue: number; wonDeals: number }): KpiValue {
  if (i.wonDeals === 0) return none('No deals were won in this period.');
  return ok(Math.round(i.wonRevenue / i.wonDeals));
}

/** Won ÷ (won + lost), deals closed in the period. */
export function winRate(i: { wonDeals: number; lostDeals: number }): KpiValue {
  if (i.wonDeals + i.lostDeals === 0) return none('No deals were closed in this period.');
  return ok(i.wonDeals / (i.wonDeals + i.lostDeals));
}

/** Median days from creation to win of the deals won in the period. */
export function salesCycleLength(i: { medianDays: number | null }): KpiValue {
  return i.medianDays === null ? none('No deals were won in this period.') : ok(i.medianDays);
}

/** Open opportunities × average deal size × win rate ÷ sales-cycle days: expected revenue per day. */
export function pipelineVelocity(i: { openDeals: number; averageDealSize: KpiValue; winRate: KpiValue; cycleDays: KpiValue }): KpiValue {
  for (const [name, k] of [
    ['Average deal size', i.averageDealSize],
    ['Win rate', i.winRate],
    ['Sales cycle', i.cycleDays],
  ] as const)
    if (k.value === null) return none(`${name}: ${k.reason}`);
  if (i.cycleDays.value === 0) return none('The sales cycle is shorter than a day.');
  return ok(Math.round((i.openDeals * i.averageDealSize.value! * i.winRate.value!) / i.cycleDays.value!));
}

/** Contacts that became MQLs in the period and have reached SQL ÷ those MQLs. */
export function mqlToSqlRate(i: { mqls: number; becameSqls: number }): KpiValue {
  if (i.mqls === 0) return none('No contact became a marketing-qualified lead in this period.');
  return ok(i.becameSqls / i.mqls);
}

/** Median minutes from a lead's assignment to its first touch (business time), leads assigned in the period. */
export function leadResponseTime(i: { medianMinutes: number | null }): KpiValue {
  return i.medianMinutes === null ? none('No lead assigned in this period was touched yet.') : ok(i.medianMinutes);
}

/** Marketing spend ÷ new leads. */
export function costPerLead(i: { marketingSpend: number; leads: number }): KpiValue {
  if (i.leads === 0) return none('No leads were created in this period.');
  return ok(Math.round(i.marketingSpend / i.leads));
}

/** Contacts who clicked ÷ contacts delivered to, broadcasts sent in the period. */
export function emailEngagement(i: { delivered: number; clicked: number }): KpiValue {
  if (i.delivered === 0) return none('No email was delivered in this period.');
  return ok(i.clicked / i.delivered);
}

/** The median of a list (mean of the middle two for even lengths), null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
