import type { BillingPeriod } from './schema.ts';

export interface PriceInput {
  /** Defaults to the workspace's default price book. */
  priceBookId?: string;
  currency: string;
  /** Minor units of currency. */
  unitPrice: number;
}

export interface ProductInput {
  sku: string;
  name: string;
  description?: string | null;
  billing?: BillingPeriod;
  active?: boolean;
  /** Replaces the product's price list. */
  prices?: PriceInput[];
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  billing: BillingPeriod;
  active: boolean;
  prices: { priceBookId: string; priceBookName: string; currency: string; unitPrice: number }[];
  createdAt: Date;
  updatedAt: Date;
}
