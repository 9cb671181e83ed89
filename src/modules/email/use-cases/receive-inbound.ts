import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { newId } from '../../../kernel/db/index.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { processInboundJob } from '../jobs/process-inbound.ts';

/** Largest inbound message kept (bounces quote the original; 10 MB is plenty for a report). */
export const maxInboundBytes = 10 * 1024 * 1024;

export interface InboundInput {
  source: 'smtp' | 'webhook';
  /** Known for webhook posts (the API key's workspace); SMTP mail finds it through the message it reports on. */
  workspaceId?: string | null;
  envelopeFrom?: string | null;
  envelopeTo?: string[];
  raw: Buffer | string;
}

/**
 * Stores an inbound message and queues its processing in one transaction: once this returns, the message is
 * durable and will be processed (retried on failure), so the SMTP receiver can answer 250.
 */
export async function receiveInbound(exec: Executor, input: InboundInput) {
  const id = newId();
  // PostgreSQL text cannot hold NUL; nothing a report says depends on one.
  const raw = (Buffer.isBuffer(input.raw) ? input.raw.toString('utf8') : input.raw).replaceAll('\0', '');
  await exec.transaction(async (tx) => {
    await tx.execute(sql`insert into email_inbound (id, workspace_id, source, envelope_from, envelope_to, raw)
        values (${id}, ${input.workspaceId ?? null}, ${input.source}, ${input.envelopeFrom ?? null},
          ${JSON.stringify((input.envelopeTo ?? []).map((a) => a.toLowerCase()))}::jsonb, ${raw})`);
    await enqueue(
      tx,
      processInboundJob,
      { inboundId: id },
      { workspaceId: input.workspaceId ?? null, idempotencyKey: `email.inbound:${id}` },
    );
  });
  return { id };
}
