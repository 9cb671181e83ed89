/**
 * Broadcast throughput against raw nodemailer, into the same local SMTP sink (another process), in one run:
 *   npx tsx bench/email.ts
 * 1. Baseline: nodemailer's pooled SMTP transport (5 connections) sends BENCH_EMAIL_RECIPIENTS messages equal to the
 *    broadcast's (same HTML and text parts, rendered once), 200 in flight.
 * 2. Tandem: a broadcast to as many contacts through the send job (in-process worker, 5 pooled connections): reading
 *    the audience, writing one message row each, suppression checks, Liquid rendering, signed tracking links, MIME,
 *    the commit-before-final-dot per message, email_sent events. Timed from "send" to the broadcast's "sent".
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tandem_bench_email), dropped at the end.
 * Target: Tandem ≥ 80% of the baseline's messages per second.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { buildPlatformApp, registerAllJobs } from '../src/apps/platform.ts';
import { loadConfig, rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { migrate, openDatabase, rows } from '../src/kernel/db/index.ts';
import { startWorker } from '../src/kernel/jobs/index.ts';
import {
  closeSmtpPools,
  compileTemplate,
  createBroadcast,
  createSender,
  createTemplate,
  createTransport,
  renderMessage,
  sendBroadcast,
} from '../src/modules/email/index.ts';
import { createUser, createWorkspace } from '../src/modules/identity/index.ts';
import { describeMachine, machineLine, table, updateBenchDoc, writeResults } from './lib/report.ts';

const url = rawEnv('BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/tandem_bench_email';
const n = Number(rawEnv('BENCH_EMAIL_RECIPIENTS') ?? 100_000);
const log = (s: string) => console.log(s);

async function admin(sqlText: string) {
  const u = new URL(url);
  const dbName = u.pathname.slice(1);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(sqlText.replace('$db', `"${dbName}"`));
  } finally {
    await c.end();
  }
}

async function startSink(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'lib/smtp-sink-process.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) => {
    child.stdout!.on('data', (c: Buffer) => {
      const m = String(c).match(/port (\d+)/);
      if (m) resolve(Number(m[1]));
    });
  });
  return { port, child };
}

const body = `<mjml><mj-body><mj-section><mj-column>
<mj-text font-size="20px">Hello {{ contact.first_name }},</mj-text>
<mj-text>Our spring release is out: faster reports, a new pipeline board and better email. {{ company.name }} can try it today.</mj-text>
<mj-button href="https://example.org/release?utm_source=newsletter">Read the release notes</mj-button>
<mj-text>See the <a href="https://example.org/pricing">pricing</a> or <a href="https://example.org/demo">book a demo</a>.</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

async function main() {
  const loadStart = os.loadavg()[0]!.toFixed(2);
  await admin('drop database if exists $db');
  await admin('create database $db');
  const sink = await startSink();
  registerAllJobs();
  const config = loadConfig({
    DATABASE_URL: url,
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_WORKER_CONCURRENCY: '0',
    TANDEM_PUBLIC_URL: 'https://tandem.example',
  });
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  await migrate(database);
  const app = await buildPlatformApp(
    { config, database, secretKey: 'x'.repeat(40), close: async () => {} },
    { serveWeb: false, logger: false },
  );
  const { db } = database;
  try {
    const user = await createUser(db, { email: 'bench@example.com', name: 'Bench', password: 'correct horse battery staple' });
    const ws = await createWorkspace(db, { name: 'Bench', ownerUserId: user.id });
    const ctx: Ctx = { db, workspaceId: ws.id, actor: { type: 'user', id: user.id, userId: user.id, label: 'bench', role: 'admin' } };
    const transport = await createTransport(ctx, {
      name: 'sink',
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      concurrency: 5,
      isDefault: true,
    });
    const sender = await createSender(ctx, {
      fromName: 'Bench',
      fromEmail: 'news@bench.example',
      postalAddress: '1 Bench Road',
      isDefault: true,
    });
    const tpl = await createTemplate(ctx, {
      name: 'Release',
      format: 'mjml',
      subject: 'Spring release for {{ contact.first_name }}',
      preheader: '',
      body,
    });
    log(`Inserting ${n} contacts…`);
    await db.execute(sql`insert into contacts (id, workspace_id, first_name, display_name, email, tags)
        select gen_random_uuid(), ${ws.id}, 'P' || i, 'P' || i, 'p' || i || '@bench.test', array['bench'] from generate_series(1, ${n}) i`);

    // Baseline: the same message, rendered once, through nodemailer's pool.
    const sample = renderMessage(
      await compileTemplate({ format: 'mjml', subject: 'Spring release for {{ contact.first_name }}', body }, { footer: true }),
      {
        contact: {
          first_name: 'P1',
          last_name: '',
          name: 'P1',
          email: 'p1@bench.test',
          id: '',
          title: '',
          phone: '',
          lifecycle_stage: '',
          custom: {},
        },
        company: { name: '', domain: '' },
        owner: { name: '', email: '' },
        campaign: { id: '', name: '' },
        sender: { from_name: 'Bench', from_email: 'news@bench.example', reply_to: '', postal_address: '1 Bench Road' },
        unsubscribe_url: 'https://tandem.example/u/x',
        preferences_url: 'https://tandem.example/preferences/x',
        view_in_browser_url: '',
      },
    );
    const raw = nodemailer.createTransport({
      pool: true,
      maxConnections: 5,
      maxMessages: Number.POSITIVE_INFINITY,
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
    });
    log(`Baseline: raw nodemailer pool, ${n} messages…`);
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        for (let i = next++; i < n; i = next++)
          await raw.sendMail({
            from: { name: 'Bench', address: 'news@bench.example' },
            to: `p${i + 1}@bench.test`,
            subject: sample.subject,
            html: sample.html,
            text: sample.text,
          });
      }),
    );
    const baseSeconds = (performance.now() - t0) / 1000;
    raw.close();
    const baseRate = n / baseSeconds;
    log(`  ${baseSeconds.toFixed(1)} s, ${baseRate.toFixed(0)} msgs/s`);

    log(`Tandem: broadcast to ${n} contacts…`);
    const worker = startWorker({ database, concurrency: 1, leaseSeconds: 60, pollMs: 50 });
    const b = await createBroadcast(ctx, {
      name: 'Spring release',
      senderId: sender.id,
      audience: { kind: 'filter', filter: { field: 'tags', op: 'has_any', value: ['bench'] } },
      variants: [{ templateId: tpl.id }],
      testFraction: 0,
      winnerMetric: 'open',
      winnerAfterHours: 4,
    });
    const t1 = performance.now();
    await sendBroadcast(ctx, b.id);
    worker.poke();
    for (;;) {
      const [s] = await rows<{ status: string; sent: number }>(
        db,
        sql`select status, (select count(*)::int from email_messages where broadcast_id = ${b.id} and status = 'sent') as sent from email_broadcasts where id = ${b.id}`,
      );
      if (s!.status === 'sent') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const tandemSeconds = (performance.now() - t1) / 1000;
    await worker.stop();
    closeSmtpPools();
    const tandemRate = n / tandemSeconds;
    const ratio = tandemRate / baseRate;
    log(`  ${tandemSeconds.toFixed(1)} s, ${tandemRate.toFixed(0)} msgs/s — ${(ratio * 100).toFixed(0)}% of raw nodemailer`);

    const machine = describeMachine();
    const result = {
      machine,
      recipients: n,
      baseline: { seconds: baseSeconds, perSecond: baseRate },
      tandem: { seconds: tandemSeconds, perSecond: tandemRate },
      ratio,
    };
    writeResults('email', result);
    if (n >= 100_000)
      updateBenchDoc(
        'email',
        `## Email broadcast (\`bench/email.ts\`)

${machineLine(machine)} · PostgreSQL · SMTP sink (smtp-server) in a separate process on the same machine · load
average ${loadStart} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end (both runs share whatever else ran).

${table(
  ['run', 'messages', 'seconds', 'msgs/s', 'vs raw'],
  [
    ['raw nodemailer pool (5 connections), one pre-rendered message', n, baseSeconds.toFixed(1), baseRate.toFixed(0), '100%'],
    [
      'Tandem broadcast (5 pooled connections), end to end',
      n,
      tandemSeconds.toFixed(1),
      tandemRate.toFixed(0),
      `${(ratio * 100).toFixed(0)}%`,
    ],
  ],
)}

Tandem's figure includes reading the audience through the filter, writing ${n.toLocaleString('en')} message rows, the
suppression check per recipient, Liquid rendering, signed click/open/unsubscribe links, MIME building, the mark as sent
written before each final dot (group-committed, the dots leaving with the COMMIT) and an \`email_sent\` event per
message. Target ≥ 80%: ${ratio >= 0.8 ? 'met' : 'not met'}.`,
      );
    void transport;
  } finally {
    await app.close();
    await database.close();
    sink.child.kill('SIGTERM');
    await admin('drop database if exists $db').catch(() => {});
  }
}

await main();
