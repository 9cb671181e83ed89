import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getProduct, getProducts } from '../queries/get-products.ts';
import { getPriceBooks, savePriceBook } from '../use-cases/price-books.ts';
import { deleteProduct, saveProduct } from '../use-cases/save-product.ts';
import {
  idParams,
  okSchema,
  priceBookBody,
  priceBookSchema,
  productBody,
  productSchema,
  productsQuery,
  updateProductBody,
} from './catalog.types.ts';

const tags = ['products'];

/** Products and price books. */
export async function catalogRoutes(app: App) {
  app.get(
    '/api/products',
    {
      config: { permission: 'products:read' },
      schema: { tags, querystring: productsQuery, response: { 200: z.object({ items: z.array(productSchema) }) } },
    },
    async (req) => ({
      items: await getProducts(req.ctx, {
        active: req.query.active === undefined ? undefined : req.query.active === 'true',
        q: req.query.q,
      }),
    }),
  );
  app.post(
    '/api/products',
    { config: { permission: 'products:manage' }, schema: { tags, body: productBody, response: { 201: productSchema } } },
    async (req, reply) => reply.status(201).send(await saveProduct(req.ctx, null, req.body)),
  );
  app.get(
    '/api/products/:id',
    { config: { permission: 'products:read' }, schema: { tags, params: idParams, response: { 200: productSchema } } },
    async (req) => getProduct(req.ctx, req.params.id),
  );
  app.patch(
    '/api/products/:id',
    {
      config: { permission: 'products:manage' },
      schema: { tags, params: idParams, body: updateProductBody, response: { 200: productSchema } },
    },
    async (req) => saveProduct(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/products/:id',
    { config: { permission: 'products:manage' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteProduct(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/price-books',
    { config: { permission: 'products:read' }, schema: { tags, response: { 200: z.object({ items: z.array(priceBookSchema) }) } } },
    async (req) => ({ items: await getPriceBooks(req.ctx) }),
  );
  app.post(
    '/api/price-books',
    { config: { permission: 'products:manage' }, schema: { tags, body: priceBookBody, response: { 201: priceBookSchema } } },
    async (req, reply) => reply.status(201).send(await savePriceBook(req.ctx, null, req.body)),
  );
  app.patch(
    '/api/price-books/:id',
    {
      config: { permission: 'products:manage' },
      schema: { tags, params: idParams, body: priceBookBody.partial(), response: { 200: priceBookSchema } },
    },
    async (req) => savePriceBook(req.ctx, req.params.id, req.body),
  );
}
