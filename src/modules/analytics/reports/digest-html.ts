import { minorDigits } from '../../sales/index.ts';
import type { KpiBoard } from '../queries/get-kpi-board.ts';

type Tile = KpiBoard['kpis'][number];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A KPI value in its unit, as the dashboard shows it (money in the reporting currency's major units). */
export function formatValue(value: number | null, unit: Tile['unit'], currency: string): string {
  if (value === null) return '—';
  const money = (minor: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 10 ** minorDigits(currency));
  switch (unit) {
    case 'percent':
      return `${(Math.round(value * 1000) / 10).toLocaleString('en-US')} %`;
    case 'money':
      return money(value);
    case 'money_per_day':
      return `${money(value)}/day`;
    case 'ratio':
      return `${(Math.round(value * 10) / 10).toLocaleString('en-US')} : 1`;
    case 'days':
      return `${(Math.round(value * 10) / 10).toLocaleString('en-US')} days`;
    case 'minutes':
      return `${Math.round(value)} min`;
  }
}

function formatChange(k: Tile, currency: string): string {
  if (k.change === null) return '—';
  const sign = k.change > 0 ? '+' : k.change < 0 ? '−' : '±';
  if (k.unit === 'percent') return `${sign}${(Math.round(Math.abs(k.change) * 1000) / 10).toLocaleString('en-US')} pts`;
  return `${sign}${formatValue(Math.abs(k.change), k.unit, currency)}`;
}

const statusText: Record<Tile['status'], [string, string]> = {
  on_target: ['On target', '#2f9e44'],
  off_target: ['Off target', '#e03131'],
  no_target: ['No target', '#868e96'],
  no_value: ['No value', '#868e96'],
};

/** The KPI board as an email: one row per KPI with value, target, status and change; every string escaped. */
export function renderDigestHtml(board: KpiBoard, opts: { workspace: string; url: string }): { subject: string; html: string } {
  const cell = 'padding:6px 10px;border-bottom:1px solid #e9ecef;';
  const rowsHtml = board.kpis
    .map((k) => {
      const [status, color] = statusText[k.status];
      return `<tr>
<td style="${cell}">${escapeHtml(k.name)}</td>
<td style="${cell}text-align:right;font-weight:600">${escapeHtml(formatValue(k.value, k.unit, board.currency))}</td>
<td style="${cell}text-align:right">${escapeHtml(formatValue(k.target, k.unit, board.currency))}</td>
<td style="${cell}color:${color}">${status}</td>
<td style="${cell}text-align:right">${escapeHtml(formatChange(k, board.currency))}</td>
</tr>`;
    })
    .join('\n');
  const subject = `KPI dashboard · ${board.period.label} · ${opts.workspace}`;
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#212529">
<h1 style="font-size:20px">${escapeHtml(subject)}</h1>
<p style="color:#495057">${Math.round(board.period.elapsed * 100)}% of ${escapeHtml(board.period.label)} has passed; changes compare with ${escapeHtml(board.comparison.label)}. Amounts in ${escapeHtml(board.currency)}.</p>
<table style="border-collapse:collapse;font-size:14px" aria-label="KPIs">
<thead><tr><th style="${cell}text-align:left">KPI</th><th style="${cell}text-align:right">Value</th><th style="${cell}text-align:right">Target</th><th style="${cell}text-align:left">Status</th><th style="${cell}text-align:right">Change</th></tr></thead>
<tbody>
${rowsHtml}
</tbody></table>
<p><a href="${escapeHtml(opts.url)}">Open the KPI dashboard</a></p>
<p style="color:#868e96;font-size:12px">You get this every Monday because you subscribed on the KPI dashboard. Unsubscribe there.</p>
</body></html>`;
  return { subject, html };
}
