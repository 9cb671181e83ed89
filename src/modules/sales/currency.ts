import { AppError } from '../../kernel/errors.ts';

const known = new Set(Intl.supportedValuesOf('currency'));

const digits = new Map<string, number>();

/** Digits after the decimal point of a currency's minor unit (JPY 0, EUR 2, KWD 3), from ICU's ISO 4217 data (memoized: a formatter costs ~0.1 ms). */
export function minorDigits(currency: string): number {
  let d = digits.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digits.set(currency, d);
  }
  return d;
}

/** An ISO 4217 code (upper-cased), or 400 unknown_currency at the path. */
export function checkCurrency(raw: string, path: (string | number)[]): string {
  const code = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !known.has(code))
    throw new AppError('unknown_currency', `"${raw}" is not an ISO 4217 currency code; use one such as USD, EUR or JPY.`, { path });
  return code;
}

/** Minor units of `from` at `rate` (1 from = rate to) as minor units of `to`, rounded half away from zero. */
export function convertMinor(amount: number, rate: number, from: string, to: string): number {
  return Math.round(amount * rate * 10 ** (minorDigits(to) - minorDigits(from)));
}
