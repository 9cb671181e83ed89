import type { Ctx } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/index.ts';
import { savePriceBook } from './use-cases/price-books.ts';
import { saveProduct } from './use-cases/save-product.ts';

const catalog = [
  ['PLAT-STD', 'Platform – Standard', 'Seats for the core platform', 'yearly', 6_000_00, 5_500_00],
  ['PLAT-ENT', 'Platform – Enterprise', 'SSO, audit log, premium support', 'yearly', 18_000_00, 16_500_00],
  ['ANL-ADD', 'Analytics add-on', 'Dashboards and exports', 'monthly', 250_00, 230_00],
  ['SEAT-EXP', 'Expansion seats (10)', 'Ten more seats', 'monthly', 400_00, 370_00],
  ['ONB-PRO', 'Onboarding package', 'Four guided sessions and data import', 'one_time', 3_500_00, 3_200_00],
  ['TRN-DAY', 'Training day', 'On-site training, one day', 'one_time', 2_000_00, 1_850_00],
] as const;

/** The demo's products, priced in USD and EUR in the Standard book and with a Partner book at a discount. */
export async function seedCatalogDemo(p: { database: Database }, workspaceId: string, adminId: string) {
  const ctx: Ctx = { db: p.database.db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'demo', role: 'admin' } };
  const standard = await savePriceBook(ctx, null, { name: 'Standard', isDefault: true });
  const partner = await savePriceBook(ctx, null, { name: 'Partner' });
  for (const [sku, name, description, billing, usd, eur] of catalog)
    await saveProduct(ctx, null, {
      sku,
      name,
      description,
      billing,
      prices: [
        { priceBookId: standard.id, currency: 'USD', unitPrice: usd },
        { priceBookId: standard.id, currency: 'EUR', unitPrice: eur },
        { priceBookId: partner.id, currency: 'USD', unitPrice: Math.round(usd * 0.8) },
      ],
    });
}
