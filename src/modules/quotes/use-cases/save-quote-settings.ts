import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { getQuoteSettings, type QuoteSettings } from '../queries/get-quote-settings.ts';
import { quoteSettings } from '../schema.ts';

/** Changes the quote settings (approval limit, terms, logo, validity, order → won). */
export async function saveQuoteSettings(ctx: Ctx, input: Partial<QuoteSettings>): Promise<QuoteSettings> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await getQuoteSettings(c);
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as QuoteSettings;
    const values = { ...after, maxDiscountPct: String(after.maxDiscountPct), updatedAt: new Date() };
    await tx
      .insert(quoteSettings)
      .values({ workspaceId: ctx.workspaceId, ...values })
      .onConflictDoUpdate({ target: quoteSettings.workspaceId, set: values });
    const logoless = (s: QuoteSettings) => ({ ...s, logo: s.logo ? `[${s.logo.length} characters]` : null });
    await recordAudit(c, {
      action: 'quote_settings.updated',
      entityType: 'workspace',
      entityId: ctx.workspaceId,
      before: logoless(before),
      after: logoless(after),
    });
    await emitEvent(c, {
      type: 'quote_settings.updated',
      entityType: 'workspace',
      entityId: ctx.workspaceId,
      data: { maxDiscountPct: after.maxDiscountPct },
    });
    return after;
  });
}
