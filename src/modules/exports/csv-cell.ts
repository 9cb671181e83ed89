/** Characters that make spreadsheet apps read a cell as a formula (OWASP CSV injection), plus tab and CR. */
const formulaStart = /^[=+\-@\t\r]/;

/** A cell as text, made inert for spreadsheets: a leading = + - @ (or tab, CR) gets a ' in front. */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return formulaStart.test(s) ? `'${s}` : s;
}
