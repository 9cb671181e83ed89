/**
 * A generated audience for the segments and analytics benches, in SQL: companies, contacts (lifecycle stages, consent,
 * tags, created over 1,000 days) and behaviour events over 90 days (60% page views, a fifth of them on /pricing).
 * Resumable: each chunk is one statement, so a crashed run continues where it stopped.
 */
import { sql } from 'drizzle-orm';
import { type Database, rows } from '../../src/kernel/db/index.ts';
import { ensureEventPartitions } from '../../src/modules/engagement/index.ts';

/**
 * Contact i's id: a UUID v7 whose time is contact i's creation (1,000 days over 1M contacts, 86.4 s apart), with
 * md5 bits for the rest. Deterministic, so every generator (events, deals, touchpoints) names the same contact.
 */
export const benchContactIdFunction = `create or replace function bench_contact_id(i bigint) returns uuid language sql immutable parallel safe as $$
  select (lpad(to_hex(1700000000000 + i * 86400), 12, '0') || '7' || substr(md5('c' || i), 1, 3) || '8' || substr(md5('c' || i), 4, 15))::uuid
$$`;

export async function generateAudience(
  database: Database,
  ws: string,
  o: { contacts: number; events: number; companies: number; log: (line: string) => void },
) {
  const { contacts, events, companies, log } = o;
  const db = database.db;
  const t0 = performance.now();
  const now = new Date();
  await ensureEventPartitions(db, new Date(now.getTime() - 95 * 86_400_000), now);
  // Resumable: each chunk is one statement, so what exists is whole chunks (a crashed run continues where it stopped).
  const count = async (table: string) =>
    (await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table} where workspace_id = '${ws}'`)))[0]!.n;
  // Contact ids are time-ordered like the app's UUID v7 ids (contact i created after contact i - 1), so the table is
  // stored in id order as a real one is; a random-order id would scatter every index probe over the whole heap.
  await db.execute(sql.raw(benchContactIdFunction));
  const haveContacts = await count('contacts');
  const haveEvents = await count('contact_events');
  if (haveContacts < contacts)
    await db.execute(
      sql.raw(`insert into companies (id, workspace_id, name, domain, country)
    select md5('co' || i)::uuid, '${ws}', 'Company ' || i, 'company' || i || '.example',
           (array['DE','AT','CH','FR','GB','US','NL','US','US','GB'])[1 + i % 10]
    from generate_series(1, ${companies}) i on conflict do nothing`),
    );
  for (let from = haveContacts + 1; from <= contacts; from += 100_000) {
    const to = Math.min(contacts, from + 99_999);
    await db.execute(
      sql.raw(`insert into contacts (id, workspace_id, first_name, last_name, display_name, email, lifecycle_stage, email_consent, company_id, tags, created_at, updated_at)
      select bench_contact_id(i), '${ws}', 'First' || i, 'Last', 'First' || i || ' Last', 'c' || i || '@bench.example',
             (array['subscriber','lead','marketing_qualified','sales_qualified','opportunity','customer','lead','subscriber'])[1 + i % 8],
             (array['subscribed','not_set','subscribed','unsubscribed'])[1 + (i / 8) % 4],
             md5('co' || (1 + i % ${companies}))::uuid,
             case when i % 50 = 0 then array['competitor'] when i % 7 = 0 then array['vip'] else '{}'::text[] end,
             now() - ((${contacts} - i)::float8 / ${contacts} * 1000) * interval '1 day', now()
      from generate_series(${from}, ${to}) i`),
    );
    log(`contacts ${to}`);
  }
  for (let from = haveEvents + 1; from <= events; from += 1_000_000) {
    const to = Math.min(events, from + 999_999);
    // 60% page views (a fifth of them on /pricing), the rest email and form events; times spread over 90 days.
    await db.execute(
      sql.raw(`insert into contact_events (workspace_id, id, occurred_at, contact_id, kind, url, props)
      select '${ws}', gen_random_uuid(), now() - ((g::bigint * 7919) % 7776000) * interval '1 second',
             bench_contact_id(1 + (g::bigint * 104729) % ${contacts}),
             (array['page_view','page_view','page_view','page_view','page_view','page_view','email_open','email_click','email_delivered','form_submit'])[1 + g % 10],
             case when g % 10 < 6 then (array['/pricing','/blog/post','/docs/start','/','/features'])[1 + (g / 10) % 5] end,
             '{}'::jsonb
      from generate_series(${from}, ${to}) g`),
    );
    log(`events ${to}`);
  }
  await db.execute(sql`analyze`);
  return Math.round((performance.now() - t0) / 1000);
}
