import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import { type TestPlatform, testDatabaseUrl } from '../../kernel/testing/index.ts';
import { startSmtpSink } from './testing/smtp-sink.ts';

const script = path.resolve('src/modules/email/testing/email-worker-process.ts');
/** 20,000 recipients and ten kill -9s at random points, as issue 7 asks (env overrides for a quicker local try). */
const recipients = Number(process.env.TANDEM_EMAIL_CRASH_RECIPIENTS ?? 20_000);
const kills = Number(process.env.TANDEM_EMAIL_CRASH_KILLS ?? 10);
/** SMTP connections of the transport: at most this many dots can be in flight in one group commit's release. */
const concurrency = 4;

async function spawnWorker(t: TestPlatform): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, t.database.url!, t.secretKey, 'http://tandem.test', '2', '2'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += c;
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
  return child;
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

describe.skipIf(!testDatabaseUrl())('a broadcast whose worker is killed (PostgreSQL: needs a second process)', () => {
  let t: TestPlatform;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await Promise.all(children.map(kill));
    await sink.close();
    await t.close();
  });

  it(`reaches each of ${recipients} recipients once and suppressed ones never, through ${kills} kill -9s`, async () => {
    const ws = await createTestWorkspace(t);
    await ws.admin.api.post('/api/email/transports', { name: 'Sink', host: '127.0.0.1', port: sink.port, concurrency, isDefault: true });
    const sender = (await ws.admin.api.post('/api/email/senders', { fromName: 'Crash', fromEmail: 'crash@example.com' })).json();
    const tpl = (
      await ws.admin.api.post('/api/email/templates', {
        name: 'T',
        subject: 'Hi {{ contact.first_name }}',
        body: '<p>Hello {{ contact.first_name }}</p>',
      })
    ).json();
    await t.database.db.execute(sql`insert into contacts (id, workspace_id, first_name, display_name, email, tags)
        select gen_random_uuid(), ${ws.workspaceId}, 'P' || n, 'P' || n, 'p' || n || '@crash.test', array['crash']
        from generate_series(1, ${recipients}) n`);
    await t.database.db.execute(sql`insert into email_suppressions (workspace_id, email, reason)
        select ${ws.workspaceId}, 'p' || n || '@crash.test', 'manual' from generate_series(1, ${recipients}, 97) n`);
    const suppressed = Math.ceil(recipients / 97);
    const b = (
      await ws.admin.api.post('/api/email/broadcasts', {
        name: 'Crash',
        senderId: sender.id,
        audience: { kind: 'filter', filter: { field: 'tags', op: 'has_any', value: ['crash'] } },
        variants: [{ templateId: tpl.id }],
      })
    ).json();
    await ws.admin.api.post(`/api/email/broadcasts/${b.id}/send`, {});

    const sent = async () =>
      (
        await rows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from email_messages where broadcast_id = ${b.id} and status = 'sent'`,
        )
      )[0]!.n;
    for (let k = 0; k < kills; k++) {
      const child = await spawnWorker(t);
      children.push(child);
      // Let it send for a random while (some runs die while reading the audience, most mid-batch).
      const target = Math.min(recipients - 10, (await sent()) + 50 + Math.floor(Math.random() * (recipients / (kills + 1))));
      const until = Date.now() + 20_000;
      while ((await sent()) < target && Date.now() < until) await new Promise((r) => setTimeout(r, 20 + Math.random() * 60));
      console.log(`crash test: kill ${k + 1} after ${await sent()} sent`);
      await kill(child);
    }
    const last = await spawnWorker(t);
    children.push(last);
    const deadline = Date.now() + 600_000;
    for (;;) {
      const [s] = await rows<{ status: string }>(t.database.db, sql`select status from email_broadcasts where id = ${b.id}`);
      if (s!.status === 'sent' || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await kill(last);

    const perRecipient = new Map<string, number>();
    for (const m of sink.messages) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const twice = [...perRecipient].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    const suppressedGot = [...perRecipient.keys()].filter((e) => (Number(e.slice(1, e.indexOf('@'))) - 1) % 97 === 0);
    expect(suppressedGot).toEqual([]);
    const statuses = await rows<{ status: string; n: number }>(
      t.database.db,
      sql`select status, count(*)::int as n from email_messages where broadcast_id = ${b.id} group by status order by status`,
    );
    expect(statuses).toEqual([
      { status: 'sent', n: recipients - suppressed },
      { status: 'suppressed', n: suppressed },
    ]);
    // Nobody got two (above). The dots leave in the synchronous step right after the COMMIT that records them
    // (docs/email.md): a kill can only fall between those writes and lose the dots of that one release, which is at
    // most one per SMTP connection. Any other loss (a batch recorded but never written, say) exceeds that bound.
    const missing = recipients - suppressed - perRecipient.size;
    console.log(`crash test: ${recipients} recipients, ${kills} kills, ${sink.messages.length} received, ${missing} missing`);
    expect(missing).toBeGreaterThanOrEqual(0);
    expect(missing).toBeLessThanOrEqual(kills * concurrency);
    expect((await rows(t.database.db, sql`select 1 from email_broadcasts where id = ${b.id} and status = 'sent'`)).length).toBe(1);
  }, 900_000);
});
