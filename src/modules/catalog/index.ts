import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { catalogRoutes as routes } from './http/catalog-routes.ts';

export { seedCatalogDemo } from './demo.ts';
export * as catalogTypes from './http/catalog.types.ts';
export type { PriceInput, Product, ProductInput } from './product-input.ts';
export { getProduct, getProducts } from './queries/get-products.ts';
export * from './schema.ts';
export { defaultPriceBook, getPriceBooks, type PriceBook, savePriceBook } from './use-cases/price-books.ts';
export { deleteProduct, saveProduct } from './use-cases/save-product.ts';

registerPermissions({
  'products:read': { kind: 'read', roles, description: 'See products, prices and price books' },
  'products:manage': {
    kind: 'write',
    roles: ['admin', 'sales_manager'],
    description: 'Create and change products, prices and price books',
  },
});
registerErrorCodes({ product_not_found: 404, price_book_not_found: 404, product_sku_taken: 409, price_book_name_taken: 409 });
registerEventTypes([
  { type: 'product.created', description: 'A product was created' },
  { type: 'product.updated', description: 'A product, its prices or its active flag changed' },
  { type: 'product.deleted', description: 'A product was deleted' },
]);

/** GET/POST /api/products, GET/PATCH/DELETE /api/products/:id, GET/POST /api/price-books, PATCH /api/price-books/:id. */
export async function catalogRoutes(app: App) {
  await routes(app);
}
