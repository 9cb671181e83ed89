import { asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { type QuoteStatus, quoteLines } from '../schema.ts';
import { getQuoteSettings } from './get-quote-settings.ts';
import { type Line, type QuoteRow, quoteColumns, quoteJoins, toLine, toQuoteRow } from './quote-shape.ts';

export interface Approval {
  id: string;
  quoteId: string;
  reason: string;
  maxDiscountPct: number;
  requestedBy: string | null;
  requestedByName: string | null;
  requestedAt: Date;
  decision: 'approved' | 'rejected' | 'withdrawn' | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  comment: string;
}

export interface Quote extends QuoteRow {
  lines: Line[];
  approvals: Approval[];
  versions: { id: string; version: number; status: QuoteStatus }[];
}

export const quoteNotFound = (id: string) =>
  new AppError('quote_not_found', `No quote with id ${id} in this workspace (or its deal is not one you can see).`, { id });

/** A quote version with its lines, approval history and sibling versions; 404 when its deal is not visible to the caller. */
export async function getQuote(ctx: Ctx, id: string): Promise<Quote> {
  const settings = await getQuoteSettings(ctx);
  const [r] = await rows(
    ctx.db,
    sql`select ${quoteColumns(settings.maxDiscountPct)} ${quoteJoins}
        where q.workspace_id = ${ctx.workspaceId} and q.id = ${id} and d.deleted_at is null and ${ownerVisibility(ctx, sql`d.owner_id`)}`,
  );
  if (!r) throw quoteNotFound(id);
  const quote = toQuoteRow(r);
  const lines = await ctx.db
    .select()
    .from(quoteLines)
    .where(inWorkspace(quoteLines.workspaceId, ctx, eq(quoteLines.quoteId, id)))
    .orderBy(asc(quoteLines.position));
  const approvals = await rows<Approval>(
    ctx.db,
    sql`select a.id, a.quote_id as "quoteId", a.reason, a.max_discount_pct::float8 as "maxDiscountPct", a.requested_by as "requestedBy",
               ru.name as "requestedByName", a.created_at as "requestedAt", a.decision, a.decided_by as "decidedBy",
               du.name as "decidedByName", a.decided_at as "decidedAt", a.comment
        from quote_approvals a left join users ru on ru.id = a.requested_by left join users du on du.id = a.decided_by
        where a.workspace_id = ${ctx.workspaceId} and a.quote_id = ${id} order by a.created_at`,
  );
  const versions = await rows<{ id: string; version: number; status: QuoteStatus }>(
    ctx.db,
    sql`select id, version, status from quotes where workspace_id = ${ctx.workspaceId} and number = ${quote.number} order by version`,
  );
  return {
    ...quote,
    lines: lines.map(toLine),
    approvals: approvals.map((a) => ({
      ...a,
      requestedAt: new Date(a.requestedAt),
      decidedAt: a.decidedAt ? new Date(a.decidedAt) : null,
    })),
    versions,
  };
}
