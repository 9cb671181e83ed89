import type { KpiValue } from './formulas.ts';
import * as f from './formulas.ts';

export type KpiUnit = 'percent' | 'money' | 'ratio' | 'days' | 'minutes' | 'money_per_day';
export type KpiFrequency = 'monthly' | 'quarterly';

/** What the KPI board reads from the database for one period (money in minor units of the reporting currency). */
export interface KpiInputs {
  revenue: number;
  /** Revenue of the same period a year earlier. */
  lastYearRevenue: number;
  /**
   * The day the workspace's deal history begins (YYYY-MM-DD, UTC) when that is inside the same period a year earlier,
   * so its revenue is only partly recorded; null when the history covers it (or begins after it).
   */
  lastYearHistoryFrom: string | null;
  /** Revenue of the period before. */
  previousRevenue: number;
  marketSize: number | null;
  marketingSpend: number;
  salesCost: number;
  attributedRevenue: number;
  newCustomers: number;
  customersAtStart: number;
  customersAtEnd: number;
  leads: number;
  leadsBecameCustomers: number;
  wonDeals: number;
  lostDeals: number;
  wonRevenue: number;
  cycleMedianDays: number | null;
  openDeals: number;
  mqls: number;
  mqlsBecameSqls: number;
  responseMedianMinutes: number | null;
  emailDelivered: number;
  emailClicked: number;
  /** Gross margin as a fraction (workspace setting). */
  grossMargin: number;
}

export interface KpiDefinition {
  id: string;
  name: string;
  formula: string;
  unit: KpiUnit;
  /** Which way is good. */
  direction: 'higher' | 'lower';
  /** Default target (in the KPI's unit: fractions for percent), null when only the workspace can set one. */
  defaultTarget: number | null;
  frequency: KpiFrequency;
  /** The APQC "Market and Sell" card KPIs come first on the board. */
  core: boolean;
  compute(i: KpiInputs): KpiValue;
}

const cac = (i: KpiInputs) => f.customerAcquisitionCost(i);
const ltv = (i: KpiInputs) => f.customerLifetimeValue(i);
const avgDeal = (i: KpiInputs) => f.averageDealSize(i);
const win = (i: KpiInputs) => f.winRate(i);
const cycle = (i: KpiInputs) => f.salesCycleLength({ medianDays: i.cycleMedianDays });

