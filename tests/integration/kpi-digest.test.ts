/** The weekly KPI email end to end: the analytics job, the email module's transactional send and a real SMTP sink (here, not beside the job, because modules may not import the email module's test sink). */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../src/apps/test-kit.ts';
import { startWorker, type Worker } from '../../src/kernel/jobs/index.ts';
import type { TestPlatform } from '../../src/kernel/testing/index.ts';
import { weeklyDigestJob } from '../../src/modules/analytics/index.ts';
import { closeSmtpPools } from '../../src/modules/email/index.ts';
import { startSmtpSink } from '../../src/modules/email/testing/smtp-sink.ts';

let t: TestPlatform;
let worker: Worker;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
  worker = startWorker({ database: t.database, concurrency: 2, leaseSeconds: 30, pollMs: 20, backoffSeconds: 0.05 });
  ws = await createTestWorkspace(t);
  expect((await ws.admin.api.patch('/api/workspace', { name: 'Acme <b>Labs</b>', timezone: 'Asia/Tokyo' })).statusCode).toBe(200);
  const tr = await ws.admin.api.post('/api/email/transports', { name: 'Sink', host: '127.0.0.1', port: sink.port, isDefault: true });
  expect(tr.statusCode, tr.body).toBe(201);
  const sender = await ws.admin.api.post('/api/email/senders', {
    fromName: 'Tandem',
    fromEmail: 'reports@example.com',
    postalAddress: '1 Main St, Springfield',
    isDefault: true,
  });
  expect(sender.statusCode, sender.body).toBe(201);
  // One deal won and one lost just now: win rate 50 %, average deal size $24,000 in the current quarter.
  const pipeline = (
    await ws.admin.api.post('/api/pipelines', {
      name: 'Digest',
      stages: [
        { name: 'Open', probability: 20 },
        { name: 'Won', type: 'won' },
        { name: 'Lost', type: 'lost' },
      ],
    })
  ).json();
  const closed = new Date(Date.now() - 1000).toISOString();
  for (const [status, amount] of [
    ['won', 2_400_000],
    ['lost', 100_000],
  ] as const) {
    const d = (await ws.admin.api.post('/api/deals', { name: status, stageId: pipeline.stages[0].id, amount })).json();
    const stage = pipeline.stages.find((s: { name: string }) => s.name.toLowerCase() === status).id;
    await t.database.db.execute(sql`update deals set status = ${status}, stage_id = ${stage}, closed_at = ${closed} where id = ${d.id}`);
  }
});
afterAll(async () => {
  await worker.stop();
  closeSmtpPools();
  await sink.close();
  await t.close();
});

const job = () => ({ database: t.database, progress: async () => {}, cancelled: async () => false }) as never;
const run = async (at: string) => (await weeklyDigestJob.handler({ at }, job())) as { sent: number; failed: string[] };

async function waitForMail(count: number) {
  for (let i = 0; i < 400 && sink.messages.length < count; i++) await new Promise((r) => setTimeout(r, 25));
  return sink.messages.length;
}

describe('the weekly KPI email', () => {
  it('lets a member subscribe and unsubscribe, idempotently', async () => {
    expect((await ws.admin.api.get('/api/analytics/digest-subscription')).json()).toEqual({ subscribed: false, lastSentOn: null });
    expect((await ws.admin.api.post('/api/analytics/digest-subscription')).json().subscribed).toBe(true);
    expect((await ws.admin.api.post('/api/analytics/digest-subscription')).json().subscribed).toBe(true);
    const viewer = await ws.member('viewer');
    expect((await viewer.api.delete('/api/analytics/digest-subscription')).json().subscribed).toBe(false);
  });

  it('sends the board on Monday morning in the workspace time zone, once a week', async () => {
    // Tokyo is UTC+9: Sunday 22 Nov 21:30 UTC is already Monday 06:30 there, too early; 22:30 UTC is Monday 07:30.
    expect((await run('2026-11-22T21:30:00Z')).sent).toBe(0);
    expect((await run('2026-11-21T23:00:00Z')).sent).toBe(0); // Sunday 08:00 in Tokyo
    const out = await run('2026-11-22T22:30:00Z'); // Monday 07:30 in Tokyo
    expect(out).toMatchObject({ sent: 1, failed: [] });
    expect(await waitForMail(1)).toBe(1);
    const mail = await sink.parse(sink.messages[0]!);
    expect(mail.to).toMatchObject({ text: expect.stringContaining(ws.admin.email) });
    expect(mail.subject).toContain('KPI dashboard');
    const html = String(mail.html);
    expect(html).toContain('Win rate');
    expect(html).toContain('50 %');
    expect(html).toContain('$24,000');
    expect(html).toMatch(/Win rate<\/td>\s*<td[^>]*>50 %<\/td>\s*<td[^>]*>25 %<\/td>\s*<td[^>]*>On target/);
    // The workspace name is escaped, not markup.
    expect(html).toContain('Acme &lt;b&gt;Labs&lt;/b&gt;');
    expect((await ws.admin.api.get('/api/analytics/digest-subscription')).json().lastSentOn).toBe('2026-11-23');
    // The next hour of the same Monday sends nothing more; unsubscribed, the next Monday neither.
    expect((await run('2026-11-22T23:30:00Z')).sent).toBe(0);
    await ws.admin.api.delete('/api/analytics/digest-subscription');
    expect((await run('2026-11-29T22:30:00Z')).sent).toBe(0);
    expect(sink.messages.length).toBe(1);
  });
});
