import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { undoDays } from '../bulk-action.ts';

export interface PurgeOptions {
  /** Records soft-deleted longer ago than this are hard-deleted (default 7, the undo window). */
  days?: number;
  batchSize?: number;
}

type Key = { workspace_id: string; id: string };
/** `(<workspace column>, <id column>) in <the batch>`, one index-friendly condition for every table. */
const inBatch = (batch: Key[], ws: SQL, id: SQL) =>
  sql`(${ws}, ${id}) in (select * from unnest(${sql.param(batch.map((b) => b.workspace_id))}::uuid[], ${sql.param(batch.map((b) => b.id))}::uuid[]))`;

/** Takes the next batch of records of `table` soft-deleted before the cutoff, locked (SKIP LOCKED lets two runs share the work). */
const nextBatch = (tx: Executor, table: string, days: number, n: number) =>
  rows<Key>(
    tx,
    sql`select workspace_id, id from ${sql.raw(table)} where deleted_at < now() - make_interval(days => ${days})
        order by deleted_at limit ${n} for update skip locked`,
  );

async function purgeContacts(db: Executor, days: number, n: number): Promise<number> {
  return db.transaction(async (tx) => {
    const batch = await nextBatch(tx, 'contacts', days, n);
    if (!batch.length) return 0;
    const of = (table: string, col = 'contact_id') =>
      tx.execute(sql`delete from ${sql.raw(table)} where ${inBatch(batch, sql`workspace_id`, sql.raw(col))}`);
    // No privacy/erase flow exists yet to reuse, so the contact tables are cleared here, children first.
    for (const table of ['contact_emails', 'contact_phones', 'contact_companies', 'lifecycle_history', 'consent_history']) await of(table);
    await tx.execute(
      sql`delete from record_aliases where entity_type = 'contact' and ${inBatch(batch, sql`workspace_id`, sql`target_id`)}`,
    );
    await of('contacts', 'id');
    return batch.length;
  });
}

async function purgeCompanies(db: Executor, days: number, n: number): Promise<number> {
  return db.transaction(async (tx) => {
    const batch = await nextBatch(tx, 'companies', days, n);
    if (!batch.length) return 0;
    await tx.execute(sql`delete from contact_companies where ${inBatch(batch, sql`workspace_id`, sql`company_id`)}`);
    await tx.execute(sql`update contacts set company_id = null where ${inBatch(batch, sql`workspace_id`, sql`company_id`)}`);
    await tx.execute(sql`update companies set parent_company_id = null where ${inBatch(batch, sql`workspace_id`, sql`parent_company_id`)}`);
    await tx.execute(
      sql`delete from record_aliases where entity_type = 'company' and ${inBatch(batch, sql`workspace_id`, sql`target_id`)}`,
    );
    await tx.execute(sql`delete from companies where ${inBatch(batch, sql`workspace_id`, sql`id`)}`);
    return batch.length;
  });
}

/** Deletes the undo items of bulk operations past their 7 days, one operation and batch at a time. */
async function purgeExpiredItems(db: Executor, n: number): Promise<number> {
  let purged = 0;
  for (;;) {
    const [op] = await rows<Key>(
      db,
      sql`select workspace_id, id from bulk_operations
          where expires_at < now() and items_purged_at is null and status not in ('pending', 'running', 'undoing') limit 1`,
    );
    if (!op) return purged;
    for (;;) {
      const gone = await rows<{ n: number }>(
        db,
        sql`with doomed as (select record_id from bulk_operation_items where workspace_id = ${op.workspace_id} and operation_id = ${op.id} limit ${n})
            delete from bulk_operation_items i using doomed d
            where i.workspace_id = ${op.workspace_id} and i.operation_id = ${op.id} and i.record_id = d.record_id returning 1 as n`,
      );
      purged += gone.length;
      if (gone.length < n) break;
    }
    await db.execute(
      sql`update bulk_operations set items_purged_at = now(), updated_at = now() where workspace_id = ${op.workspace_id} and id = ${op.id}`,
    );
  }
}

/**
 * The daily clean-up: hard-deletes contacts (with their emails, phones, company links, lifecycle and consent
 * history, aliases) and companies soft-deleted longer ago than the undo window, and the undo items of expired
 * bulk operations. Every batch is its own transaction, so a large backlog never holds one long lock.
 */
export async function purgeDeletedRecords(db: Executor, opts: PurgeOptions = {}) {
  const days = opts.days ?? undoDays;
  const n = opts.batchSize ?? 500;
  const counts = { contacts: 0, companies: 0, items: 0 };
  for (const [key, purge] of [
    ['contacts', purgeContacts],
    ['companies', purgeCompanies],
  ] as const) {
    for (;;) {
      const k = await purge(db, days, n);
      counts[key] += k;
      if (k < n) break;
    }
  }
  counts.items = await purgeExpiredItems(db, n * 10);
  return counts;
}