/** Every KPI on the board, in display order. */
export const kpiDefinitions: KpiDefinition[] = [
  {
    id: 'market_share',
    name: 'Market share',
    formula: 'revenue in period ÷ total market size entered for the period',
    unit: 'percent',
    direction: 'higher',
    defaultTarget: null,
    frequency: 'quarterly',
    core: true,
    compute: (i) => f.marketShare(i),
  },
  {
    id: 'customer_acquisition_cost',
    name: 'Customer acquisition cost',
    formula: '(marketing spend + sales cost) ÷ new customers in period',
    unit: 'money',
    direction: 'lower',
    defaultTarget: null,
    frequency: 'monthly',
    core: true,
    compute: cac,
  },
  {
    id: 'marketing_roi',
    name: 'Marketing ROI',
    formula: '(attributed revenue − marketing spend) ÷ marketing spend',
    unit: 'ratio',
    direction: 'higher',
    defaultTarget: 5,
    frequency: 'quarterly',
    core: true,
    compute: (i) => f.marketingRoi(i),
  },
  {
    id: 'sales_conversion_rate',
    name: 'Sales conversion rate',
    formula: 'leads created in period that became customers ÷ leads created in period',
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 0.2,
    frequency: 'monthly',
    core: true,
    compute: (i) => f.salesConversionRate({ leads: i.leads, becameCustomers: i.leadsBecameCustomers }),
  },
  {
    id: 'revenue_growth',
    name: 'Revenue growth',
    formula:
      '(revenue − revenue of the same period last year) ÷ revenue of the same period last year; a period under way is compared to the same day',
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 0.1,
    frequency: 'quarterly',
    core: true,
    compute: (i) =>
      f.revenueGrowth({ revenue: i.revenue, comparisonRevenue: i.lastYearRevenue, comparisonHistoryFrom: i.lastYearHistoryFrom }),
  },
  {
    id: 'customer_retention_rate',
    name: 'Customer retention rate',
    formula: '(customers at end − new customers) ÷ customers at start',
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 0.85,
    frequency: 'quarterly',
    core: true,
    compute: (i) => f.customerRetentionRate(i),
  },
  {
    id: 'customer_lifetime_value',
    name: 'Customer lifetime value',
    formula: 'average revenue per customer × gross margin ÷ churn rate (1 − retention)',
    unit: 'money',
    direction: 'higher',
    defaultTarget: null,
    frequency: 'quarterly',
    core: false,
    compute: ltv,
  },
  {
    id: 'ltv_to_cac',
    name: 'CLTV : CAC',
    formula: 'customer lifetime value ÷ customer acquisition cost',
    unit: 'ratio',
    direction: 'higher',
    defaultTarget: 3,
    frequency: 'quarterly',
    core: false,
    compute: (i) => f.ltvToCac({ ltv: ltv(i), cac: cac(i) }),
  },
  {
    id: 'average_deal_size',
    name: 'Average deal size',
    formula: 'revenue of deals won in period ÷ deals won',
    unit: 'money',
    direction: 'higher',
    defaultTarget: null,
    frequency: 'monthly',
    core: false,
    compute: avgDeal,
  },
  {
    id: 'win_rate',
    name: 'Win rate',
    formula: 'deals won ÷ deals closed (won + lost) in period',
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 0.25,
    frequency: 'monthly',
    core: false,
    compute: win,
  },
  {
    id: 'sales_cycle_length',
    name: 'Sales cycle length',
    formula: 'median days from creation to win of deals won in period',
    unit: 'days',
    direction: 'lower',
    defaultTarget: null,
    frequency: 'monthly',
    core: false,
    compute: cycle,
  },
  {
    id: 'pipeline_velocity',
    name: 'Pipeline velocity',
    formula: 'open deals × average deal size × win rate ÷ sales cycle days',
    unit: 'money_per_day',
    direction: 'higher',
    defaultTarget: null,
    frequency: 'monthly',
    core: false,
    compute: (i) => f.pipelineVelocity({ openDeals: i.openDeals, averageDealSize: avgDeal(i), winRate: win(i), cycleDays: cycle(i) }),
  },
  {
    id: 'mql_to_sql_rate',
    name: 'MQL → SQL rate',
    formula: 'contacts that became MQL in period and reached SQL ÷ those MQLs',
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 0.3,
    frequency: 'monthly',
    core: false,
    compute: (i) => f.mqlToSqlRate({ mqls: i.mqls, becameSqls: i.mqlsBecameSqls }),
  },
  {
    id: 'lead_response_time',
    name: 'Lead response time',
    formula: 'median business minutes from assignment to first touch, leads assigned in period',
    unit: 'minutes',
    direction: 'lower',
    defaultTarget: 60,
    frequency: 'monthly',
    core: false,
    compute: (i) => f.leadResponseTime({ medianMinutes: i.responseMedianMinutes }),
  },
  {
    id: 'cost_per_lead',
    name: 'Cost per lead',
    formula: 'marketing spend ÷ leads created in period',
    unit: 'money',
    direction: 'lower',
    defaultTarget: null,
    frequency: 'monthly',
    core: false,
    compute: (i) => f.costPerLead({ marketingSpend: i.marketingSpend, leads: i.leads }),
  },
  {
    id: 'email_engagement',
    name: 'Email engagement',
    formula: 'emails clicked ÷ emails delivered (click rate), emails sent in period',
    unit: 'percent',
    direction: 'higher',
    defaultTarget: 0.025,
    frequency: 'monthly',
    core: false,
    compute: (i) => f.emailEngagement({ delivered: i.emailDelivered, clicked: i.emailClicked }),
  },
];

export const kpiIds = kpiDefinitions.map((k) => k.id);
export const kpiById = new Map(kpiDefinitions.map((k) => [k.id, k]));

export type KpiStatus = 'on_target' | 'off_target' | 'no_target' | 'no_value';

/** On or off target, given which way is good. */
export function kpiStatus(value: number | null, target: number | null, direction: 'higher' | 'lower'): KpiStatus {
  if (value === null) return 'no_value';
  if (target === null) return 'no_target';
  return (direction === 'higher' ? value >= target : value <= target) ? 'on_target' : 'off_target';
}
