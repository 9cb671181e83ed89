import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

/**
 * The error report as CSV (row number, column, value, problem), read 5,000 errors at a time by keyset,
 * so a report of millions of rows streams in constant memory. Cells starting with = + - @ are
 * prefixed with ' so spreadsheets do not run them as formulas.
 */
export function streamErrorReport(ctx: Ctx, importId: string): Readable {
  const out = stringify({ header: true, columns: ['row', 'column', 'field', 'value', 'problem'] });
  const safe = (v: string | null) => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));
  async function* pages() {
    let after: [number, number] = [-1, -1];
    for (;;) {
      const list = await rows<{
        row_number: number;
        seq: number;
        column: string | null;
        field: string | null;
        value: string | null;
        problem: string;
      }>(
        ctx.db,
        sql`select row_number, seq, "column", field, value, problem from import_errors
            where workspace_id = ${ctx.workspaceId} and import_id = ${importId} and (row_number, seq) > (${after[0]}, ${after[1]})
            order by row_number, seq limit 5000`,
      );
      for (const e of list) yield [e.row_number, safe(e.column), e.field ?? '', safe(e.value), e.problem];
      if (list.length < 5000) return;
      after = [list[list.length - 1]!.row_number, list[list.length - 1]!.seq];
    }
  }
  Readable.from(pages()).pipe(out);
  return out;
}
