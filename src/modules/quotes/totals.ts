import { AppError } from '../../kernel/errors.ts';
import { divHalfUp, lineMoney, parseScaled } from './line-math.ts';
import type { LineBilling } from './schema.ts';

/**
 * Quote and order arithmetic, in integers only (BigInt), so 0.1 + 0.2 never shows up on an invoice.
 * Per line: gross = quantity × unit price; discount = gross × discount%; tax = (gross − discount) × tax%;
 * total = gross − discount + tax. Each of the three is rounded half-up to minor units on its own line,
 * and the document's figures are the sums of its lines' (so the PDF's columns always add up).
 */

const QTY_SCALE = 10_000n; // quantity: up to 4 decimals
const PCT_SCALE = 100n; // percentages: up to 2 decimals

const pathOf = (path: (string | number)[]) =>
  path
    .filter((p) => p !== 'body')
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p))
    .join('');

/** A decimal (number or string) as an integer scaled by 10^digits, or a 400 at the path. */
export function scaled(raw: number | string, digits: number, path: (string | number)[], what: string): bigint {
  const v = parseScaled(raw, digits);
  if (v === null)
    throw new AppError('validation_failed', `${pathOf(path)}: ${what} must be a number with at most ${digits} decimals (got "${raw}").`, {
      path,
      field: pathOf(path),
    });
  return v;
}

export const fieldError = (path: (string | number)[], message: string) =>
  new AppError('validation_failed', `${pathOf(path)}: ${message}`, { path, field: pathOf(path) });

export interface LineFigures {
  quantity: string;
  discountPct: string;
  taxPct: string;
  gross: number;
  discount: number;
  tax: number;
  total: number;
}

/** A line's money; quantity > 0, 0 ≤ discount ≤ 100, 0 ≤ tax ≤ 100, or 400 with the field's path. */
export function lineFigures(
  input: { quantity: number | string; unitPrice: number; discountPct?: number | string; taxPct?: number | string },
  path: (string | number)[],
): LineFigures {
  const q = scaled(input.quantity, 4, [...path, 'quantity'], 'quantity');
  if (q <= 0n) throw fieldError([...path, 'quantity'], `quantity must be greater than 0 (got ${input.quantity}).`);
  if (!Number.isSafeInteger(input.unitPrice) || input.unitPrice < 0)
    throw fieldError([...path, 'unitPrice'], 'unit price must be a whole number of minor units (cents), 0 or more.');
  const d = scaled(input.discountPct ?? 0, 2, [...path, 'discountPct'], 'discount %');
  if (d < 0n || d > 100n * PCT_SCALE) throw fieldError([...path, 'discountPct'], 'discount % must be between 0 and 100.');
  const t = scaled(input.taxPct ?? 0, 2, [...path, 'taxPct'], 'tax %');
  if (t < 0n || t > 100n * PCT_SCALE) throw fieldError([...path, 'taxPct'], 'tax % must be between 0 and 100.');
  const { gross, discount, tax, total } = lineMoney(q, BigInt(input.unitPrice), d, t);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw fieldError([...path, 'quantity'], 'the line total is too large.');
  const dec = (v: bigint, s: bigint, digits: number) => {
    const frac = (v % s).toString().padStart(digits, '0').replace(/0+$/, '');
    return `${v / s}${frac ? `.${frac}` : ''}`;
  };
  return {
    quantity: dec(q, QTY_SCALE, 4),
    discountPct: dec(d, PCT_SCALE, 2),
    taxPct: dec(t, PCT_SCALE, 2),
    gross: Number(gross),
    discount: Number(discount),
    tax: Number(tax),
    total: Number(total),
  };
}

export interface DocumentTotals {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
}

export function sumLines(lines: { gross: number; discount: number; tax: number; total: number }[]): DocumentTotals {
  return lines.reduce(
    (s, l) => ({
      subtotal: s.subtotal + l.gross,
      discountTotal: s.discountTotal + l.discount,
      taxTotal: s.taxTotal + l.tax,
      total: s.total + l.total,
    }),
    { subtotal: 0, discountTotal: 0, taxTotal: 0, total: 0 },
  );
}

/**
 * Recurring revenue of lines, before tax and after discount: ARR = 12 × monthly lines + yearly lines,
 * MRR = ARR / 12 rounded half-up (so a yearly line of 1,000.00 adds 83.33 MRR and exactly 1,000.00 ARR).
 */
export function recurring(lines: { billing: LineBilling; gross: number; discount: number }[]): { mrr: number; arr: number } {
  let arr = 0n;
  for (const l of lines) {
    const net = BigInt(l.gross - l.discount);
    if (l.billing === 'monthly') arr += net * 12n;
    else if (l.billing === 'yearly') arr += net;
  }
  return { mrr: Number(divHalfUp(arr, 12n)), arr: Number(arr) };
}
