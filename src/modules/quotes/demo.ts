import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { type Database, rows } from '../../kernel/db/index.ts';
import { changeOrderStatus } from './use-cases/change-order-status.ts';
import { changeQuoteStatus } from './use-cases/change-quote-status.ts';
import { createQuote } from './use-cases/create-quote.ts';
import { createOrderFromQuote } from './use-cases/order-from-quote.ts';
import { requestQuoteApproval } from './use-cases/request-approval.ts';
import { saveQuoteSettings } from './use-cases/save-quote-settings.ts';

interface DemoDeal {
  id: string;
  amount: number;
  currency: string;
  owner_id: string | null;
  status: string;
  closed_at: string | null;
  stage: string;
}

/**
 * Quotes and orders for the demo's deals, through the use cases (so totals, numbers and audit are
 * real): the 30 latest won deals get an accepted quote and an order (fulfilled, or confirmed when
 * recent) whose total equals the deal amount — a yearly platform line plus onboarding; 12 late-stage
 * open deals get a sent quote; 4 of them a 20–25% discount waiting for approval (asked by the owner).
 * Dates are moved to the deal's history afterwards. Run after the sales and catalog demos.
 */
export async function seedQuotesDemo(p: { database: Database }, workspaceId: string, adminId: string) {
  const db = p.database.db;
  const admin: Ctx = { db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'demo', role: 'admin' } };
  await saveQuoteSettings(admin, {
    terms:
      'Prices exclude VAT. Invoiced yearly in advance, payment within 30 days. Subscriptions renew unless cancelled 60 days before the end of the term.',
  });
  const products = await rows<{ id: string; sku: string }>(db, sql`select id, sku from products where workspace_id = ${workspaceId}`);
  const platform = products.find((x) => x.sku === 'PLAT-STD')?.id;
  const onboarding = products.find((x) => x.sku === 'ONB-PRO')?.id;
  const pick = (where: ReturnType<typeof sql>, limit: number) =>
    rows<DemoDeal>(
      db,
      sql`select d.id, d.amount::float8 as amount, d.currency, d.owner_id, d.status, d.closed_at::text as closed_at, s.name as stage
          from deals d join pipeline_stages s on s.id = d.stage_id and s.workspace_id = d.workspace_id
          where d.workspace_id = ${workspaceId} and d.deleted_at is null and d.amount >= 2000000 and ${where}
          order by coalesce(d.closed_at, d.stage_entered_at) desc, d.id limit ${limit}`,
    );
  const won = await pick(sql`d.status = 'won'`, 30);
  const late = await pick(sql`d.status = 'open' and s.name in ('Proposal', 'Negotiation', 'Verbal yes')`, 12);
  const asOwner = (d: DemoDeal): Ctx =>
    d.owner_id ? { ...admin, actor: { type: 'user', id: d.owner_id, userId: d.owner_id, label: 'demo owner', role: 'sales_rep' } } : admin;
  const onboardingPrice = (d: DemoDeal) => Math.min(3_500_00, Math.round(d.amount / 10));
  const lines = (d: DemoDeal, discount = 0) => {
    const setup = onboardingPrice(d);
    const net = d.amount - setup;
    return [
      {
        productId: platform,
        name: 'Platform – Standard',
        quantity: 1,
        unitPrice: Math.round(net / (1 - discount / 100)),
        discountPct: discount,
      },
      { productId: onboarding, name: 'Onboarding package', quantity: 1, unitPrice: setup },
    ];
  };
  for (const d of won) {
    const ctx = asOwner(d);
    const q = await createQuote(ctx, d.id, { lines: lines(d) });
    await changeQuoteStatus(ctx, q.id, 'sent');
    await changeQuoteStatus(ctx, q.id, 'accepted');
    const order = await createOrderFromQuote(ctx, q.id);
    await changeOrderStatus(ctx, order.id, 'confirmed');
    const old = d.closed_at && Date.now() - new Date(d.closed_at).getTime() > 30 * 86_400_000;
    if (old) await changeOrderStatus(ctx, order.id, 'fulfilled');
    await db.execute(sql`update quotes set created_at = ${d.closed_at}::timestamptz - interval '14 days', updated_at = ${d.closed_at}::timestamptz,
        sent_at = ${d.closed_at}::timestamptz - interval '12 days', accepted_at = ${d.closed_at}::timestamptz,
        valid_until = (${d.closed_at}::timestamptz + interval '16 days')::date where workspace_id = ${workspaceId} and id = ${q.id}`);
    await db.execute(sql`update orders set created_at = ${d.closed_at}::timestamptz, updated_at = ${d.closed_at}::timestamptz,
        confirmed_at = ${d.closed_at}::timestamptz, fulfilled_at = case when fulfilled_at is null then null else ${d.closed_at}::timestamptz + interval '14 days' end
        where workspace_id = ${workspaceId} and id = ${order.id}`);
  }
  for (const [i, d] of late.entries()) {
    const ctx = asOwner(d);
    if (i < 4 && d.owner_id) {
      const q = await createQuote(ctx, d.id, { lines: lines(d, 20 + (i % 2) * 5), notes: 'Two-year commitment discount.' });
      await requestQuoteApproval(ctx, q.id, 'Competitive pressure; the customer commits to two years.');
    } else {
      const q = await createQuote(ctx, d.id, { lines: lines(d) });
      await changeQuoteStatus(ctx, q.id, 'sent');
    }
  }
}
