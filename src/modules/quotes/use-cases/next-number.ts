import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';

/**
 * The next number of a kind (quote, order) in a workspace. The counter row is bumped in the caller's
 * transaction: concurrent callers queue on its row lock, and a rollback gives the number back, so
 * numbers have no gaps and no duplicates.
 */
export async function nextNumber(tx: Executor, workspaceId: string, kind: 'quote' | 'order'): Promise<number> {
  const [r] = await rows<{ value: string | number }>(
    tx,
    sql`insert into document_counters (workspace_id, kind, value) values (${workspaceId}, ${kind}, 1)
        on conflict (workspace_id, kind) do update set value = document_counters.value + 1
        returning value`,
  );
  return Number(r!.value);
}

export const displayNumber = (prefix: 'Q' | 'SO', n: number) => `${prefix}-${String(n).padStart(6, '0')}`;
