/**
 * The lifecycle funnel as pure functions over each contact's first entry into every stage: counts, conversions and
 * median days between stages. A contact that skipped a stage (lead straight to customer) passed through the skipped
 * ones at the moment it reached the later one, so every stage's count includes the stages after it.
 */
export const funnelStages = ['subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity', 'customer'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export const funnelStageNames: Record<FunnelStage, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  marketing_qualified: 'MQL',
  sales_qualified: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
};

export interface FunnelContact {
  id: string;
  /** Breakdown key (null: none, e.g. no source). */
  group: string | null;
  createdAt: number;
  /** First entry (ms) into each stage exactly, in funnelStages order (evangelist counts as customer); null: never. */
  entered: (number | null)[];
}

export interface FunnelOptions {
  /** created: follow the contacts created in the range; period: count the stages reached within the range. */
  cohort: 'created' | 'period';
  start: number;
  end: number;
  /** A stage counts only when reached within this many days of the contact's creation. */
  windowDays: number | null;
}

export interface FunnelStageRow {
  stage: FunnelStage;
  name: string;
  count: number;
  /** count ÷ previous stage's count (null for the first stage or when the previous is 0). */
  conversionFromPrevious: number | null;
  /** count ÷ first stage's count. */
  conversionFromFirst: number | null;
  /** Median days from reaching the previous stage to reaching this one, over the contacts counted here. */
  medianDaysFromPrevious: number | null;
}

const dayMs = 86_400_000;

/** When a contact reached each stage: its first entry into that stage or any later one. */
export function reachedTimes(entered: (number | null)[]): (number | null)[] {
  const out: (number | null)[] = new Array(entered.length).fill(null);
  let min: number | null = null;
  for (let i = entered.length - 1; i >= 0; i--) {
    const e = entered[i];
    if (e !== null && e !== undefined && (min === null || e < min)) min = e;
    out[i] = min;
  }
  return out;
}

/** Which stages count for a contact under the options (a boolean per stage). */
export function countedStages(c: FunnelContact, o: FunnelOptions): boolean[] {
  const reached = reachedTimes(c.entered);
  const inCohort = o.cohort !== 'created' || (c.createdAt >= o.start && c.createdAt < o.end);
  return reached.map((at) => {
    if (at === null || !inCohort) return false;
    if (o.cohort === 'period' && (at < o.start || at >= o.end)) return false;
    if (o.windowDays !== null && at - c.createdAt > o.windowDays * dayMs) return false;
    return true;
  });
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** The stage table for a set of contacts. */
export function computeFunnel(contacts: FunnelContact[], o: FunnelOptions): FunnelStageRow[] {
  const counts = funnelStages.map(() => 0);
  const gaps: number[][] = funnelStages.map(() => []);
  for (const c of contacts) {
    const counted = countedStages(c, o);
    const reached = reachedTimes(c.entered);
    counted.forEach((yes, i) => {
      if (!yes) return;
      counts[i]!++;
      if (i > 0 && reached[i - 1] !== null) gaps[i]!.push((reached[i]! - reached[i - 1]!) / dayMs);
    });
  }
  return funnelStages.map((stage, i) => {
    const m = median(gaps[i]!);
    return {
      stage,
      name: funnelStageNames[stage],
      count: counts[i]!,
      conversionFromPrevious: i === 0 ? null : ratio(counts[i]!, counts[i - 1]!),
      conversionFromFirst: i === 0 ? null : ratio(counts[i]!, counts[0]!),
      medianDaysFromPrevious: i === 0 || m === null ? null : Math.round(m * 10) / 10,
    };
  });
}

/**
 * The contacts counted at `stage` that have not reached the next one (within the window, if any; in the period cohort
 * at any time so far). The customer stage has no drop-off.
 */
export function dropOff<C extends FunnelContact>(contacts: C[], stage: FunnelStage, o: FunnelOptions): C[] {
  const i = funnelStages.indexOf(stage);
  return contacts.filter((c) => {
    if (!countedStages(c, o)[i]) return false;
    const next = reachedTimes(c.entered)[i + 1];
    return next === null || next === undefined || (o.windowDays !== null && next - c.createdAt > o.windowDays * dayMs);
  });
}
