import { describe, expect, it } from 'vitest';
import { type KpiInputs, kpiById, kpiDefinitions, kpiStatus } from './definitions.ts';
import * as f from './formulas.ts';

/** A quarter of a small company, computed by hand below each assertion. */
const quarter: KpiInputs = {
  revenue: 12_000_000, // 120,000.00
  lastYearRevenue: 10_000_000,
  lastYearHistoryFrom: null,
  previousRevenue: 15_000_000,
  marketSize: 400_000_000,
  marketingSpend: 2_000_000,
  salesCost: 4_000_000,
  attributedRevenue: 11_000_000,
  newCustomers: 8,
  customersAtStart: 40,
  customersAtEnd: 44,
  leads: 50,
  leadsBecameCustomers: 6,
  wonDeals: 8,
  lostDeals: 24,
  wonRevenue: 12_000_000,
  cycleMedianDays: 30,
  openDeals: 60,
  mqls: 20,
  mqlsBecameSqls: 7,
  responseMedianMinutes: 42,
  emailDelivered: 10_000,
  emailClicked: 310,
  grossMargin: 0.8,
};
const value = (id: string, i: KpiInputs = quarter) => kpiById.get(id)!.compute(i).value;

describe('KPI formulas against a hand-computed quarter', () => {
  it('computes each KPI', () => {
    expect(value('market_share')).toBeCloseTo(0.03); // 120k ÷ 4M
    expect(value('customer_acquisition_cost')).toBe(750_000); // (20k + 40k) ÷ 8 = 7,500.00
    expect(value('marketing_roi')).toBeCloseTo(4.5); // (110k − 20k) ÷ 20k
    expect(value('sales_conversion_rate')).toBeCloseTo(0.12); // 6 ÷ 50
    expect(value('revenue_growth')).toBeCloseTo(0.2); // (120k − 100k) ÷ 100k
    expect(value('customer_retention_rate')).toBeCloseTo(0.9); // (44 − 8) ÷ 40
    // ARPC = 120k ÷ 42 average customers = 2,857.14; × 0.8 ÷ churn 0.1 = 22,857.14
    expect(value('customer_lifetime_value')).toBe(2_285_714);
    expect(value('ltv_to_cac')).toBeCloseTo(2_285_714 / 750_000);
    expect(value('average_deal_size')).toBe(1_500_000); // 120k ÷ 8
    expect(value('win_rate')).toBeCloseTo(0.25); // 8 ÷ 32
    expect(value('sales_cycle_length')).toBe(30);
    expect(value('pipeline_velocity')).toBe(750_000); // 60 × 15,000 × 0.25 ÷ 30 = 7,500.00 a day
    expect(value('mql_to_sql_rate')).toBeCloseTo(0.35);
    expect(value('lead_response_time')).toBe(42);
    expect(value('cost_per_lead')).toBe(40_000); // 20k ÷ 50 = 400.00
    expect(value('email_engagement')).toBeCloseTo(0.031);
  });

  it('says why a KPI has no value instead of dividing by zero', () => {
    const empty: KpiInputs = {
      ...quarter,
      marketSize: null,
      marketingSpend: 0,
      newCustomers: 0,
      customersAtStart: 0,
      leads: 0,
      wonDeals: 0,
      lostDeals: 0,
      lastYearRevenue: 0,
      cycleMedianDays: null,
      mqls: 0,
      responseMedianMinutes: null,
      emailDelivered: 0,
    };
    for (const k of kpiDefinitions) {
      const r = k.compute(empty);
      expect(r.value, k.id).toBeNull();
      expect(r.reason, k.id).toMatch(/\w/);
    }
    expect(kpiById.get('customer_retention_rate')!.compute(empty).reason).toBe('There were no customers at the start of this period.');
    expect(kpiById.get('marketing_roi')!.compute(empty).reason).toBe('No marketing spend recorded for this period.');
  });

  it('gives no revenue growth against a period only partly covered by the deal history', () => {
    // The history begins on 2024-12-04, inside last year's quarter: its 100k would be part of a quarter's revenue.
    const r = kpiById.get('revenue_growth')!.compute({ ...quarter, lastYearHistoryFrom: '2024-12-04' });
    expect(r.value).toBeNull();
    expect(r.reason).toBe('Deal history begins on 2024-12-04, part-way through the comparison period, so its revenue is incomplete.');
  });

  it('treats a period that lost no customer as unbounded lifetime, and free acquisition as no ratio', () => {
    const loyal = { ...quarter, customersAtEnd: 48 }; // retention (48 − 8) ÷ 40 = 1
    expect(f.customerLifetimeValue(loyal).value).toBeNull();
    expect(f.ltvToCac({ ltv: { value: 100 }, cac: { value: 0 } }).value).toBeNull();
    // Zero spend and sales cost still gives a CAC of 0 (acquisition was free), not "no value".
    expect(f.customerAcquisitionCost({ marketingSpend: 0, salesCost: 0, newCustomers: 3 }).value).toBe(0);
  });

  it('judges status by direction', () => {
    expect(kpiStatus(0.3, 0.2, 'higher')).toBe('on_target');
    expect(kpiStatus(0.1, 0.2, 'higher')).toBe('off_target');
    expect(kpiStatus(50, 60, 'lower')).toBe('on_target');
    expect(kpiStatus(70, 60, 'lower')).toBe('off_target');
    expect(kpiStatus(1, null, 'lower')).toBe('no_target');
    expect(kpiStatus(null, 1, 'lower')).toBe('no_value');
  });

  it('takes the median of odd and even lists', () => {
    expect(f.median([])).toBeNull();
    expect(f.median([5, 1, 3])).toBe(3);
    expect(f.median([4, 1, 3, 2])).toBe(2.5);
  });
});
