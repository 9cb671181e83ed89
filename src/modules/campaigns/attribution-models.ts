/**
 * Attribution models: how a won deal's revenue is shared among the touchpoints before the win. Pure functions;
 * formulas and rounding are described in docs/campaigns-and-attribution.md.
 */
export const attributionModels = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay'] as const;
export type AttributionModel = (typeof attributionModels)[number];

export interface Touch {
  campaignId: string;
  at: Date;
  /** Breaks ties between touches at the same instant, so results never depend on row order. */
  key?: string;
}

export interface Journey {
  touches: Touch[];
  /** The deal's won time; time decay measures from here. */
  wonAt: Date;
  /** When the person became a lead (W-shaped milestone); defaults to the first touch. */
  leadAt?: Date | null;
  /** When the opportunity (deal) was created (W-shaped milestone). */
  opportunityAt?: Date | null;
}

const dayMs = 86_400_000;
export const halfLifeDays = 7;

/** Touches in time order; ties by campaign id, then key (stable and independent of input order). */
export function orderTouches(touches: Touch[]): Touch[] {
  return [...touches].sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0) ||
      ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0),
  );
}

/** Index of the last touch at or before `at`, else the first touch (a milestone reached before any touch). */
function milestoneIndex(touches: Touch[], at: Date | null | undefined): number {
  if (!at) return 0;
  let found = 0;
  for (let i = 0; i < touches.length; i++) if (touches[i]!.at.getTime() <= at.getTime()) found = i;
  return found;
}

/** Fractional weights (summing to 1) of the ordered touches under a model; [] when there are none. */
export function modelWeights(model: AttributionModel, journey: Journey): number[] {
  const t = orderTouches(journey.touches);
  const n = t.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  const w = new Array<number>(n).fill(0);
  switch (model) {
    case 'first_touch':
      w[0] = 1;
      return w;
    case 'last_touch':
      w[n - 1] = 1;
      return w;
    case 'linear':
      return w.fill(1 / n);
    case 'u_shaped': {
      if (n === 2) return [0.5, 0.5];
      w[0] = 0.4;
      w[n - 1] = 0.4;
      for (let i = 1; i < n - 1; i++) w[i] = 0.2 / (n - 2);
      return w;
    }
    case 'w_shaped': {
      // 30% to each milestone touch (first touch, lead creation, opportunity creation; a touch that is several
      // milestones gets each share), 10% spread over the other touches, or over the three milestones when none.
      const milestones = [0, milestoneIndex(t, journey.leadAt), milestoneIndex(t, journey.opportunityAt)];
      const others = t.map((_, i) => i).filter((i) => !milestones.includes(i));
      for (const m of milestones) w[m]! += others.length ? 0.3 : 1 / 3;
      for (const i of others) w[i]! += 0.1 / others.length;
      return w;
    }
    case 'time_decay': {
      const raw = t.map((x) => 2 ** (-Math.max(0, journey.wonAt.getTime() - x.at.getTime()) / (halfLifeDays * dayMs)));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((r) => r / sum);
    }
  }
}

/**
 * Splits `amount` (integer minor units) by weights so the parts are integers summing exactly to `amount`:
 * each part is floored, then the units left go one each to the largest remainders (earlier touch first on ties).
 */
export function splitAmount(amount: number, weights: number[]): number[] {
  if (weights.length === 0) return [];
  const sign = amount < 0 ? -1 : 1;
  const total = Math.abs(amount);
  const exact = weights.map((w) => w * total);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - parts[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts.map((p) => p * sign);
}

export interface Credit {
  campaignId: string;
  amount: number;
}

/** The revenue credited to each campaign of a journey (touches of one campaign added up), summing to `amount`. */
export function attribute(model: AttributionModel, journey: Journey, amount: number): Credit[] {
  const touches = orderTouches(journey.touches);
  const parts = splitAmount(amount, modelWeights(model, { ...journey, touches }));
  const byCampaign = new Map<string, number>();
  for (const [i, touch] of touches.entries()) byCampaign.set(touch.campaignId, (byCampaign.get(touch.campaignId) ?? 0) + parts[i]!);
  return [...byCampaign].map(([campaignId, credited]) => ({ campaignId, amount: credited }));
}
