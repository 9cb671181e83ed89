import { sql } from 'drizzle-orm';
import type { Db } from '../../../kernel/db/index.ts';
import { newId, rows, transactionWithCommitHook } from '../../../kernel/db/index.ts';
import { recordContactEvents } from '../../engagement/index.ts';
import { CommitGate } from './commit-gate.ts';
import type { SendOutcome } from './smtp-pool.ts';
import type { DeliveryTarget } from './targets.ts';

export interface PreparedMessage {
  id: string;
  contactId: string | null;
  broadcastId: string | null;
  campaignId: string | null;
  fromAddress: string;
  to: string;
  subject: string;
  raw: Buffer;
  attempts: number;
}

export interface BatchResult {
  sent: number;
  failed: number;
  /** Put back to queued after a temporary failure (connection refused, 4xx). */
  retry: number;
  lastError?: string;
}

/** After this many attempts a temporary failure becomes final. */
export const maxSendAttempts = 3;

/**
 * Marks held messages sent (fenced by the claim: a sender that lost its rows to a newer run writes nothing) and
 * logs email_sent, in one transaction. `release` hears which ids this claim still held in the synchronous step that
 * writes the COMMIT (so the dots follow it with no wait between); the ids are returned too.
 */
async function markSent(
  db: Db,
  ws: string,
  claim: string,
  transportId: string | null,
  batch: Map<string, PreparedMessage>,
  release: (held: Set<string>) => void = () => {},
) {
  const ids = [...batch.keys()];
  return transactionWithCommitHook(
    db,
    async (tx) => {
      const done = await rows<{ id: string }>(
        tx,
        sql`update email_messages set status = 'sent', sent_at = now(), transport_id = ${transportId}, error = null
            where workspace_id = ${ws} and id in ${ids} and claim = ${claim} and status = 'sending' returning id`,
      );
      const events = done
        .map((d) => batch.get(d.id)!)
        .filter((m) => m.contactId)
        .map((m) => ({
          kind: 'email_sent' as const,
          contactId: m.contactId,
          subjectId: m.broadcastId ?? m.id,
          campaignId: m.campaignId,
          props: { messageId: m.id, subject: m.subject },
        }));
      if (events.length) await recordContactEvents(tx, ws, events);
      return new Set(done.map((d) => d.id));
    },
    release,
  );
}

/**
 * Sends claimed messages through the target. SMTP: each message's final dot waits until its row is written as sent
 * and goes out right after that transaction's COMMIT (CommitGate), so a crash cannot leave a delivered message
 * looking unsent (which the next run would send again). Outbox: the .eml and the sent mark are one transaction.
 */
export async function deliverBatch(
  db: Db,
  ws: string,
  target: DeliveryTarget,
  claim: string,
  msgs: PreparedMessage[],
): Promise<BatchResult> {
  const res: BatchResult = { sent: 0, failed: 0, retry: 0 };
  if (!msgs.length) return res;
  const byId = new Map(msgs.map((m) => [m.id, m]));
  if (target.kind === 'outbox') {
    const done = await db.transaction(async (tx) => {
      const held = await markSent(tx as unknown as Db, ws, claim, null, byId);
      const kept = msgs.filter((m) => held.has(m.id));
      for (let i = 0; i < kept.length; i += 200) {
        const part = kept.slice(i, i + 200);
        await tx.execute(
          sql`insert into email_outbox (id, workspace_id, message_id, to_email, subject, eml) values ${sql.join(
            part.map((m) => sql`(${newId()}, ${ws}, ${m.id}, ${m.to}, ${m.subject}, ${m.raw.toString('utf8')})`),
            sql`, `,
          )}`,
        );
      }
      return held.size;
    });
    res.sent = done;
    return res;
  }
  const pick = (ids: string[]) => new Map(ids.map((id) => [id, byId.get(id)!]));
  const gate = new CommitGate(
    async (ids, release) => {
      await markSent(db, ws, claim, target.transportId, pick(ids), release);
    },
    // The COMMIT failed after the dots were released: write the sent marks once more, or the rows stay "sending"
    // and the next run would send them again.
    async (ids) => {
      await markSent(db, ws, claim, target.transportId, pick(ids));
    },
  );
  const outcomes = await Promise.all(
    msgs.map((m) => target.pool.send(m.fromAddress, m.to, m.raw, (end) => gate.request(m.id, end)).then((o) => [m, o] as const)),
  );
  const fail: { id: string; error: string }[] = [];
  const requeue: { id: string; error: string }[] = [];
  const unknown: { id: string; error: string }[] = [];
  for (const [m, o] of outcomes) {
    if (o.accepted) {
      res.sent++;
      continue;
    }
    res.lastError = o.error;
    const bad = { id: m.id, error: describe(o) };
    if (o.committed && !o.code) {
      unknown.push(bad);
      res.sent++;
    } else if (o.permanent || m.attempts >= maxSendAttempts) fail.push(bad);
    else requeue.push(bad);
  }
  res.failed = fail.length;
  res.retry = requeue.length;
  const set = async (list: { id: string; error: string }[], status: string, keepSent: boolean) => {
    if (!list.length) return;
    await db.execute(sql`update email_messages m set status = ${status}, error = v.error,
        sent_at = ${keepSent ? sql`m.sent_at` : sql`null`}, claim = ${keepSent ? sql`m.claim` : sql`null`}
        from (values ${sql.join(
          list.map((x) => sql`(${x.id}::uuid, ${x.error})`),
          sql`, `,
        )}) as v(id, error)
        where m.workspace_id = ${ws} and m.id = v.id and (m.claim = ${claim} or m.claim is null)`);
  };
  await set(fail, 'failed', false);
  await set(requeue, 'queued', false);
  await set(unknown, 'sent', true);
  return res;
}

function describe(o: Extract<SendOutcome, { accepted: false }>): string {
  if (o.committed && !o.code) return `The connection broke after the end of the message; not resent (at most once): ${o.error}`;
  return o.code ? `${o.code} ${o.error}` : o.error;
}
