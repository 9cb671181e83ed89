import PDFDocument from 'pdfkit';
import { minorDigits } from '../../sales/index.ts';
import type { Quote } from '../queries/get-quote.ts';
import type { QuoteSettings } from '../queries/get-quote-settings.ts';

export interface QuotePdfInput {
  quote: Quote;
  settings: QuoteSettings;
  workspaceName: string;
  customer: { company: string | null; contact: string | null; email: string | null };
}

/** Minor units as "1,234.56 EUR" (fixed digits, so columns line up and tests can read them). */
export function money(minor: number, currency: string): string {
  const d = minorDigits(currency);
  return `${(minor / 10 ** d).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })} ${currency}`;
}

const pct = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;

/** The quote as a PDF (A4). Text is written uncompressed when `compress` is false, so tests can read it. */
export function renderQuotePdf(input: QuotePdfInput, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { quote: q, settings, workspaceName, customer } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: opts.compress ?? true,
    info: { Title: `Quote ${q.displayNumber} v${q.version}`, Author: workspaceName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 50;
  const width = doc.page.width - 100;
  let logoDrawn = false;
  if (settings.logo) {
    try {
      doc.image(Buffer.from(settings.logo.slice(settings.logo.indexOf(',') + 1), 'base64'), left, 45, { fit: [160, 50] });
      logoDrawn = true;
    } catch {
      // A logo pdfkit cannot read falls back to the name, never fails the quote.
    }
  }
  if (!logoDrawn) doc.font('Helvetica-Bold').fontSize(18).text(workspaceName, left, 50, { width: 260 });
  doc.font('Helvetica-Bold').fontSize(20).text('Quote', left, 50, { width, align: 'right' });
  doc.font('Helvetica').fontSize(10).text(`${q.displayNumber} · version ${q.version}`, { width, align: 'right' });
  doc.text(`Date: ${q.updatedAt.toISOString().slice(0, 10)}`, { width, align: 'right' });
  doc.text(`Valid until: ${q.validUntil}`, { width, align: 'right' });

  doc.moveDown(2).font('Helvetica-Bold').fontSize(11).text('Prepared for', left);
  doc.font('Helvetica').fontSize(10);
  for (const line of [customer.company, customer.contact, customer.email, `Re: ${q.dealName}`]) if (line) doc.text(line, left);

  // The line table.
  const cols = [
    { title: 'Item', w: 0.36, align: 'left' as const },
    { title: 'Qty', w: 0.08, align: 'right' as const },
    { title: 'Unit price', w: 0.15, align: 'right' as const },
    { title: 'Disc.', w: 0.08, align: 'right' as const },
    { title: 'Tax', w: 0.08, align: 'right' as const },
    { title: 'Amount', w: 0.25, align: 'right' as const },
  ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    let h = 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const w = cols[i]!.w * width;
      doc.text(cell, x + 2, y, { width: w - 4, align: cols[i]!.align });
      h = Math.max(h, doc.y - y);
      x += w;
    });
    doc.y = y + h + 4;
    doc.x = left;
  };
  doc.moveDown(1.5);
  row(
    cols.map((c) => c.title),
    true,
  );
  doc
    .moveTo(left, doc.y - 2)
    .lineTo(left + width, doc.y - 2)
    .strokeColor('#999')
    .stroke();
  for (const l of q.lines) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    const billing = l.billing === 'monthly' ? ' (per month)' : l.billing === 'yearly' ? ' (per year)' : '';
    row([
      `${l.name}${billing}${l.sku ? `\n${l.sku}` : ''}${l.description ? `\n${l.description}` : ''}`,
      l.quantity,
      money(l.unitPrice, q.currency),
      l.discountPct ? pct(l.discountPct) : '',
      l.taxPct ? pct(l.taxPct) : '',
      money(l.total, q.currency),
    ]);
  }
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .stroke();
  doc.moveDown(0.5);
  const total = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 11 : 10);
    doc.text(label, left + width * 0.5, y, { width: width * 0.25, align: 'right' });
    doc.text(value, left + width * 0.75, y, { width: width * 0.25, align: 'right' });
    doc.x = left;
  };
  total('Subtotal', money(q.subtotal, q.currency));
  if (q.discountTotal) total('Discount', `-${money(q.discountTotal, q.currency)}`);
  total('Tax', money(q.taxTotal, q.currency));
  total('Total', money(q.total, q.currency), true);

  if (q.notes) doc.moveDown(1.5).font('Helvetica').fontSize(10).text(q.notes, left, doc.y, { width });
  if (settings.terms) {
    doc.moveDown(1.5).font('Helvetica-Bold').fontSize(10).text('Terms', left, doc.y, { width });
    doc.font('Helvetica').fontSize(9).text(settings.terms, { width });
  }
  doc.end();
  return done;
}
