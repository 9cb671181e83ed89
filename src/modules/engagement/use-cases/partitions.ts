import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

/** Creates the monthly partitions of contact_events from `from` to `to` (inclusive months). Safe to run twice. */
export async function ensureEventPartitions(exec: Executor, from: Date, to: Date): Promise<string[]> {
  const made: string[] = [];
  for (let m = monthStart(from); m <= to; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const [r] = await rows<{ part: string }>(exec, sql`select contact_events_partition(${m.toISOString().slice(0, 10)}::date) as part`);
    made.push(r!.part);
  }
  return made;
}

/** Months of contact_events older than `retentionMonths` are dropped whole (the default partition's rows deleted). */
export async function dropExpiredEventPartitions(exec: Executor, retentionMonths: number, now = new Date()): Promise<string[]> {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - retentionMonths, 1));
  const parts = await rows<{ name: string }>(
    exec,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent where p.relname = 'contact_events' and c.relname ~ '^contact_events_[0-9]{4}_[0-9]{2}$'`,
  );
  const dropped: string[] = [];
  for (const { name } of parts) {
    const [y, mo] = name.slice('contact_events_'.length).split('_').map(Number);
    if (Date.UTC(y!, mo! - 1, 1) < cutoff.getTime()) {
      await exec.execute(sql`drop table if exists ${sql.identifier(name)}`);
      dropped.push(name);
    }
  }
  await exec.execute(sql`delete from contact_events_default where occurred_at < ${cutoff.toISOString()}::timestamptz`);
  return dropped;
}
