/** The local days a period label covers: 2026-11 → 1–30 Nov, 2026-Q4 → 1 Oct–31 Dec, 2026 → the year. */
export function periodRange(label: string): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  const year = Number(label.slice(0, 4));
  const [first, months] = q ? [(Number(q[2]) - 1) * 3 + 1, 3] : m ? [Number(m[2]), 1] : [1, 12];
  const lastMonth = first + months - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The current quarter's label, e.g. 2026-Q4. */
export function currentQuarter(now = new Date()) {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })} %`;

export const days = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${v.toLocaleString(undefined, { maximumFractionDigits: 1 })} d`;

export const csvHref = (path: string, query: Record<string, string | number | undefined>) =>
  `${path}?${new URLSearchParams(
    Object.entries(query)
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )}`;
