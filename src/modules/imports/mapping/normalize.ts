/** A header or field name reduced for comparison: lower case, accents and punctuation dropped ("E-Mail Address" → "emailaddress"). */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/__c$/, '')
    .replace(/[^a-z0-9]/g, '');
}
