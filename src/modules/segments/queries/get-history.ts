import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

interface HistoryRow {
  segment_id: string;
  segment_name: string;
  contact_id: string;
  contact_name: string | null;
  change: 'entered' | 'exited';
  at: Date | string;
}

/** Entered/exited history, newest first, of a segment or of a contact (across segments). */
export async function getHistory(ctx: Ctx, of: { segmentId: string } | { contactId: string }, limit: number) {
  const found = await rows<HistoryRow>(
    ctx.db,
    sql`select h.segment_id, s.name as segment_name, h.contact_id, c.display_name as contact_name, h.change, h.at
        from segment_history h join segments s on s.id = h.segment_id and s.deleted_at is null
        left join contacts c on c.id = h.contact_id
        where h.workspace_id = ${ctx.workspaceId}
          and ${'segmentId' in of ? sql`h.segment_id = ${of.segmentId}` : sql`h.contact_id = ${of.contactId}`}
        order by h.at desc, h.id limit ${limit}`,
  );
  return found.map((r) => ({
    segmentId: r.segment_id,
    segmentName: r.segment_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    change: r.change,
    at: new Date(r.at),
  }));
}
