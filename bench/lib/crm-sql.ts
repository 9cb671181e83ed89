/**
 * The SQL that generates the bench CRM: session-local (pg_temp) helper functions and one INSERT … SELECT
 * FROM generate_series per table. Every value is derived from md5 of the row number and a workspace seed,
 * so the same counts always give the same data (ids and times shift with the generation day only).
 */
import * as w from './crm-words.ts';

/** Days the data spans, ending at the reference day. */
export const spanDays = 1095;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (a: readonly string[]) => `array[${a.map(q).join(',')}]::text[]`;

/** Helper functions for one generation session; `end` is the reference instant (ISO). */
export function helperFunctions(end: string): string[] {
  const from = `(${q(end)}::timestamptz - interval '${spanDays} days')`;
  return [
    // Uniform in [0,1) from 32 bits of a hex digest (i = 0..3); u16 from 16 bits (i = 0..7).
    `create function pg_temp.u(h text, i int) returns float8 stable language sql as
       $$ select ('x' || substr(h, i * 8 + 1, 8))::bit(32)::bigint / 4294967296.0 $$`,
    `create function pg_temp.u16(h text, i int) returns float8 stable language sql as
       $$ select ('x' || substr(h, i * 4 + 1, 4))::bit(16)::int / 65536.0 $$`,
    `create function pg_temp.pick(a text[], x float8) returns text stable language sql as
       $$ select a[1 + floor(x * array_length(a, 1))::int] $$`,
    // A UUID v7 (48-bit ms time, version 7, variant 10) with the rest from the digest: ids sort by time as the app's do.
    `create function pg_temp.v7(t timestamptz, h text) returns uuid stable language sql as
       $$ select (lpad(to_hex(floor(extract(epoch from t) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3)
                 || to_hex(8 + (('x' || substr(h, 4, 1))::bit(4)::int & 3)) || substr(h, 5, 15))::uuid $$`,
    // Contact n of total: created at an increasing time over the span (a little jitter), id from that time.
    `create function pg_temp.contact_at(seed text, n bigint, total bigint) returns timestamptz stable language sql as
       $$ select ${from} + ((n + pg_temp.u(md5('ct:' || seed || ':' || n), 0)) / total) * interval '${spanDays} days' $$`,
    `create function pg_temp.contact_id(seed text, n bigint, total bigint) returns uuid stable language sql as
       $$ select pg_temp.v7(pg_temp.contact_at(seed, n, total), md5('ci:' || seed || ':' || n)) $$`,
    `create function pg_temp.word(p bigint) returns text stable language sql as
       $$ select initcap((${arr(w.syllables)})[1 + p % 40] || (${arr(w.syllables)})[1 + (p / 40) % 40]
                         || (${arr(w.syllables)})[1 + (p / 1600) % 40]) $$`,
  ];
}

export interface Shape {
  seed: string;
  workspaceId: string;
  contacts: number;
  companies: number;
  activities: number;
  /** Member user ids: owners of records and authors of activities. */
  owners: string[];
  end: string;
}

const start = (s: Shape) => `(${q(s.end)}::timestamptz - interval '${spanDays} days')`;

const md5s = (prefix: string, seed: string, n: string, count: number) =>
  Array.from({ length: count }, (_, i) => `md5('${prefix}${i}:' || ${seed} || ':' || ${n})`).join(' || ');

/**
 * Companies 0…n-1 into a temp map (n → id, domain) and the companies table. Names are unique: n → (word, suffix)
 * is a bijection. Random slots of h (u16): 0 tld, 1 updated, 2-3 employees, 4-5 revenue, 6 country, 7-8 owner, 9-10 tag.
 */
export function companiesSql(s: Shape): string[] {
  const seed = q(s.seed);
  return [
    `drop table if exists co_map`,
    `create temp table co_map as
     select n as cn, pg_temp.v7(t, md5('coi:' || ${seed} || ':' || n)) as cid, t as ct, h as ch, pg_temp.word(p) as word, (p / 64000)::int as suf,
            lower(pg_temp.word(p)) || '-' || lower((${arr(w.companySuffixes)})[1 + p / 64000]) || '.' || pg_temp.pick(${arr(w.tlds)}, pg_temp.u16(h, 0)) as domain
       from (select n, ${md5s('co', seed, 'n', 2)} as h, (n * 104729 + 7) % 1280000 as p,
                    ${start(s)} + ((n + 0.5) / ${s.companies}) * interval '${spanDays} days' as t
               from generate_series(0::bigint, ${s.companies - 1}) n offset 0) x`,
    `alter table co_map add primary key (cn)`,
    `insert into companies (id, workspace_id, created_at, updated_at, name, domain, industry, employee_count, annual_revenue,
       annual_revenue_currency, country, owner_id, tags, custom)
     select cid, ${q(s.workspaceId)}, ct, ct + pg_temp.u16(h, 1) * (${q(s.end)}::timestamptz - ct), word || ' ' || (${arr(w.companySuffixes)})[1 + suf],
            domain, (${arr(w.industries)})[1 + suf], 1 + floor(exp(pg_temp.u(h, 1) * ln(50000)))::int,
            floor(exp(pg_temp.u(h, 2) * ln(500000000)))::bigint * 100, 'USD', pg_temp.pick(${arr(w.countries)}, pg_temp.u16(h, 6)),
            case when pg_temp.u16(h, 7) < 0.95 then pg_temp.pick($1::text[], pg_temp.u16(h, 8))::uuid end,
            case when pg_temp.u16(h, 9) < 0.6 then array[pg_temp.pick(${arr(w.companyTags)}, pg_temp.u16(h, 10))] else '{}' end,
            '{}'::jsonb
       from (select *, ch as h from co_map offset 0) co`,
  ];
}

