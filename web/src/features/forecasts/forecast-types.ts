import type { z } from 'zod';
import type { forecastTypes } from '../../../../src/modules/forecasts/index.ts';
import type { Wire } from '../../lib/api/index.ts';

// The forecast wire types, from the zod schemas the server validates with (type-only: nothing is bundled).
type Out<S extends z.ZodType> = Wire<z.output<S>>;
type In<S extends z.ZodType> = z.input<S>;
type S = typeof forecastTypes;

export type Forecast = Out<S['forecastResponse']>;
export type ForecastNode = Forecast['tree'];
export type Quota = Out<S['quotaSchema']>;
export type QuotaItem = In<S['quotaItem']>;
export type OverrideBody = In<S['overrideBody']>;
export type Override = Out<S['overrideSchema']>;
export type Accuracy = Out<S['accuracyResponse']>;
export type WinLoss = Out<S['winLossResponse']>;
export type WinLossRow = WinLoss['total'];
export type OverrideCategory = OverrideBody['category'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter or month containing today (local time of this browser). */
export function currentPeriod(kind: 'quarter' | 'month', d = new Date()): string {
  return kind === 'month' ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}` : `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/** The period `by` steps before or after ("2026-Q4" + 1 = "2027-Q1"; "2026-12" + 1 = "2027-01"). */
export function shiftPeriod(period: string, by: number): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const i = Number(q[1]) * 4 + Number(q[2]) - 1 + by;
    return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
  }
  const [y, m] = period.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + by;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** "2026-Q4" → "Q4 2026"; "2026-11" → "November 2026". */
export function periodLabel(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `Q${q[2]} ${q[1]}`;
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(y, m - 1, 1).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
}

export const isPeriod = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/.test(s);
