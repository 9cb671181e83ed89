import { describe, expect, it } from 'vitest';
import { safeCell } from './csv-cell.ts';

describe('safeCell', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    for (const s of ['=1+1', '+49 30 1234', '-2', '@SUM(A1)', '\tx', '\rx']) expect(safeCell(s)).toBe(`'${s}`);
  });
  it('leaves other text, empty values and inner formula characters alone', () => {
    expect(safeCell('Ada = Lovelace')).toBe('Ada = Lovelace');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
    expect(safeCell('')).toBe('');
    expect(safeCell(42)).toBe('42');
  });
});