/**
 * Activities lo…hi-1 and their contact links. 85% land on a uniformly drawn contact, 15% on 2,000 "hot"
 * contacts with a quadratic skew (the hottest gets ~2% of them), so a few records have thousands.
 * Slots of h (u16): 0 hot?, 2-3 contact, 4-5 time, 6 type, 7 owner, 8 subject, 9 body, 10 direction, 11 duration, 12 outcome.
 */
export function activitiesSql(s: Shape, lo: number, hi: number): string {
  const seed = q(s.seed);
  const hot = `((floor(2000 * pg_temp.u(h, 1) ^ 2)::bigint * 7919 + 17) % ${s.contacts})`;
  const sub = (type: keyof typeof w.subjects) => `pg_temp.pick(${arr(w.subjects[type])}, pg_temp.u16(h, 8))`;
  const dir = (p: number) => `case when pg_temp.u16(h, 10) < ${p} then 'outbound' else 'inbound' end`;
  return `with b as (
      select n, h, k, at, type, pg_temp.v7(at, md5('ai:' || ${seed} || ':' || n)) as id, pg_temp.pick($1::text[], pg_temp.u16(h, 7)) as owner
        from (select n, h, k, ct + pg_temp.u(h, 2) * (${q(s.end)}::timestamptz - ct) as at,
                     case when pg_temp.u16(h, 6) < 0.45 then 'email' when pg_temp.u16(h, 6) < 0.7 then 'call'
                          when pg_temp.u16(h, 6) < 0.9 then 'note' else 'meeting' end as type
                from (select n, h, k, pg_temp.contact_at(${seed}, k, ${s.contacts}) as ct
                        from (select n, h, case when pg_temp.u16(h, 0) < 0.85 then floor(pg_temp.u(h, 1) * ${s.contacts})::bigint else ${hot} end as k
                                from (select n, ${md5s('a', seed, 'n', 2)} as h from generate_series(${lo}::bigint, ${hi - 1}) n offset 0) x0 offset 0) x1 offset 0) x2 offset 0) x3
    ), ins as (
      insert into activities (id, workspace_id, created_at, updated_at, type, subject, body, details, occurred_at, created_by, owner_id)
      select id, ${q(s.workspaceId)}, at, at, type,
             case type when 'email' then ${sub('email')} when 'call' then ${sub('call')} when 'note' then ${sub('note')} else ${sub('meeting')} end,
             pg_temp.pick(${arr(w.bodies)}, pg_temp.u16(h, 9)),
             case type
               when 'call' then jsonb_build_object('direction', ${dir(0.7)}, 'durationSeconds', floor(pg_temp.u16(h, 11) * 1800)::int,
                 'outcome', pg_temp.pick(${arr(w.callOutcomes)}, pg_temp.u16(h, 12)))
               when 'email' then jsonb_build_object('direction', ${dir(0.6)}, 'from', 'rep@bench.example', 'to', jsonb_build_array('contact@bench.example'))
               when 'meeting' then jsonb_build_object('startsAt', at, 'endsAt', at + interval '30 minutes', 'location', 'Video call')
               else '{}'::jsonb end,
             at, owner, owner::uuid
        from b
    )
    insert into activity_links (workspace_id, activity_id, entity_type, entity_id, occurred_at)
    select ${q(s.workspaceId)}, id, 'contact', pg_temp.contact_id(${seed}, k, ${s.contacts}), at from b`;
}

/** Each contact's latest activity, so contacts are written once with last_activity_at set (no 1M-row UPDATE). */
export function lastActivitySql(s: Shape): string[] {
  return [
    `drop table if exists last_act`,
    `create temp table last_act as select entity_id as contact_id, max(occurred_at) as at from activity_links
       where workspace_id = ${q(s.workspaceId)} and entity_type = 'contact' group by entity_id`,
    `alter table last_act add primary key (contact_id)`,
  ];
}

const stages = `case when u < 0.25 then 'subscriber' when u < 0.55 then 'lead' when u < 0.67 then 'marketing_qualified'
  when u < 0.75 then 'sales_qualified' when u < 0.82 then 'opportunity' when u < 0.94 then 'customer' when u < 0.96 then 'evangelist' else 'other' end`;
const u16 = (i: number) => `pg_temp.u16(h, ${i})`;

