import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

describe('products and price books', () => {
  it('creates a product with prices in the default book (made on first use) and in another book', async () => {
    const partner = (await ws.admin.api.post('/api/price-books', { name: 'Partner' })).json();
    const res = await ws.admin.api.post('/api/products', {
      sku: 'PLAT-1',
      name: 'Platform',
      billing: 'yearly',
      prices: [
        { currency: 'usd', unitPrice: 600_000 },
        { currency: 'EUR', unitPrice: 550_000 },
        { priceBookId: partner.id, currency: 'USD', unitPrice: 480_000 },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sku: 'PLAT-1', billing: 'yearly', active: true });
    expect(res.json().prices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ priceBookName: 'Standard', currency: 'USD', unitPrice: 600_000 }),
        expect.objectContaining({ priceBookName: 'Partner', currency: 'USD', unitPrice: 480_000 }),
      ]),
    );
    const books = (await ws.admin.api.get('/api/price-books')).json().items;
    expect(books.find((b: { name: string }) => b.name === 'Standard')).toMatchObject({ isDefault: true });
  });

  it('refuses a taken SKU, negative prices, unknown currencies and two prices for one book and currency', async () => {
    const taken = await ws.admin.api.post('/api/products', { sku: 'plat-1', name: 'Copy' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('product_sku_taken');
    const negative = await ws.admin.api.post('/api/products', { sku: 'N', name: 'N', prices: [{ currency: 'USD', unitPrice: -1 }] });
    expect(negative.statusCode).toBe(400);
    const currency = await ws.admin.api.post('/api/products', { sku: 'C', name: 'C', prices: [{ currency: 'ABC', unitPrice: 1 }] });
    expect(currency.json().error).toMatchObject({ code: 'unknown_currency', details: { path: ['body', 'prices', 0, 'currency'] } });
    const twice = await ws.admin.api.post('/api/products', {
      sku: 'T',
      name: 'T',
      prices: [
        { currency: 'USD', unitPrice: 1 },
        { currency: 'USD', unitPrice: 2 },
      ],
    });
    expect(twice.json().error.details.path).toEqual(['body', 'prices', 1]);
  });

  it('deactivates, filters by active and lets only managers change the catalog', async () => {
    const p = (await ws.admin.api.post('/api/products', { sku: 'OLD', name: 'Old thing' })).json();
    await ws.admin.api.patch(`/api/products/${p.id}`, { active: false });
    const active = (await ws.admin.api.get('/api/products?active=true')).json().items.map((x: { sku: string }) => x.sku);
    expect(active).not.toContain('OLD');
    expect((await ws.admin.api.get('/api/products?q=old')).json().items).toHaveLength(1);
    const rep = await ws.member('sales_rep');
    expect((await rep.api.get('/api/products')).statusCode).toBe(200);
    expect((await rep.api.post('/api/products', { sku: 'R', name: 'R' })).statusCode).toBe(403);
    expect((await ws.admin.api.delete(`/api/products/${p.id}`)).statusCode).toBe(200);
    expect((await ws.admin.api.get(`/api/products/${p.id}`)).statusCode).toBe(404);
  });
});
