import type { Ctx } from '../../../kernel/context.ts';
import type { KpiInputs } from '../kpis/definitions.ts';
import { type Period, previousPeriod, sameLastYear } from '../periods.ts';
import { marketSize, salesCostFor } from './inputs/costs.ts';
import { customersAtFor } from './inputs/customers-at.ts';
import { dealFiguresFor, responseMedianFor } from './inputs/deals.ts';
import { lifecycleFor } from './inputs/lifecycle.ts';
import { distinctPeriods } from './inputs/periods-sql.ts';
import { dealHistoryStart, wonRevenueFor } from './inputs/revenue.ts';

/** Inputs other modules supply (campaign spend and attributed revenue, email delivery): registered at start-up. */
export type ProvidedInputs = Partial<Pick<KpiInputs, 'marketingSpend' | 'attributedRevenue' | 'emailDelivered' | 'emailClicked'>>;
/** A provider answers all of a board's periods at once (by label), so it can read them in one statement. */
export type KpiInputProvider = (ctx: Ctx, periods: Period[], reportingCurrency: string) => Promise<Map<string, ProvidedInputs>>;
const providers = new Map<string, KpiInputProvider>();

/** Lets a module feed the KPI board (e.g. campaigns: marketing spend). Later providers add to earlier ones. */
export function registerKpiInputs(name: string, provider: KpiInputProvider) {
  providers.set(name, provider);
}

export interface PeriodInputs {
  inputs: KpiInputs;
  /** Currencies without a rate into the reporting currency, left out of money sums. */
  unconverted: string[];
}

async function provided(ctx: Ctx, periods: Period[], reporting: string) {
  const parts = await Promise.all([...providers.values()].map((provider) => provider(ctx, periods, reporting)));
  return periods.map((p) => {
    const sum: Required<ProvidedInputs> = { marketingSpend: 0, attributedRevenue: 0, emailDelivered: 0, emailClicked: 0 };
    for (const part of parts) {
      const more = part.get(p.label) ?? {};
      for (const k of Object.keys(more) as (keyof ProvidedInputs)[]) sum[k] += more[k] ?? 0;
    }
    return sum;
  });
}

/**
 * Everything the KPI board needs for several periods at once, in the reporting currency. Each kind of figure is
 * one statement over all the periods (a board asks for eight), and the statements run side by side.
 */
export async function getKpiInputsFor(
  ctx: Ctx,
  asked: Period[],
  reporting: string,
  grossMargin: number,
): Promise<Map<string, PeriodInputs>> {
  const periods = distinctPeriods(asked);
  const now = new Date();
  // A period still under way is compared with the same span of its base: this quarter to date against the same
  // quarter to the same day last year, not against all of it (which made growth read about −40 % at mid-quarter).
  const toDate = (base: Period, p: Period): Period =>
    p.start < now && now < p.end
      ? {
          ...base,
          label: `${base.label} to ${now.toISOString()}`,
          end: new Date(Math.min(base.end.getTime(), base.start.getTime() + (now.getTime() - p.start.getTime()))),
        }
      : base;
  const lastYearOf = (p: Period) => toDate(sameLastYear(p), p);
  const previousOf = (p: Period) => toDate(previousPeriod(p), p);
  const revenuePeriods = distinctPeriods(periods.flatMap((p) => [p, lastYearOf(p), previousOf(p)]));
  const endOf = (p: Period) => (p.end < now ? p.end : now);
  const [revenue, historyStart, cost, sizes, customersAt, life, deals, response, fromModules] = await Promise.all([
    wonRevenueFor(ctx, revenuePeriods, reporting),
    dealHistoryStart(ctx),
    salesCostFor(ctx, periods, reporting),
    Promise.all(periods.map((p) => marketSize(ctx, p, reporting))),
    customersAtFor(
      ctx,
      periods.flatMap((p) => [p.start, endOf(p)]),
    ),
    lifecycleFor(ctx, periods),
    dealFiguresFor(ctx, periods),
    responseMedianFor(ctx, periods),
    provided(ctx, periods, reporting),
  ]);
  return new Map(
    periods.map((p, i) => {
      const r = revenue.get(p.label)!;
      const base = lastYearOf(p);
      const lastYear = revenue.get(base.label)!;
      const previous = revenue.get(previousOf(p).label)!;
      const c = cost.get(p.label)!;
      const l = life.get(p.label)!;
      const d = deals.get(p.label)!;
      const inputs: KpiInputs = {
        revenue: r.amount,
        lastYearRevenue: lastYear.amount,
        lastYearHistoryFrom:
          historyStart && historyStart > base.start && historyStart < base.end ? historyStart.toISOString().slice(0, 10) : null,
        previousRevenue: previous.amount,
        marketSize: sizes[i]!,
        salesCost: c.amount,
        ...fromModules[i]!,
        newCustomers: l.new_customers,
        customersAtStart: customersAt.get(p.start.toISOString()) ?? 0,
        customersAtEnd: customersAt.get(endOf(p).toISOString()) ?? 0,
        leads: l.leads,
        leadsBecameCustomers: l.leads_customers,
        wonDeals: d.won,
        lostDeals: d.lost,
        wonRevenue: r.amount,
        cycleMedianDays: d.cycle === null ? null : Math.round(d.cycle * 10) / 10,
        openDeals: d.open,
        mqls: l.mqls,
        mqlsBecameSqls: l.mqls_sqls,
        responseMedianMinutes: response.get(p.label) ?? null,
        grossMargin,
      };
      const unconverted = [...new Set([...r.unconverted, ...lastYear.unconverted, ...previous.unconverted, ...c.unconverted])].sort();
      return [p.label, { inputs, unconverted }];
    }),
  );
}
