import type { Ctx } from '../../../kernel/context.ts';
import { type KpiDefinition, type KpiInputs, type KpiStatus, kpiDefinitions, kpiStatus } from '../kpis/definitions.ts';
import { elapsedShare, type Period, parsePeriod, periodAt, previousPeriod, sameLastYear, shiftPeriod } from '../periods.ts';
import { getKpiInputsFor } from './kpi-inputs.ts';
import { getAnalyticsBasis } from './workspace-basis.ts';

export type Comparison = 'previous' | 'last_year';

export interface KpiTile {
  id: string;
  name: string;
  formula: string;
  unit: KpiDefinition['unit'];
  direction: KpiDefinition['direction'];
  frequency: KpiDefinition['frequency'];
  core: boolean;
  value: number | null;
  reason: string | null;
  target: number | null;
  targetIsDefault: boolean;
  status: KpiStatus;
  comparisonValue: number | null;
  /** value − comparison value, null when either is missing. */
  change: number | null;
  /** Values of the periods before this one and this one, oldest first (sparkline). */
  trend: { period: string; value: number | null }[];
}

export interface KpiBoard {
  period: { label: string; start: string; end: string; elapsed: number };
  comparison: { kind: Comparison; label: string };
  currency: string;
  timezone: string;
  unconvertedCurrencies: string[];
  kpis: KpiTile[];
}

const describe = (p: Period) => p.label;

/** The KPI board of a period (the current quarter by default) beside a comparison period, with a trend per KPI. */
export async function getKpiBoard(
  ctx: Ctx,
  opts: { period?: string; compare?: Comparison; trend?: number },
  now = new Date(),
): Promise<KpiBoard> {
  const basis = await getAnalyticsBasis(ctx);
  const period = opts.period ? parsePeriod(opts.period, basis.timezone, ['query', 'period']) : periodAt(now, 'quarter', basis.timezone);
  const compareKind = opts.compare ?? 'last_year';
  const comparison = compareKind === 'previous' ? previousPeriod(period) : sameLastYear(period);
  const trendLength = Math.max(1, Math.min(opts.trend ?? 6, 12));
  const trendPeriods = Array.from({ length: trendLength }, (_, i) => shiftPeriod(period, i - trendLength + 1));
  const inputsOf = await getKpiInputsFor(ctx, [period, comparison, ...trendPeriods], basis.currency, basis.grossMargin);
  const current = inputsOf.get(period.label)!;
  const compared = inputsOf.get(comparison.label)!;
  const trends: { p: Period; inputs: KpiInputs }[] = trendPeriods.map((p) => ({ p, inputs: inputsOf.get(p.label)!.inputs }));

  const kpis = kpiDefinitions.map((k): KpiTile => {
    const r = k.compute(current.inputs);
    const c = k.compute(compared.inputs).value;
    const own = basis.targets.has(k.id);
    const target = own ? basis.targets.get(k.id)! : k.defaultTarget;
    return {
      id: k.id,
      name: k.name,
      formula: k.formula,
      unit: k.unit,
      direction: k.direction,
      frequency: k.frequency,
      core: k.core,
      value: r.value,
      reason: r.reason ?? null,
      target,
      targetIsDefault: !own,
      status: kpiStatus(r.value, target, k.direction),
      comparisonValue: c,
      change: r.value === null || c === null ? null : r.value - c,
      trend: trends.map((t) => ({ period: describe(t.p), value: k.compute(t.inputs).value })),
    };
  });
  return {
    period: { label: period.label, start: period.start.toISOString(), end: period.end.toISOString(), elapsed: elapsedShare(period, now) },
    comparison: { kind: compareKind, label: comparison.label },
    currency: basis.currency,
    timezone: basis.timezone,
    unconvertedCurrencies: current.unconverted,
    kpis,
  };
}
