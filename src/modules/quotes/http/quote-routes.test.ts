import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestMember, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let rep: TestMember;
let manager: TestMember;
let product: { id: string };
let deal: { id: string; companyId: string };
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  rep = await ws.member('sales_rep');
  manager = await ws.member('sales_manager');
  await ws.admin.api.post('/api/pipelines', { name: 'Sales' });
  product = (
    await ws.admin.api.post('/api/products', {
      sku: 'PLAT',
      name: 'Platform',
      billing: 'yearly',
      prices: [{ currency: 'EUR', unitPrice: 1_200_00 }],
    })
  ).json();
  const company = (await ws.admin.api.post('/api/companies', { name: 'Globex GmbH' })).json();
  deal = (
    await rep.api.post('/api/deals', { name: 'Globex platform', currency: 'EUR', companyId: company.id, ownerId: rep.userId })
  ).json();
});
afterAll(() => t.close());

const newQuote = (lines: unknown[], who = rep) => who.api.post(`/api/deals/${deal.id}/quotes`, { lines });

/** The text of an uncompressed pdfkit PDF: its TJ arrays of hex strings, decoded. */
function pdfText(pdf: Buffer): string {
  const body = pdf.toString('latin1');
  return [...body.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)]
    .map((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''))
    .join('\n');
}

describe('quotes: lines and totals', () => {
  it('prices product lines from the deal currency and price book, with decimals, discounts and tax', async () => {
    const res = await newQuote([
      { productId: product.id, quantity: 2, discountPct: 10, taxPct: 19 },
      { name: 'Consulting hours', quantity: '1.5', unitPrice: 150_00, taxPct: 19 },
    ]);
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({ version: 1, status: 'draft', currency: 'EUR', needsApproval: false, companyName: 'Globex GmbH' });
    expect(q.displayNumber).toMatch(/^Q-\d{6}$/);
    expect(q.lines[0]).toMatchObject({
      name: 'Platform',
      sku: 'PLAT',
      billing: 'yearly',
      unitPrice: 1_200_00,
      gross: 2_400_00,
      discount: 240_00,
    });
    expect(q.lines[1]).toMatchObject({ quantity: '1.5', gross: 225_00, tax: 42_75 });
    expect(q).toMatchObject({ subtotal: 2_625_00, discountTotal: 240_00, taxTotal: 410_40 + 42_75, total: 2_625_00 - 240_00 + 453_15 });
  });

  it('says which field is wrong: negative quantity at lines[2].quantity, missing price, unknown product', async () => {
    const bad = await newQuote([
      { name: 'A', quantity: 1, unitPrice: 1 },
      { name: 'B', quantity: 1, unitPrice: 1 },
      { name: 'C', quantity: -3, unitPrice: 1 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'validation_failed',
      details: { path: ['body', 'lines', 2, 'quantity'], field: 'lines[2].quantity' },
    });
    expect(bad.json().error.message).toContain('lines[2].quantity');
    const usd = (await rep.api.post('/api/deals', { name: 'Dollar deal', currency: 'USD' })).json();
    const missing = await rep.api.post(`/api/deals/${usd.id}/quotes`, { lines: [{ productId: product.id, quantity: 1 }] });
    expect(missing.json().error).toMatchObject({ code: 'product_price_missing', details: { path: ['body', 'lines', 0, 'unitPrice'] } });
    const free = await newQuote([{ quantity: 1, unitPrice: 5 }]);
    expect(free.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'lines', 0, 'name'] } });
    const badCurrency = await rep.api.post('/api/orders', { currency: 'XYZ', lines: [{ name: 'x', quantity: 1, unitPrice: 1 }] });
    expect(badCurrency.json().error).toMatchObject({ code: 'unknown_currency', details: { path: ['body', 'currency'] } });
  });
});

