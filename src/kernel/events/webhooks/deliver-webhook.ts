import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { rows } from '../../db/helpers.ts';
import { defineJob, type JobContext } from '../../jobs/index.ts';
import { loadEvent, type OutboxEvent } from '../load-event.ts';
import { webhookDeliveries, webhookSubscriptions } from '../schema.ts';
import { webhookHeaders } from './signature.ts';

const timeoutMs = 10_000;
const keepBytes = 2048;

/** The JSON body of a delivery (Standard Webhooks shape); the same bytes on every attempt. */
export function webhookBody(event: OutboxEvent): string {
  const data = { ...event.data, ...(event.entityId && { id: event.entityId }), ...(event.entityType && { entity: event.entityType }) };
  return JSON.stringify({ type: event.type, timestamp: new Date(event.createdAt).toISOString(), data });
}

/** The first 2 KB of a response, without reading the rest of a large one. */
async function readHead(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < keepBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  // Postgres text cannot hold NUL; a binary answer is only kept for a human to glance at.
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, keepBytes)).replaceAll('\u0000', '');
}

interface Outcome {
  ok: boolean;
  status: number | null;
  body: string | null;
  error: string | null;
  ms: number;
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'Tandem-Webhooks/1' },
      body,
      // Redirects are not followed: a webhook URL must answer itself (and may not bounce us elsewhere).
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await readHead(res);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, body: text, error: ok ? null : `The endpoint answered HTTP ${res.status}`, ms: Date.now() - started };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const error = e.name === 'TimeoutError' ? `No answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, status: null, body: null, error, ms: Date.now() - started };
  }
}

async function isFinalAttempt(database: Database, job: JobContext) {
  const [r] = await rows<{ max_attempts: number }>(database.db, sql`select max_attempts from jobs where id = ${job.jobId}`);
  return job.attempt >= (r?.max_attempts ?? 1);
}

/**
 * One attempt: signs and POSTs the event, records the outcome on the delivery, and throws on a
 * non-2xx answer so the queue retries with backoff. After the last attempt the delivery is `failed`.
 */
export async function deliverWebhook(deliveryId: string, job: JobContext) {
  const { db } = job.database;
  const [d] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (d?.status !== 'pending') return { skipped: d?.status ?? 'missing' };
  const [sub] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.workspaceId, d.workspaceId), eq(webhookSubscriptions.id, d.subscriptionId)));
  const event = await loadEvent(db, d.eventId);
  if (!sub?.active || !event) {
    const error = !event ? 'The event no longer exists' : 'The webhook was deactivated before delivery';
    await db.update(webhookDeliveries).set({ status: 'cancelled', error, updatedAt: new Date() }).where(eq(webhookDeliveries.id, d.id));
    return { skipped: 'cancelled' };
  }
  const secrets = [sub.secret];
  if (sub.previousSecret && (sub.previousSecretExpiresAt?.getTime() ?? 0) > Date.now()) secrets.push(sub.previousSecret);
  const body = webhookBody(event);
  // webhook-id is the event id, stable across retries and resends, so receivers can drop duplicates.
  const outcome = await post(sub.url, webhookHeaders(secrets, event.id, body), body);
  const status = outcome.ok ? 'succeeded' : (await isFinalAttempt(job.database, job)) ? 'failed' : 'pending';
  await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseStatus: outcome.status,
      responseBody: outcome.body,
      error: outcome.error,
      durationMs: outcome.ms,
      deliveredAt: outcome.ok ? new Date() : null,
      updatedAt: new Date(),
    })
    .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.status, 'pending')));
  if (!outcome.ok) throw new Error(`Webhook delivery ${d.id} to ${sub.url} failed: ${outcome.error}`);
  return { status: outcome.status, ms: outcome.ms };
}

export const deliverWebhookJob = defineJob({
  id: 'webhooks.deliver',
  version: 1,
  payload: z.object({ deliveryId: z.uuid() }),
  maxAttempts: 8,
  // 1 min, 2, 4 … 64 min: about two hours before a delivery is given up.
  backoffSeconds: 60,
  handler: ({ deliveryId }, job) => deliverWebhook(deliveryId, job),
});
