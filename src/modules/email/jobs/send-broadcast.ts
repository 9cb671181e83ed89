import { sql } from 'drizzle-orm';
import { randomToken } from '../../../kernel/auth/index.ts';
import { rawEnv } from '../../../kernel/config/index.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { enqueue, type JobContext, type JobDefinition } from '../../../kernel/jobs/index.ts';
import { audiencePage, firstId } from '../audience.ts';
import type { Audience } from '../schema.ts';
import { type BatchResult, deliverBatch, type PreparedMessage } from '../sending/deliver-batch.ts';
import {
  type ClaimedRow,
  customKeys,
  loadVersion,
  type MessageContext,
  prepareMessage,
  recipientRows,
  type SenderRow,
  type VersionRow,
} from '../sending/prepare.ts';
import { capacityLeft, dkimKeyFor, resolveTarget } from '../sending/targets.ts';

export interface BroadcastRow {
  id: string;
  workspace_id: string;
  name: string;
  status: string;
  sender_id: string;
  subscription_type_id: string | null;
  campaign_id: string | null;
  audience: Audience;
  test_fraction: number;
  winner_metric: 'open' | 'click';
  winner_after_hours: number;
  winner_variant_id: string | null;
  recipients_ready: boolean;
}

export async function loadBroadcast(db: Db, ws: string, id: string) {
  const [b] = await rows<BroadcastRow>(db, sql`select * from email_broadcasts where workspace_id = ${ws} and id = ${id}`);
  return b;
}

interface VariantRow {
  id: string;
  label: string;
  subject: string | null;
  template_version_id: string;
}

/** Broadcast batches: big enough to amortize the claim and the recipient read, small enough to stop quickly on pause. */
const batchSize = Number(rawEnv('TANDEM_EMAIL_BATCH') ?? 500);

/**
 * Writes one message row per audience contact (the audience is read once, page by page, by id). Reruns insert
 * nothing twice: (broadcast, contact) is unique. A/B: a contact's bucket comes from the random tail of its id.
 */
async function materialize(db: Db, b: BroadcastRow, variants: VariantRow[]) {
  const ab = variants.length > 1 && b.test_fraction > 0 && b.test_fraction < 1;
  let after = firstId;
  for (;;) {
    const page = await audiencePage(db, b.workspace_id, b.audience, after, 2000);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    const values = page.map((c) => {
      const bucket = Number.parseInt(c.id.slice(-8), 16) / 2 ** 32;
      let v: VariantRow | undefined;
      if (!ab) v = variants[Math.floor(bucket * variants.length)];
      else if (bucket < b.test_fraction) v = variants[Math.floor((bucket / b.test_fraction) * variants.length)];
      return sql`(${newId()}, ${b.workspace_id}, ${b.id}, ${c.id}, ${c.email}, ${v ? 'queued' : 'held'}, ${v?.id ?? null}::uuid,
        ${v?.template_version_id ?? null}::uuid, ${b.sender_id})`;
    });
    await db.execute(sql`insert into email_messages (id, workspace_id, broadcast_id, contact_id, to_email, status, variant_id,
        template_version_id, sender_id) values ${sql.join(values, sql`, `)} on conflict do nothing`);
  }
  await db.execute(sql`update email_broadcasts set recipients_ready = true, updated_at = now(),
      recipient_count = (select count(*) from email_messages where workspace_id = ${b.workspace_id} and broadcast_id = ${b.id})
      where workspace_id = ${b.workspace_id} and id = ${b.id}`);
}

/**
 * Claims up to `n` queued messages for this run. Suppression is decided here, at send time, for every recipient:
 * the suppression list, erased people, opt-outs of the broadcast's subscription type, contacts deleted, marked do
 * not contact or unsubscribed since the audience was read.
 */
