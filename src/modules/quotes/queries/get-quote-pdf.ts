import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { renderQuotePdf } from '../pdf/render-quote-pdf.ts';
import { getQuote } from './get-quote.ts';
import { getQuoteSettings } from './get-quote-settings.ts';

/** The PDF of a quote version and its file name; the customer is the deal's company and first contact. */
export async function getQuotePdf(ctx: Ctx, id: string, opts: { compress?: boolean } = {}) {
  const quote = await getQuote(ctx, id);
  const settings = await getQuoteSettings(ctx);
  const [info] = await rows<{ workspace: string; company: string | null; contact: string | null; email: string | null }>(
    ctx.db,
    sql`select w.name as workspace, co.name as company,
               (select c.display_name from deal_contacts dc join contacts c on c.id = dc.contact_id and c.workspace_id = dc.workspace_id
                 where dc.workspace_id = d.workspace_id and dc.deal_id = d.id and c.deleted_at is null order by dc.created_at limit 1) as contact,
               (select c.email from deal_contacts dc join contacts c on c.id = dc.contact_id and c.workspace_id = dc.workspace_id
                 where dc.workspace_id = d.workspace_id and dc.deal_id = d.id and c.deleted_at is null order by dc.created_at limit 1) as email
        from deals d join workspaces w on w.id = d.workspace_id left join companies co on co.id = d.company_id and co.workspace_id = d.workspace_id
        where d.workspace_id = ${ctx.workspaceId} and d.id = ${quote.dealId}`,
  );
  const pdf = await renderQuotePdf(
    { quote, settings, workspaceName: info!.workspace, customer: { company: info!.company, contact: info!.contact, email: info!.email } },
    opts,
  );
  return { pdf, fileName: `${quote.displayNumber}-v${quote.version}.pdf` };
}
