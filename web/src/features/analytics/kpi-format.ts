import { formatMinor } from '../deals/money.ts';
import type { KpiUnit } from './analytics-types.ts';

/** A KPI value in its unit: 25 %, €7,500, 4.5 : 1, 20 days, 42 min. */
export function formatKpi(value: number | null, unit: KpiUnit, currency: string): string {
  if (value === null) return '—';
  switch (unit) {
    case 'percent':
      return `${(value * 100).toLocaleString(undefined, { maximumFractionDigits: Math.abs(value) < 0.1 ? 2 : 1 })} %`;
    case 'money':
      return formatMinor(Math.round(value), currency);
    case 'money_per_day':
      return `${formatMinor(Math.round(value), currency)}/day`;
    case 'ratio':
      return `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })}\u00a0:\u00a01`;
    case 'days':
      return `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })} days`;
    case 'minutes':
      return value < 120 ? `${Math.round(value)} min` : `${(value / 60).toLocaleString(undefined, { maximumFractionDigits: 1 })} h`;
  }
}

/** The change against the comparison period, as a signed figure in the KPI's unit (percentage points for rates). */
export function formatChange(change: number | null, unit: KpiUnit, currency: string): string | null {
  if (change === null) return null;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  if (unit === 'percent') return `${sign}${(size * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })} pts`;
  return `${sign}${formatKpi(size, unit, currency)}`;
}

/** Whether a change is good news, given the direction the KPI should go. */
export const changeIsGood = (change: number, direction: 'higher' | 'lower') => (direction === 'higher' ? change > 0 : change < 0);

/** Periods offered in the picker: the last eight quarters, the last twelve months and the last three years. */
export function periodChoices(now = new Date()) {
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  const q = Math.floor((m - 1) / 3) + 1;
  const quarters = Array.from({ length: 8 }, (_, i) => {
    const idx = y * 4 + (q - 1) - i;
    return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
  });
  const months = Array.from({ length: 12 }, (_, i) => {
    const idx = y * 12 + (m - 1) - i;
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
  });
  const years = [y, y - 1, y - 2].map(String);
  return [
    { group: 'Quarters', items: quarters },
    { group: 'Months', items: months },
    { group: 'Years', items: years },
  ];
}