async function claimBatch(db: Db, b: BroadcastRow, claim: string, n: number) {
  const ws = b.workspace_id;
  return rows<ClaimedRow & { status: string; variant_id: string | null }>(
    db,
    sql`with batch as (
          select id, to_email, contact_id from email_messages
          where workspace_id = ${ws} and broadcast_id = ${b.id} and status = 'queued'
          order by id limit ${n} for update skip locked),
        sup as (
          select x.id from batch x
          where exists (select 1 from email_suppressions s where s.workspace_id = ${ws} and s.email = x.to_email)
             or exists (select 1 from suppressions e where e.workspace_id = ${ws}
                        and e.email_hash = encode(sha256(convert_to(${ws}::text || ':' || x.to_email, 'UTF8')), 'hex'))
             or exists (select 1 from email_opt_outs o where o.workspace_id = ${ws} and o.contact_id = x.contact_id
                        and o.type_id = ${b.subscription_type_id}::uuid)
             or not exists (select 1 from contacts c where c.workspace_id = ${ws} and c.id = x.contact_id
                        and c.deleted_at is null and not c.do_not_contact and c.email_consent <> 'unsubscribed'))
        update email_messages m
          set status = case when m.id in (select id from sup) then 'suppressed' else 'sending' end,
              claim = ${claim}, attempts = m.attempts + 1
          from batch where m.id = batch.id and m.workspace_id = ${ws}
        returning m.id, m.contact_id, m.to_email, m.template_version_id, m.variant_id, m.status, m.attempts, m.data,
          null::text as subject_override`,
  );
}

/** The two broadcast jobs, passed in (they are defined together in broadcast-jobs.ts, which needs both handlers). */
export interface BroadcastJobs {
  send: JobDefinition;
  winner: JobDefinition;
}

async function finish(db: Db, b: BroadcastRow, jobs: BroadcastJobs) {
  const [left] = await rows<{ queued: number; held: number }>(
    db,
    sql`select count(*) filter (where status in ('queued', 'sending'))::int as queued, count(*) filter (where status = 'held')::int as held
        from email_messages where workspace_id = ${b.workspace_id} and broadcast_id = ${b.id}`,
  );
  if (left!.queued > 0) return false;
  if (left!.held > 0 && !b.winner_variant_id) {
    const [s] = await rows<{ started_at: string }>(db, sql`select started_at::text from email_broadcasts where id = ${b.id}`);
    const runAt = new Date(new Date(s?.started_at ?? Date.now()).getTime() + b.winner_after_hours * 3600_000);
    await db.transaction(async (tx) => {
      await tx.execute(sql`update email_broadcasts set status = 'testing', updated_at = now() where id = ${b.id} and status = 'sending'`);
      await enqueue(tx, jobs.winner, { broadcastId: b.id }, { workspaceId: b.workspace_id, runAt, idempotencyKey: `email.winner:${b.id}` });
    });
    return true;
  }
  await db.execute(sql`update email_broadcasts set status = 'sent', finished_at = now(), updated_at = now()
      where id = ${b.id} and status in ('sending', 'testing')`);
  return true;
}

