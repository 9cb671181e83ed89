import { convertMinor } from '../../sales/index.ts';

/** Sums per (currency, rate) group, as SQL returns them: rate is null when there is none (or none is needed). */
export interface MoneyGroup {
  currency: string;
  rate: string | null;
  total: string | number | null;
}

export interface Converted {
  /** Minor units of the reporting currency. */
  amount: number;
  /** Currencies left out for want of an exchange rate into the reporting currency. */
  unconverted: string[];
}

/** Adds groups up in the reporting currency, converting each at its rate (half away from zero, as the board does). */
export function sumConverted(groups: MoneyGroup[], reporting: string): Converted {
  let amount = 0;
  const unconverted = new Set<string>();
  for (const g of groups) {
    const total = Number(g.total ?? 0);
    if (g.currency === reporting) amount += total;
    else if (g.rate === null) unconverted.add(g.currency);
    else amount += convertMinor(total, Number(g.rate), g.currency, reporting);
  }
  return { amount, unconverted: [...unconverted].sort() };
}
