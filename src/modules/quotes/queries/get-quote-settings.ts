import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { quoteSettings } from '../schema.ts';

export interface QuoteSettings {
  maxDiscountPct: number;
  terms: string;
  logo: string | null;
  defaultValidDays: number;
  orderConfirmationWinsDeal: boolean;
}

export const defaultQuoteSettings: QuoteSettings = {
  maxDiscountPct: 15,
  terms: '',
  logo: null,
  defaultValidDays: 30,
  orderConfirmationWinsDeal: true,
};

/** The workspace's quote settings (the defaults until someone saves them). */
export async function getQuoteSettings(ctx: Ctx): Promise<QuoteSettings> {
  const [row] = await ctx.db.select().from(quoteSettings).where(eq(quoteSettings.workspaceId, ctx.workspaceId));
  if (!row) return { ...defaultQuoteSettings };
  return {
    maxDiscountPct: Number(row.maxDiscountPct),
    terms: row.terms,
    logo: row.logo,
    defaultValidDays: row.defaultValidDays,
    orderConfirmationWinsDeal: row.orderConfirmationWinsDeal,
  };
}
