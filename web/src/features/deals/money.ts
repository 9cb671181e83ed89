const digits = new Map<string, number>();

/** Digits of a currency's minor unit (JPY 0, EUR 2, KWD 3), memoized. */
export function minorDigits(currency: string): number {
  let d = digits.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digits.set(currency, d);
  }
  return d;
}

/** Minor units as money in its currency, whole units when there are no cents: 1234500 EUR → "€12,345". */
export function formatMinor(minor: number | null | undefined, currency: string, compact = false): string {
  if (minor === null || minor === undefined) return '';
  const major = minor / 10 ** minorDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact || Number.isInteger(major) ? (compact ? 1 : 0) : minorDigits(currency),
    }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
}

/** Major units typed by a person ("12,500.50") as minor units, or null when empty; NaN when not a number. */
export function toMinor(text: string | number | null | undefined, currency: string): number | null {
  if (text === null || text === undefined || text === '') return null;
  const n = typeof text === 'number' ? text : Number(String(text).replace(/[,\s]/g, ''));
  return Number.isFinite(n) ? Math.round(n * 10 ** minorDigits(currency)) : Number.NaN;
}

export const fromMinor = (minor: number | null | undefined, currency: string) =>
  minor === null || minor === undefined ? '' : minor / 10 ** minorDigits(currency);

/** Minor units rounded to whole units, for tables of large sums where cents are noise: 123456789 USD → "$1,234,568". */
export function formatWhole(minor: number, currency: string): string {
  const unit = 10 ** minorDigits(currency);
  return formatMinor(Math.round(minor / unit) * unit, currency);
}