describe('discount approval', () => {
  it('a discount above the limit needs a manager; the rep cannot send it before, the manager is notified', async () => {
    const q = (await newQuote([{ productId: product.id, quantity: 1, discountPct: 20 }])).json();
    expect(q).toMatchObject({ needsApproval: true, approvalLimitPct: 15, maxLineDiscountPct: 20 });
    expect((await rep.api.post(`/api/quotes/${q.id}/send`)).json().error.code).toBe('approval_required');
    const asked = await rep.api.post(`/api/quotes/${q.id}/request-approval`, { comment: 'Strategic logo' });
    expect(asked.json()).toMatchObject({ status: 'pending_approval', approvals: [{ decision: null, requestedBy: rep.userId }] });
    const inbox = (await manager.api.get('/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'quote_approval_requested', link: '/approvals' });
    const pending = (await manager.api.get('/api/quote-approvals')).json();
    expect(pending.items).toEqual([expect.objectContaining({ quoteId: q.id, ownRequest: false, dealName: 'Globex platform' })]);
    expect((await rep.api.get('/api/quote-approvals')).statusCode).toBe(403);
    expect((await rep.api.post(`/api/quotes/${q.id}/approve`)).statusCode).toBe(403);

    const rejected = await manager.api.post(`/api/quotes/${q.id}/reject`, {});
    expect(rejected.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'comment'] } });
    const back = (await manager.api.post(`/api/quotes/${q.id}/reject`, { comment: 'Max 18% for this size' })).json();
    expect(back).toMatchObject({
      status: 'draft',
      approvals: [{ decision: 'rejected', decidedBy: manager.userId, comment: 'Max 18% for this size' }],
    });
    const repInbox = (await rep.api.get('/api/notifications')).json();
    expect(repInbox.items[0]).toMatchObject({ kind: 'quote_rejected' });

    await rep.api.patch(`/api/quotes/${q.id}`, { lines: [{ productId: product.id, quantity: 1, discountPct: 18 }] });
    await rep.api.post(`/api/quotes/${q.id}/request-approval`);
    const approved = (await manager.api.post(`/api/quotes/${q.id}/approve`, { comment: 'OK' })).json();
    expect(approved).toMatchObject({ status: 'approved' });
    expect((await rep.api.post(`/api/quotes/${q.id}/send`)).json()).toMatchObject({ status: 'sent' });
    const audit = (await ws.admin.api.get(`/api/audit-log?entityId=${q.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['quote.created', 'quote.approval_requested', 'quote.approval_rejected', 'quote.approved', 'quote.sent']),
    );
  });

  it('refuses to approve one’s own discount', async () => {
    const q = (await newQuote([{ productId: product.id, quantity: 1, discountPct: 30 }], manager)).json();
    await manager.api.post(`/api/quotes/${q.id}/request-approval`);
    const own = await manager.api.post(`/api/quotes/${q.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('cannot_approve_own_quote');
    expect(
      (await manager.api.get('/api/quote-approvals')).json().items.find((a: { quoteId: string }) => a.quoteId === q.id).ownRequest,
    ).toBe(true);
    expect((await ws.admin.api.post(`/api/quotes/${q.id}/approve`)).json().status).toBe('approved');
  });

  it('follows the workspace limit', async () => {
    expect((await rep.api.patch('/api/quote-settings', { maxDiscountPct: 5 })).statusCode).toBe(403);
    await ws.admin.api.patch('/api/quote-settings', { maxDiscountPct: 5 });
    const q = (await newQuote([{ productId: product.id, quantity: 1, discountPct: 10 }])).json();
    expect(q).toMatchObject({ needsApproval: true, approvalLimitPct: 5 });
    await ws.admin.api.patch('/api/quote-settings', { maxDiscountPct: 15 });
    expect((await rep.api.get(`/api/quotes/${q.id}`)).json().needsApproval).toBe(false);
  });
});

describe('versions, locking, PDF', () => {
  it('editing a sent quote makes version 2 and keeps version 1; an accepted quote is locked', async () => {
    const v1 = (await newQuote([{ productId: product.id, quantity: 1 }])).json();
    await rep.api.post(`/api/quotes/${v1.id}/send`);
    const v2 = (await rep.api.patch(`/api/quotes/${v1.id}`, { lines: [{ productId: product.id, quantity: 3 }] })).json();
    expect(v2).toMatchObject({ number: v1.number, version: 2, status: 'draft', total: 3_600_00, latest: true });
    const old = (await rep.api.get(`/api/quotes/${v1.id}`)).json();
    expect(old).toMatchObject({ version: 1, status: 'sent', total: 1_200_00, latest: false, lines: [{ quantity: '1' }] });
    expect(old.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await rep.api.patch(`/api/quotes/${v1.id}`, { notes: 'x' })).json().error.code).toBe('quote_superseded');
    const list = (await rep.api.get(`/api/deals/${deal.id}/quotes`)).json();
    expect(list.items.filter((q: { number: number }) => q.number === v1.number)).toHaveLength(2);

    await rep.api.post(`/api/quotes/${v2.id}/send`);
    expect((await rep.api.post(`/api/quotes/${v2.id}/accept`)).json().status).toBe('accepted');
    const locked = await rep.api.patch(`/api/quotes/${v2.id}`, { notes: 'late change' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'quote_locked' });
  });

  it('a sent quote past its day is expired and cannot be accepted', async () => {
    const q = (
      await rep.api.post(`/api/deals/${deal.id}/quotes`, { validUntil: '2020-01-31', lines: [{ name: 'Old', quantity: 1, unitPrice: 1 }] })
    ).json();
    expect((await rep.api.post(`/api/quotes/${q.id}/send`)).json().status).toBe('expired');
    expect((await rep.api.post(`/api/quotes/${q.id}/accept`)).json().error.code).toBe('quote_expired');
  });

  it('serves the PDF as an attachment with the number, lines, totals and terms', async () => {
    await ws.admin.api.patch('/api/quote-settings', { terms: 'Payment within 30 days.' });
    const q = (await newQuote([{ productId: product.id, quantity: '1.5', discountPct: 10, taxPct: 19 }])).json();
    const res = await rep.api.get(`/api/quotes/${q.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${q.displayNumber}-v1.pdf"`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of [q.displayNumber, 'Globex GmbH', 'Platform', '1,800.00 EUR', '1,927.80 EUR', 'Payment within 30 days.', q.validUntil])
      expect(text).toContain(s);
  });

  it('hides quotes of deals a rep cannot see', async () => {
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    const other = await ws.member('sales_rep');
    const q = (await newQuote([{ name: 'Secret', quantity: 1, unitPrice: 1 }])).json();
    expect((await other.api.get(`/api/quotes/${q.id}`)).statusCode).toBe(404);
    expect((await other.api.get(`/api/quotes/${q.id}/pdf`)).statusCode).toBe(404);
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'all' } });
  });
});
