/**
 * The arithmetic of one quote or order line, with no imports so the web app's quote builder runs the
 * very same code for its live totals. Integers only (BigInt): quantity scaled by 10^4, percentages by
 * 10^2, money in minor units; each of gross, discount and tax is rounded half-up on its own.
 */

/** n / d rounded half-up, for n, d ≥ 0. */
export const divHalfUp = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

/** A decimal written as text or number, scaled by 10^digits; null when it is not one or has more decimals. */
export function parseScaled(raw: number | string, digits: number): bigint | null {
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : 'NaN') : raw.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m || (m[3] ?? '').replace(/0+$/, '').length > digits) return null;
  const v = BigInt(m[2]! + (m[3] ?? '').padEnd(digits, '0').slice(0, digits));
  return m[1] ? -v : v;
}

/** gross = qty × price; discount = gross × d%; tax = (gross − discount) × t%; total = gross − discount + tax. */
export function lineMoney(qty4: bigint, unitPrice: bigint, discount2: bigint, tax2: bigint) {
  const gross = divHalfUp(qty4 * unitPrice, 10_000n);
  const discount = divHalfUp(gross * discount2, 10_000n);
  const tax = divHalfUp((gross - discount) * tax2, 10_000n);
  return { gross, discount, tax, total: gross - discount + tax };
}
