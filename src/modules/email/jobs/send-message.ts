import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { randomToken } from '../../../kernel/auth/index.ts';
import { rawEnv } from '../../../kernel/config/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { deliverBatch, maxSendAttempts } from '../sending/deliver-batch.ts';
import { type ClaimedRow, customKeys, loadVersion, prepareMessage, recipientRows, type SenderRow } from '../sending/prepare.ts';
import { dkimKeyFor, resolveTarget } from '../sending/targets.ts';

/** Sends one transactional message. Retries with backoff on temporary failures; after the last, failed with the reason. */
export const sendMessageJob = defineJob({
  id: 'email.send_message',
  version: 1,
  payload: z.object({ messageId: z.uuid() }),
  maxAttempts: maxSendAttempts,
  backoffSeconds: Number(rawEnv('TANDEM_EMAIL_RETRY_SECONDS') ?? 30),
  async handler({ messageId }, job) {
    const db = job.database.db;
    const ws = job.workspaceId!;
    const claim = `${job.jobId}:${job.attempt}:${randomToken(6)}`;
    // Only this job sends this message, so a row left `sending` belongs to an earlier run that died before its final dot.
    const [row] = await rows<ClaimedRow & { sender_id: string; suppressed: boolean }>(
      db,
      sql`update email_messages m set status = 'sending', claim = ${claim}, attempts = attempts + 1
          where workspace_id = ${ws} and id = ${messageId} and status in ('queued', 'sending')
          returning id, contact_id, to_email, template_version_id, data, attempts, sender_id, null::text as subject_override,
            (exists (select 1 from email_suppressions s where s.workspace_id = ${ws} and s.email = m.to_email and s.reason <> 'unsubscribed')
             or exists (select 1 from suppressions e where e.workspace_id = ${ws}
                        and e.email_hash = encode(sha256(convert_to(${ws}::text || ':' || m.to_email, 'UTF8')), 'hex'))) as suppressed`,
    );
    if (!row) return { skipped: true };
    if (row.suppressed) {
      await db.execute(
        sql`update email_messages set status = 'suppressed', error = 'The address is on the suppression list' where id = ${messageId}`,
      );
      return { suppressed: true };
    }
    const [sender] = await rows<SenderRow>(
      db,
      sql`select id, from_name as "fromName", from_email as "fromEmail", reply_to as "replyTo", postal_address as "postalAddress",
            transport_id as "transportId" from email_senders where workspace_id = ${ws} and id = ${row.sender_id}`,
    );
    if (!sender) {
      await db.execute(sql`update email_messages set status = 'failed', error = 'The sender was deleted' where id = ${messageId}`);
      return { failed: 'sender' };
    }
    const people = row.contact_id ? await recipientRows(db, ws, [row.contact_id]) : new Map();
    const prepared = await prepareMessage(
      {
        ws,
        sender,
        dkim: await dkimKeyFor(db, ws, sender.fromEmail),
        customKeys: await customKeys(db, ws),
        campaign: { id: '', name: '' },
        campaignId: null,
        broadcastId: null,
        marketing: false,
        track: true,
      },
      row,
      await loadVersion(db, ws, row.template_version_id),
      people.get(row.contact_id ?? ''),
    );
    const target = await resolveTarget(db, ws, sender.transportId);
    const res = await deliverBatch(db, ws, target, claim, [prepared]);
    if (res.retry) throw new Error(res.lastError ?? 'temporary failure');
    return res;
  },
});
