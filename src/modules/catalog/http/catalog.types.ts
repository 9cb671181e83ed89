import { z } from 'zod';
import { billingPeriods } from '../schema.ts';

export const idParams = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });
const price = z.strictObject({
  priceBookId: z.uuid().optional().describe('Defaults to the default price book ("Standard", made on first use)'),
  currency: z.string().max(10).describe('ISO 4217; unknown codes are 400 unknown_currency'),
  unitPrice: z.int().min(0).max(Number.MAX_SAFE_INTEGER).describe('Minor units (cents); negative prices are refused'),
});
export const productBody = z.strictObject({
  sku: z.string().max(100).describe('Unique in the workspace (case-insensitive)'),
  name: z.string().max(200),
  description: z.string().max(5000).nullable().optional(),
  billing: z.enum(billingPeriods).optional().describe('one_time (default), monthly or yearly'),
  active: z.boolean().optional(),
  prices: z.array(price).max(200).optional().describe('Unit price per price book and currency (replaces the list)'),
});
export const updateProductBody = productBody.partial();
export const productSchema = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  billing: z.enum(billingPeriods),
  active: z.boolean(),
  prices: z.array(z.object({ priceBookId: z.uuid(), priceBookName: z.string(), currency: z.string(), unitPrice: z.number() })),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const productsQuery = z.strictObject({
  active: z.enum(['true', 'false']).optional().describe('Only active (or inactive) products'),
  q: z.string().max(200).optional().describe('Matches name or SKU'),
});
export const priceBookBody = z.strictObject({
  name: z.string().max(100),
  isDefault: z.boolean().optional().describe('Prices given without a book go to the default one'),
  active: z.boolean().optional(),
});
export const priceBookSchema = z.object({ id: z.uuid(), name: z.string(), isDefault: z.boolean(), active: z.boolean() });
