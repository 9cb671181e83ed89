/**
 * One CSV line (RFC 4180) in which NULL and the empty string differ: NULL is an empty field, '' is `""`.
 * The workspace export is a data format read back by the importer, so cells are written exactly (no formula prefix).
 */
export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map((v) => (v === null ? '' : v === '' || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')}\r\n`;
}

/** A JSON value of a row (row_to_json) as the CSV cell the importer reads back. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