/**
 * Contacts lo…hi-1: names, a work or free-mail email, phone, owner, company (80%), stage, tags, custom values.
 * Slots of h (u16): 0 first name, 1-2 last name, 3-6 made-up surname, 8-9 company, 10 has company, 11-12 email domain,
 * 13-16 phone, 17 title, 18-19 owner, 20 stage, 21 lead status, 22 source, 23 consent, 24 do not contact, 25 deleted,
 * 26-28 custom, 29 updated, 30 stage changed, 32-39 tags.
 */
export function contactsSql(s: Shape, lo: number, hi: number): string {
  const seed = q(s.seed);
  const tags = w.contactTags.map(([t, p], i) => `case when ${u16(32 + i)} < ${p} then ${q(t)} end`).join(', ');
  const syl = (i: number) => `(${arr(w.syllables)})[1 + floor(${u16(i)} * 40)::int]`;
  const end = `${q(s.end)}::timestamptz`;
  return `insert into contacts (id, workspace_id, created_at, updated_at, first_name, last_name, display_name, email, phone, title,
      owner_id, company_id, lifecycle_stage, lifecycle_changed_at, lead_status, source, email_consent, do_not_contact, tags, custom,
      last_activity_at, deleted_at)
    select id, ${q(s.workspaceId)}, t, t + ${u16(29)} * (${end} - t), fn, ln, fn || ' ' || ln,
           lower(fn) || '.' || lower(ln) || n || '@' || case when co.domain is not null and ${u16(11)} < 0.75 then co.domain
             else pg_temp.pick(${arr(w.freeMail)}, ${u16(12)}) end,
           case when ${u16(13)} < 0.7 then '+1' || (200 + floor(${u16(16)} * 800))::int || lpad(floor(pg_temp.u(h, 7) * 10000000)::int::text, 7, '0') end,
           pg_temp.pick(${arr(w.titles)}, ${u16(17)}),
           case when ${u16(18)} < 0.97 then pg_temp.pick($1::text[], ${u16(19)})::uuid end,
           co.cid, stage, t + ${u16(30)} * (${end} - t),
           case when stage = 'lead' then pg_temp.pick(array['new','attempting','connected','qualified']::text[], ${u16(21)}) end,
           pg_temp.pick(${arr(w.sources)}, ${u16(22)}),
           case when ${u16(23)} < 0.4 then 'subscribed' when ${u16(23)} < 0.45 then 'unsubscribed' else 'not_set' end,
           ${u16(24)} < 0.01, array_remove(array[${tags}]::text[], null),
           case when ${u16(26)} < 0.6 then jsonb_build_object('segment', pg_temp.pick(${arr(w.segments)}, ${u16(27)}),
             'nps_score', floor(${u16(28)} * 11)::int) else '{}'::jsonb end,
           la.at, case when ${u16(25)} < 0.005 then ${end} end
      from (select n, t, h, pg_temp.v7(t, md5('ci:' || ${seed} || ':' || n)) as id,
                   (select ${stages} from (select ${u16(20)} as u) x) as stage,
                   pg_temp.pick(${arr(w.firstNames)}, ${u16(0)}) as fn,
                   case when ${u16(1)} < 0.4 then pg_temp.pick(${arr(w.lastNames)}, ${u16(2)})
                        else initcap(${syl(3)} || ${syl(4)} || case when ${u16(6)} < 0.5 then ${syl(5)} else '' end) end as ln,
                   case when ${u16(10)} < 0.8 then floor(${s.companies} * pg_temp.u(h, 4) ^ 1.5)::int end as co_n
              from (select n, pg_temp.contact_at(${seed}, n, ${s.contacts}) as t, ${md5s('c', seed, 'n', 5)} as h
                      from generate_series(${lo}::bigint, ${hi - 1}) n offset 0) x0 offset 0) c
      left join co_map co on co.cn = c.co_n
      left join last_act la on la.contact_id = c.id`;
}

/** Rows derived from the contacts just written: primary emails, phones, company links, the first lifecycle entry. */
export function contactPartsSql(s: Shape): [string, string][] {
  const ws = q(s.workspaceId);
  return [
    [
      'contact_emails',
      `insert into contact_emails (workspace_id, contact_id, email, is_primary, created_at)
       select workspace_id, id, email, true, created_at from contacts where workspace_id = ${ws} and email is not null`,
    ],
    [
      'contact_phones',
      `insert into contact_phones (id, workspace_id, contact_id, phone, kind, is_primary)
       select pg_temp.v7(created_at, md5('p:' || id)), workspace_id, id, phone, 'work', true from contacts where workspace_id = ${ws} and phone is not null`,
    ],
    [
      'contact_companies',
      `insert into contact_companies (workspace_id, contact_id, company_id, is_primary, created_at)
       select workspace_id, id, company_id, true, created_at from contacts where workspace_id = ${ws} and company_id is not null`,
    ],
    [
      'lifecycle_history',
      `insert into lifecycle_history (id, workspace_id, contact_id, from_stage, to_stage, changed_at, actor_type, actor_id)
       select pg_temp.v7(lifecycle_changed_at, md5('lh:' || id)), workspace_id, id, null, lifecycle_stage, lifecycle_changed_at, 'system', 'import'
         from contacts where workspace_id = ${ws} and lifecycle_stage is not null`,
    ],
  ];
}