/** Sends a broadcast's queued messages batch by batch until none is left, the run is paused/cancelled or a cap is hit. */
export async function runBroadcast(broadcastId: string, job: JobContext, jobs: BroadcastJobs) {
  const db = job.database.db;
  const ws = job.workspaceId!;
  let b = await loadBroadcast(db, ws, broadcastId);
  if (b?.status !== 'sending') return { skipped: b?.status ?? 'missing' };
  const claim = `${job.jobId}:${job.attempt}:${randomToken(6)}`;
  const variants = await rows<VariantRow>(
    db,
    sql`select id, label, subject, template_version_id from email_broadcast_variants where workspace_id = ${ws} and broadcast_id = ${b.id} order by label`,
  );
  if (!b.recipients_ready) await materialize(db, b, variants);
  // An earlier run of this job died (its lease ran out): the rows it held never got their final dot.
  await db.execute(sql`update email_messages set status = 'queued', claim = null
      where workspace_id = ${ws} and broadcast_id = ${b.id} and status = 'sending'`);

  const [sender] = await rows<SenderRow>(
    db,
    sql`select id, from_name as "fromName", from_email as "fromEmail", reply_to as "replyTo", postal_address as "postalAddress",
          transport_id as "transportId" from email_senders where workspace_id = ${ws} and id = ${b.sender_id}`,
  );
  if (!sender) throw new Error(`The broadcast's sender ${b.sender_id} no longer exists`);
  const target = await resolveTarget(db, ws, sender.transportId);
  const [type] = b.subscription_type_id
    ? await rows<{ id: string; key: string }>(db, sql`select id, key from email_subscription_types where id = ${b.subscription_type_id}`)
    : [];
  const ctx: MessageContext = {
    ws,
    sender,
    dkim: await dkimKeyFor(db, ws, sender.fromEmail),
    customKeys: await customKeys(db, ws),
    campaign: { id: b.campaign_id ?? '', name: b.name },
    campaignId: b.campaign_id,
    broadcastId: b.id,
    marketing: true,
    track: true,
    subscriptionType: type ?? null,
  };
  const versions = new Map<string, VersionRow>();
  const subjectOf = new Map(variants.map((v) => [v.id, v.subject]));
  let sent = 0;
  // One batch is sent while the next is claimed and rendered, so the connections never wait for the renderer.
  type Batch = { count: number; broken: number; done: Promise<BatchResult> };
  let inFlight: Batch | null = null;
  const report = async ({ count, broken, done }: Batch) => {
    const res = await done;
    sent += res.sent;
    await job.progress({ sent, batch: count, failed: res.failed + broken, retry: res.retry });
    if (res.retry > 0 && res.sent === 0) throw new Error(`The SMTP relay refused or could not be reached: ${res.lastError}`);
  };
  const settle = async () => {
    const batch = inFlight;
    inFlight = null;
    if (batch) await report(batch);
  };
  try {
    for (;;) {
      if (await job.cancelled()) {
        await settle();
        return { sent, stopped: 'lease' };
      }
      b = (await loadBroadcast(db, ws, broadcastId))!;
      if (b.status !== 'sending') {
        await settle();
        return { sent, stopped: b.status };
      }
      const cap = await capacityLeft(db, target, batchSize, inFlight?.count ?? 0);
      if (cap.n === 0) {
        if (inFlight) {
          await settle();
          continue;
        }
        await enqueue(db, jobs.send, { broadcastId }, { workspaceId: ws, runAt: cap.retryAt ?? new Date(Date.now() + 60_000) });
        return { sent, waiting: 'cap' };
      }
      const claimed = (await claimBatch(db, b, claim, cap.n)).filter((r) => r.status === 'sending');
      if (!claimed.length) {
        await settle();
        const [any] = await rows(
          db,
          sql`select 1 from email_messages where workspace_id = ${ws} and broadcast_id = ${b.id} and status = 'queued' limit 1`,
        );
        if (any) continue; // a batch of suppressed recipients only, or a retry put back
        await finish(db, b, jobs);
        return { sent };
      }
      const people = await recipientRows(db, ws, claimed.map((r) => r.contact_id!).filter(Boolean));
      const prepared: PreparedMessage[] = [];
      const broken: { id: string; error: string }[] = [];
      for (const [i, r] of claimed.entries()) {
        // Rendering is CPU only: give the event loop a turn now and then, so the batch still sending keeps its
        // connections busy and the job's lease keeps being renewed.
        if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
        try {
          let v = versions.get(r.template_version_id);
          if (!v) {
            v = await loadVersion(db, ws, r.template_version_id);
            versions.set(v.id, v);
          }
          prepared.push(
            await prepareMessage(
              ctx,
              { ...r, subject_override: r.variant_id ? (subjectOf.get(r.variant_id) ?? null) : null },
              v,
              people.get(r.contact_id!),
            ),
          );
        } catch (err) {
          broken.push({ id: r.id, error: (err as Error).message });
        }
      }
      for (const x of broken)
        await db.execute(sql`update email_messages set status = 'failed', error = ${x.error} where id = ${x.id} and claim = ${claim}`);
      // Queue this batch behind the one still sending, then wait for that one: at most two batches are out.
      const previous = inFlight;
      inFlight = { count: claimed.length, broken: broken.length, done: deliverBatch(db, ws, target, claim, prepared) };
      if (previous) await report(previous);
    }
  } finally {
    // A failure above leaves the queued batch to finish (its rows are fenced by the claim) before the job ends.
    const last = inFlight as Batch | null;
    if (last) await last.done.catch(() => {});
  }
}
